// kcompactd, one per node (mm/compaction.c): woken when a boosted balance_pgdat() ends, when
// kswapd sleeps after a high-order wake, or by a THP fault that may not stall on a node kswapd
// finds balanced (wakeup_kcompactd at pageblock_order). It runs compact_zone() in sync-light mode
// on its own clock, from the node's ends, and shares the node's deferral with direct compaction.
import { STAT } from '../../shared/vmstat.ts';
import {
  COMPACT,
  compactionSuitable,
  compactStep,
  resetCachedPositions,
  type CompactControl,
} from './compaction.ts';
import { compactionDeferReset, compactionDeferred, deferCompaction } from './compaction-defer.ts';
import { nrFreePageblocks } from './free-area.ts';
import { count, cutRound, type Kernel } from './kernel.ts';

/** Least time one compaction step takes, so a kcompactd that finds nothing to move still moves on. */
const MIN_STEP_NS = 1000;

export interface KcompactdState extends CompactControl {
  /** Woken and not finished. */
  pending: boolean;
  /** Simulated time (ns) this kcompactd has used up to. */
  clockNs: number;
}

export function newKcompactd(): KcompactdState {
  const idle = COMPACT.complete;
  return {
    pending: false,
    clockNs: 0,
    migratePfn: 0,
    freeBlock: 0,
    async: false,
    direct: false,
    result: idle,
  };
}

/** wakeup_kcompactd(pgdat, pageblock_order): wakes node's kcompactd unless a block is free or compaction cannot help. */
export function wakeupKcompactd(k: Kernel, node: number): void {
  const s = k.kcompactd[node]!;
  if (s.pending || nrFreePageblocks(k.m.area, node) > 0 || !compactionSuitable(k, node)) return;
  s.pending = true;
  // Woken by a fault inside one of the rate engine's long rounds, it starts when it would in fine ones.
  cutRound(k, k.nowNs);
  s.clockNs = Math.max(s.clockNs, k.nowNs);
  s.result = COMPACT.continue;
  resetCachedPositions(k, node, s);
  count(k, node, STAT.compact_daemon_wake);
  // kcompactd_do_work(): a node where compaction keeps failing is skipped as direct compaction skips it.
  if (compactionDeferred(k.compactDefer[node]!, k.m.area.pageblockOrder)) s.pending = false;
}

/** Runs node's kcompactd until its clock reaches untilNs or compact_zone() finishes. */
export function runKcompactd(k: Kernel, node: number, untilNs: number): void {
  const s = k.kcompactd[node]!;
  while (s.pending && s.clockNs < untilNs) {
    k.nowNs = s.clockNs;
    const costNs = compactStep(k, node, s);
    s.clockNs += Math.max(costNs, MIN_STEP_NS);
    if (s.result !== COMPACT.continue) finishKcompactd(k, node, s);
  }
}

/** kcompactd_do_work()'s end: success resets the node's deferral, sync failure defers it (MIGRATE_SYNC_LIGHT). */
function finishKcompactd(k: Kernel, node: number, s: KcompactdState): void {
  const order = k.m.area.pageblockOrder;
  s.pending = false;
  if (s.result === COMPACT.success) compactionDeferReset(k.compactDefer[node]!, order, false);
  else if (s.result === COMPACT.complete) deferCompaction(k.compactDefer[node]!, order);
}
