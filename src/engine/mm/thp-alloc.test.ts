import { describe, expect, it } from 'vitest';
import { fragmentDram, pinOnePerBlock, stat } from '../../../tests/support/engine/kernel-pages.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { buildWorld } from '../sim/setup.ts';
import { runKcompactd } from './kcompactd.ts';
import { nrFreePageblocks } from './free-area.ts';
import { folioNrPages } from './folio.ts';
import type { Kernel } from './kernel.ts';
import { runKswapd } from './kswapd.ts';
import { lruAdd, lruDel } from './lru.ts';
import { NIL, putFreeFrame, takeFreeFrame } from './mem-state.ts';
import { MR } from './migrate.ts';
import { makeAllocPolicy } from './page-alloc.ts';
import { doHugePmdAnonymousPage } from './thp-fault.ts';
import { MIGRATE_BASE_NS } from './costs.ts';

// twoTierScenario: DRAM 64 MiB (16384 frames, 32 pageblocks of 512, low mark 183, high 219) and
// PMEM 128 MiB (64 pageblocks). The workload's 96 MiB VMA starts at vpage 0; DRAM's pages are
// mapped at vpages 0..16383, so a fault at vpage 16384 has a whole unpopulated PMD range.
const FAULT_VPAGE = 16384;

function world(knobs: Record<string, unknown>, thp = true) {
  const s = twoTierScenario({ knobs, workload: { size: '96MiB', thp } });
  const { k } = buildWorld(s);
  const p = makeAllocPolicy(k.m.nrNodes, 0, { mode: 'default', nodes: [], flags: [] });
  return { k, p };
}

const fault = (w: ReturnType<typeof world>, vpage = FAULT_VPAGE) =>
  doHugePmdAnonymousPage(w.k, w.p, vpage, true);
const compactionMoves = (k: Kernel) => k.migrated[(MR.compaction * k.m.nrNodes + 0) * k.m.nrNodes + 0]!;

