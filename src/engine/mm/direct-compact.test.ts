import { describe, expect, it } from 'vitest';
import { fragmentDram, pinOnePerBlock, stat } from '../../../tests/support/engine/kernel-pages.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { buildWorld } from '../sim/setup.ts';
import { COMPACT } from './compaction.ts';
import { COMPACT_PRIO, compactZoneDirect, tryToCompactPages } from './direct-compact.ts';
import { MIGRATE_UNMOVABLE, nrFreePageblocks, setPageblockMigratetype } from './free-area.ts';
import type { Kernel } from './kernel.ts';
import { putFreeFrame, takeFreeFrame } from './mem-state.ts';
import { MR } from './migrate.ts';

// twoTierScenario's DRAM: 16384 frames in 32 pageblocks of 512, low mark 183; fragmentDram(k, 2)
// leaves 128 free pages in every block.
function fragmented(): Kernel {
  const { k } = buildWorld(twoTierScenario({ workload: { size: '96MiB' } }));
  fragmentDram(k, 2);
  return k;
}

/** Blocks 0..28 typed unmovable (their pages still LRU pages a sync compactor may move). */
function mostlyUnmovable(): Kernel {
  const k = fragmented();
  for (let b = 0; b <= 28; b++) setPageblockMigratetype(k.m.area, 0, b, MIGRATE_UNMOVABLE);
  return k;
}

const moves = (k: Kernel) => k.migrated[(MR.compaction * k.m.nrNodes + 0) * k.m.nrNodes + 0]!;

describe('direct compaction (compact_zone for a direct compactor)', () => {
  it('takes pages only from movable pageblocks when async (suitable_migration_source)', () => {
    // Sources: block 29 only (0..28 are skipped unscanned). Its 384 pages fill blocks 31 and 30
    // (128 free each): 256 moves, then the free scanner reaches block 29 and the scanners meet.
    const k = mostlyUnmovable();
    expect(compactZoneDirect(k, 0, COMPACT_PRIO.async)).toBe(COMPACT.complete);
    expect(moves(k)).toBe(256);
    expect(nrFreePageblocks(k.m.area, 0)).toBe(0);
    expect(stat(k, 0, 'compact_migrate_scanned')).toBeLessThan(512);
    // The scanners met: the next run starts again from the node's ends.
    expect(k.compactCached[0]!.migratePfn).toBe(0);
    expect(k.compactCached[0]!.freeBlock).toBe(31);
  });

  it('takes LRU pages from any pageblock when sync light, freeing the lowest block', () => {
    // Block 0's 384 pages go 128 each into blocks 31, 30 and 29.
    const k = mostlyUnmovable();
    expect(compactZoneDirect(k, 0, COMPACT_PRIO.syncLight)).toBe(COMPACT.success);
    expect(moves(k)).toBe(384);
    expect(nrFreePageblocks(k.m.area, 0)).toBe(1);
    expect(k.m.area.nrFree[0]).toBe(512);
  });

  it('reports success at once when the huge page can be had, and skipped when free pages are too few', () => {
    const { k } = buildWorld(twoTierScenario());
    expect(compactZoneDirect(k, 0, COMPACT_PRIO.async)).toBe(COMPACT.success);
    expect(stat(k, 0, 'compact_migrate_scanned')).toBe(0);
    // 1 free frame in 16: 1024 free, not above low 183 + compact_gap 1024.
    const short = buildWorld(twoTierScenario()).k;
    for (let i = 0; i < 16384; i++) takeFreeFrame(short.m, 0);
    for (let pfn = 0; pfn < 16384; pfn += 16) putFreeFrame(short.m, pfn);
    expect(compactZoneDirect(short, 0, COMPACT_PRIO.syncLight)).toBe(COMPACT.skipped);
    expect(stat(short, 0, 'compact_migrate_scanned')).toBe(0);
  });

  it('defers a node only after a sync run fails, and skips the deferred attempts unscanned', () => {
    // Every block keeps a pinned frame, so no run can free one: each completes without success.
    const k = fragmented();
    pinOnePerBlock(k, 0);
    expect(tryToCompactPages(k, [0], null, COMPACT_PRIO.async)).toBe(COMPACT.complete);
    expect(k.compactDefer[0]!.deferShift).toBe(0); // async never defers
    expect(tryToCompactPages(k, [0], null, COMPACT_PRIO.syncLight)).toBe(COMPACT.complete);
    expect(k.compactDefer[0]).toEqual({ considered: 0, deferShift: 1, orderFailed: 0 });
    const scanned = stat(k, 0, 'compact_migrate_scanned');
    // considered 1 < 1 << 1: deferred, nothing scanned.
    expect(tryToCompactPages(k, [0], null, COMPACT_PRIO.async)).toBe(COMPACT.deferred);
    expect(stat(k, 0, 'compact_migrate_scanned')).toBe(scanned);
    // considered 2: runs again, and a sync failure doubles the deferral.
    expect(tryToCompactPages(k, [0], null, COMPACT_PRIO.syncLight)).toBe(COMPACT.complete);
    expect(k.compactDefer[0]!.deferShift).toBe(2);
  });
});
