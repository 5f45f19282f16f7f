import { describe, expect, it } from 'vitest';
import type { Kernel } from '../../mm/kernel.ts';
import { isThpHead } from '../../mm/folio.ts';
import { allocHugeOnNode } from '../../mm/huge-alloc.ts';
import { lruAdd } from '../../mm/lru.ts';
import { NIL, pageToNid } from '../../mm/mem-state.ts';
import { WMARK_LOW } from '../../mm/watermark.ts';
import { buildWorld } from '../../sim/setup.ts';
import { moverScenario } from '../../../../tests/support/engine/mover-scenario.ts';
import { stat } from '../../../../tests/support/engine/kernel-pages.ts';
import { getIdx } from './bins.ts';
import { coolHugePage, sampleHugePage } from './huge-hotness.ts';
import type { Kmigrated } from './kmigrated.ts';
import type { Ksampled } from './memtis.ts';

/** DRAM 64 MiB + PMEM 256 MiB under memtis, a 128 MiB THP workload (vpages 0..32767); never run. */
function memtisKernel() {
  const s = moverScenario('memtis', [{ name: 'w', type: 'hotset', size: '128MiB', thp: true }], {
    knobs: { htmm_watermark_limits: false, transparent_hugepage: 'always' },
  });
  const { k } = buildWorld(s);
  const ksampled = k.sampler as Ksampled;
  const threads = k.movers.filter((m): m is Kmigrated => 'state' in m);
  return { k, hot: ksampled.hot, promoter: threads.find((m) => m.state.node === 1)! };
}

/** Maps a THP of `node` over vpages [v0, v0 + 512) as do_huge_pmd_anonymous_page does. Returns its head. */
function mapThp(k: Kernel, node: number, v0: number): number {
  const head = allocHugeOnNode(k, node, WMARK_LOW);
  expect(head).not.toBe(NIL);
  k.m.owner[head] = v0;
  for (let v = v0; v < v0 + 512; v++) k.m.pte[v] = head + 1;
  lruAdd(k.m, head);
  expect(isThpHead(k.m, head)).toBe(true);
  return head;
}

const nodeOf = (k: Kernel, v: number) => pageToNid(k.m, k.m.pte[v]! - 1);

describe("MEMTIS's huge-page split in the kernel", () => {
  it('queues a skewed THP at a walk, splits it at the next wake-up, then promotes only its hot subpages', () => {
    const { k, hot, promoter } = memtisKernel();
    mapThp(k, 1, 0);
    // Subpages 10 and 300 sampled 8 times each (4096): the THP's own count is 16 (bin 4).
    for (let i = 0; i < 8; i++) {
      sampleHugePage(hot, 0, 10);
      sampleHugePage(hot, 0, 300);
    }
    coolHugePage(hot, 0); // skewness bin 20; subpages halved to 2048 (bin 11), the THP to 8 (bin 3)
    expect(hot.thp.skewIdx[0]).toBe(20);
    hot.activeThreshold = 11; // the THP (bin 3) is not hot; its two subpages would be
    hot.split.splitThreshold = 20;
    hot.split.nrSplit = 512;
    hot.walkEpoch++;
    promoter.run(k, 1); // pass at 0: the walk queues it; nothing is hot enough to promote
    expect(hot.thp.queued[0]).toBe(1);
    expect(hot.split.nrSplit).toBe(0);
    expect([stat(k, 1, 'thp_split_page'), stat(k, 1, 'htmm_nr_promoted')]).toEqual([0, 0]);
    promoter.run(k, 600e6); // pass at 500 ms: split first, then the subpages by their own bins
    expect([stat(k, 1, 'thp_split_page'), stat(k, 1, 'htmm_nr_split')]).toEqual([1, 1]);
    expect(hot.split.splitHappen).toBe(true);
    expect(stat(k, 1, 'htmm_nr_promoted')).toBe(2);
    expect([nodeOf(k, 10), nodeOf(k, 300), nodeOf(k, 11), nodeOf(k, 511)]).toEqual([0, 0, 1, 1]);
    // hotness_hg: the THP's 512 pages left bin 3; its subpages are in theirs (2 in 11, 510 in 0).
    expect([hot.hg[3], hot.hg[getIdx(2048)], hot.hg[0]]).toEqual([0, 2, 510]);
  });

  it('moves a hot THP whole, unsplit, counting 512 pages and thp_migration_success', () => {
    const { k, hot, promoter } = memtisKernel();
    mapThp(k, 1, 512);
    for (let i = 0; i < 3; i++) sampleHugePage(hot, 1, 600); // the THP's count 3: bin 2
    hot.activeThreshold = 2;
    promoter.run(k, 1);
    expect([stat(k, 1, 'htmm_nr_promoted'), stat(k, 1, 'thp_migration_success')]).toEqual([512, 1]);
    expect(stat(k, 1, 'thp_split_page')).toBe(0);
    expect([nodeOf(k, 512), nodeOf(k, 1023)]).toEqual([0, 0]);
    expect(isThpHead(k.m, k.m.pte[512]! - 1)).toBe(true);
  });
});