describe('a THP fault on a fragmented node', () => {
  it('compacts the node in the faulting task and gets its huge page (defrag=always, madvised)', () => {
    // 4096 free pages in 2 of every 8 frames, no free block: async compaction moves block 0's
    // 384 pages into blocks 31, 30 and 29 (128 free each), and block 0 becomes the THP.
    const w = world({ transparent_hugepage_defrag: 'always' });
    fragmentDram(w.k, 2);
    expect(nrFreePageblocks(w.k.m.area, 0)).toBe(0);
    const head = fault(w);
    expect(head).toBe(0);
    expect(folioNrPages(w.k.m, head)).toBe(512);
    expect(stat(w.k, 0, 'thp_fault_alloc')).toBe(1);
    expect(stat(w.k, 0, 'compact_stall')).toBe(1);
    expect(stat(w.k, 0, 'compact_success')).toBe(1);
    expect(stat(w.k, 0, 'compact_fail')).toBe(0);
    expect(compactionMoves(w.k)).toBe(384);
    expect(stat(w.k, 0, 'pgmigrate_success')).toBe(384);
    expect(stat(w.k, 0, 'compact_migrate_scanned')).toBe(512);
    expect(stat(w.k, 0, 'compact_isolated')).toBe(768);
    expect(stat(w.k, 0, 'compact_daemon_migrate_scanned')).toBe(0);
    expect(stat(w.k, 0, 'allocstall_normal')).toBe(0);
    // The stall is the task's: at least a migration's fixed cost per page moved.
    expect(w.k.chargedNs).toBeGreaterThan(384 * MIGRATE_BASE_NS);
    expect(w.k.compactDefer[0]).toEqual({ considered: 0, deferShift: 0, orderFailed: 10 });
  });

  it('falls back at once under defrag=never, even with free blocks on the slow node', () => {
    // GFP_TRANSHUGE_LIGHT: the local node alone (__GFP_THISNODE), no compaction, no kswapd.
    const w = world({ transparent_hugepage_defrag: 'never' });
    fragmentDram(w.k, 2);
    expect(fault(w)).toBe(NIL);
    expect(stat(w.k, 0, 'thp_fault_fallback')).toBe(1);
    expect(stat(w.k, 0, 'compact_stall')).toBe(0);
    expect(compactionMoves(w.k)).toBe(0);
    expect(w.k.kswapd[0]!.awake).toBe(false);
    expect(nrFreePageblocks(w.k.m.area, 1)).toBe(64);
  });

  it('wakes kswapd under defrag=defer, whose high-order run ends by waking kcompactd', () => {
    const w = world({ transparent_hugepage_defrag: 'defer' });
    fragmentDram(w.k, 2);
    // Age the LRU across blocks (oldest: the first page of each block, then the second ...), so
    // kswapd's 1024 pages for compact_gap come from every block and free none of them whole.
    for (let i = 0; i < 16384; i++) {
      const pfn = (i % 32) * 512 + Math.floor(i / 32);
      if (pfn % 8 < 2) continue;
      lruDel(w.k.m, pfn);
      lruAdd(w.k.m, pfn);
    }
    expect(fault(w)).toBe(NIL);
    expect(stat(w.k, 0, 'thp_fault_fallback')).toBe(1);
    expect(stat(w.k, 0, 'compact_stall')).toBe(0);
    expect(w.k.kswapd[0]!.awake).toBe(true);
    expect(w.k.kswapd[0]!.order).toBe(9);
    runKswapd(w.k, 0, 1e9);
    expect(w.k.kswapd[0]!.awake).toBe(false);
    expect(stat(w.k, 0, 'pgsteal_kswapd')).toBeGreaterThanOrEqual(1024);
    expect(nrFreePageblocks(w.k.m.area, 0)).toBe(0);
    expect(stat(w.k, 0, 'compact_daemon_wake')).toBe(1);
    runKcompactd(w.k, 0, 2e9);
    expect(nrFreePageblocks(w.k.m.area, 0)).toBeGreaterThan(0);
    expect(fault(w, FAULT_VPAGE + 512)).not.toBe(NIL);
  });

  it('takes the slow node’s free block when the local node has too little free to compact (defrag=always)', () => {
    // 1 free page in 8: 2048 free > low 183 + compact_gap 1024, so make it 1 in 16 (1024): skipped.
    // Not madvised: __GFP_NORETRY; the local try is skipped (no stall), the zonelist gives PMEM's block.
    const w = world({ transparent_hugepage: 'always', transparent_hugepage_defrag: 'always' }, false);
    for (let i = 0; i < 16384; i++) takeFreeFrame(w.k.m, 0);
    for (let pfn = 0; pfn < 16384; pfn += 16) putFreeFrame(w.k.m, pfn);
    const head = fault(w);
    expect(head).toBeGreaterThanOrEqual(w.k.m.nodeStart[1]!);
    expect(stat(w.k, 0, 'compact_stall')).toBe(0);
    expect(stat(w.k, 1, 'numa_miss')).toBe(512);
    expect(stat(w.k, 0, 'numa_foreign')).toBe(512);
  });

  it('fails, counts each compaction as a stall and a failure, and defers the nodes that sync compaction failed on', () => {
    // Every pageblock of both nodes keeps one unmovable frame, so no compaction can free one.
    // Fault 1, local node alone (__GFP_NORETRY): async compaction fails (stall 1); reclaim is not
    // needed (free 4064 > high 219 + 1024: compaction_ready), async again (stall 2). Then the
    // zonelist: async on DRAM and PMEM (stall 3), reclaim skipped again, sync light on both
    // (stall 4): both complete without a block and are deferred, shift 1.
    const w = world({ transparent_hugepage_defrag: 'always' });
    fragmentDram(w.k, 2);
    pinOnePerBlock(w.k, 0);
    pinOnePerBlock(w.k, 1);
    expect(fault(w)).toBe(NIL);
    expect(stat(w.k, 0, 'thp_fault_fallback')).toBe(1);
    expect(stat(w.k, 0, 'compact_stall')).toBe(4);
    expect(stat(w.k, 0, 'compact_fail')).toBe(4);
    expect(stat(w.k, 0, 'compact_success')).toBe(0);
    expect(stat(w.k, 0, 'allocstall_normal')).toBe(2);
    expect(w.k.compactDefer[0]).toEqual({ considered: 0, deferShift: 1, orderFailed: 0 });
    expect(w.k.compactDefer[1]).toEqual({ considered: 0, deferShift: 1, orderFailed: 0 });
    // Fault 2: the local try is deferred (considered 1 < 2: a stall and a failure, then give up);
    // the zonelist's async run compacts DRAM (considered 2) and defers PMEM (1); sync light runs
    // on both (DRAM stays at 2 >= 2, PMEM reaches 2), fails, and both go to shift 2.
    expect(fault(w, FAULT_VPAGE + 512)).toBe(NIL);
    expect(stat(w.k, 0, 'compact_stall')).toBe(7);
    expect(stat(w.k, 0, 'compact_fail')).toBe(7);
    expect(stat(w.k, 0, 'allocstall_normal')).toBe(3);
    expect(w.k.compactDefer[0]!.deferShift).toBe(2);
    expect(w.k.compactDefer[1]!.deferShift).toBe(2);
  });
});
