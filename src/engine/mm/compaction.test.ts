import { describe, expect, it } from 'vitest';
import { STAT } from '../../shared/vmstat.ts';
import { buildWorld } from '../sim/setup.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { fragmentDram } from '../../../tests/support/engine/kernel-pages.ts';
import { runKcompactd, wakeupKcompactd } from './kcompactd.ts';
import { runKswapd, wakeupKswapd } from './kswapd.ts';
import { nrFreePageblocks, pageblockOf } from './free-area.ts';
import type { Kernel } from './kernel.ts';
import { putFreeFrame, takeFreeFrame } from './mem-state.ts';
import { MR } from './migrate.ts';

// twoTierScenario's DRAM: 16384 pages in 32 pageblocks of 512, low mark 183.

/** DRAM full of anon pages (vpage = pfn), then the pages below `freePerEight` of every 8 freed. */
function fragmented(freePerEight: number): Kernel {
  const { k } = buildWorld(twoTierScenario());
  fragmentDram(k, freePerEight);
  return k;
}

const stat = (k: Kernel, name: keyof typeof STAT) => k.stats[STAT[name]]!;
const compactionMoves = (k: Kernel) => k.migrated[(MR.compaction * k.m.nrNodes + 0) * k.m.nrNodes + 0]!;

describe('kcompactd', () => {
  it('moves the lowest block’s pages into the highest blocks until that block is free', () => {
    // 4096 free pages (> low 183 + compact_gap 1024), no free pageblock: block 0's 384 pages go
    // up, 128 into each of blocks 31, 30 and 29, and block 0 is free.
    const k = fragmented(2);
    expect(nrFreePageblocks(k.m.area, 0)).toBe(0);
    wakeupKcompactd(k, 0);
    runKcompactd(k, 0, 1e9);
    expect(nrFreePageblocks(k.m.area, 0)).toBe(1);
    expect(k.m.area.nrFree[0]).toBe(512);
    expect(compactionMoves(k)).toBe(384);
    expect(stat(k, 'pgmigrate_success')).toBe(384);
    expect(stat(k, 'compact_isolated')).toBe(768);
    expect(stat(k, 'compact_migrate_scanned')).toBe(512);
    expect(stat(k, 'compact_daemon_migrate_scanned')).toBe(512);
    expect(stat(k, 'compact_daemon_wake')).toBe(1);
    expect(k.m.nrFree[0]).toBe(4096);
    const moved = k.m.pte[7]! - 1;
    expect(pageblockOf(k.m.area, 0, 0, moved)).toBeGreaterThanOrEqual(29);
    expect(k.kcompactd[0]!.pending).toBe(false);
  });

  it('is woken when a boosted kswapd run ends, as there is now likely space', () => {
    const k = fragmented(2);
    k.watermarkBoost[0] = 512;
    wakeupKswapd(k, 0);
    expect(k.kcompactd[0]!.pending).toBe(false);
    runKswapd(k, 0, 1e9);
    expect(k.kswapd[0]!.awake).toBe(false);
    expect(k.kcompactd[0]!.pending).toBe(true);
  });

  it('is not woken when free pages are short of low + compact_gap', () => {
    // 1 free page in 16: 1024 free, not above 183 + 1024.
    const { k } = buildWorld(twoTierScenario());
    for (let i = 0; i < 16384; i++) takeFreeFrame(k.m, 0);
    for (let pfn = 0; pfn < 16384; pfn += 16) putFreeFrame(k.m, pfn);
    wakeupKcompactd(k, 0);
    expect(k.kcompactd[0]!.pending).toBe(false);
    expect(stat(k, 'compact_daemon_wake')).toBe(0);
  });

  it('is not woken while a pageblock is free already', () => {
    const { k } = buildWorld(twoTierScenario());
    wakeupKcompactd(k, 0);
    expect(k.kcompactd[0]!.pending).toBe(false);
  });
});
