import { describe, expect, it } from 'vitest';
import { addPage, genOf, mglruKernel } from '../../../tests/support/engine/lru-gen-pages.ts';
import { PG } from './page-flags.ts';
import { scanControl } from './scan-control.ts';
import { LRU_GEN_ANON, listIndex, MAX_NR_GENS } from './lru-gen.ts';
import { tryToIncMaxSeq } from './lru-gen-aging.ts';
import { resetBatchSize, updateBatchSize } from './lru-gen-walk-batch.ts';

const anonPages = (k: ReturnType<typeof mglruKernel>, gen: number): number =>
  k.m.lrugen!.nrPages[listIndex(0, gen, LRU_GEN_ANON)]!;

describe("the walk's batched generation sizes (update_batch_size, reset_batch_size)", () => {
  it('leaves the sizes alone until the batch is reset, then moves each folio once, and empties the batch', () => {
    const k = mglruKernel();
    const a = addPage(k, 0);
    const b = addPage(k, 1);
    expect([genOf(k.m.lrugen!, a), anonPages(k, 2), anonPages(k, 3)]).toEqual([2, 2, 0]);
    updateBatchSize(k.m, a, 2, 3);
    updateBatchSize(k.m, b, 2, 3);
    expect([anonPages(k, 2), anonPages(k, 3)]).toEqual([2, 0]);
    resetBatchSize(k.m.lrugen!, 0);
    expect([anonPages(k, 2), anonPages(k, 3)]).toEqual([0, 2]);
    resetBatchSize(k.m.lrugen!, 0);
    expect([anonPages(k, 2), anonPages(k, 3)]).toEqual([0, 2]);
  });

  it('has the sizes agree with the gen bits after an aging walk that promoted one folio of three', () => {
    const k = mglruKernel();
    const lg = k.m.lrugen!;
    const pfns = [
      addPage(k, 0, { flags: PG.young | PG.referenced }),
      addPage(k, 1, { flags: PG.young }),
      addPage(k, 2),
    ];
    tryToIncMaxSeq(k, 0, 60, scanControl('kswapd', 32));
    // The young-again folio went to gen 3 (the walk's max_seq); the others stay in gen 2.
    const byBits = Array.from(
      { length: MAX_NR_GENS },
      (_, g) => pfns.filter((p) => genOf(lg, p) === g).length,
    );
    const sizes = Array.from({ length: MAX_NR_GENS }, (_, g) => anonPages(k, g));
    expect(byBits).toEqual([0, 0, 2, 1]);
    expect(sizes).toEqual(byBits);
  });
});
