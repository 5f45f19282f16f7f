// The daemon's move_pages() calls: a round's moves run one page at a time under bandwidth_mbps, a
// token bucket that saves up at most one interval's bytes while the daemon walks.
import type { Kernel } from '../../mm/kernel.ts';
import { PTE_SWAPPED, pageToNid } from '../../mm/mem-state.ts';
import { MR } from '../../mm/migrate.ts';
import { MOVE_OK, movePage } from '../../mm/move-pages.ts';
import { MB } from '../targets.ts';
import { spend } from '../types.ts';
import type { MemoryOptimizer } from './memory-optimizer.ts';

/** move_pages()'s per-page share of the syscall (lookup, status), on top of the migration itself. */
const MOVE_PAGES_NS = 300;
/** Dropping a queued page that is gone or already on the right tier. */
const SKIP_NS = 50;

export interface Throttle {
  bytesPerNs: number;
  /** Most bytes that may be moved back to back: one interval's worth (and at least a page). */
  burstBytes: number;
  tokens: number;
  refilledAtNs: number;
}

export function newThrottle(k: Kernel): Throttle {
  const bytesPerNs = (k.knobs.memopt_bandwidth_mbps * MB) / 1e9;
  const burstBytes = Math.max(k.pageSize, bytesPerNs * k.knobs.memopt_interval_ms * 1e6);
  return { bytesPerNs, burstBytes, tokens: 0, refilledAtNs: 0 };
}

/**
 * Runs the next queued move (demotions first), or sleeps until the bucket holds a page's worth of
 * bytes. A page that left its tier meanwhile is skipped. Only moves that happened use up bandwidth;
 * their cost, reclaim on the target included, is the daemon's time.
 */
export function movePending(k: Kernel, st: MemoryOptimizer): void {
  const t = st.throttle;
  t.tokens = Math.min(t.burstBytes, t.tokens + (st.clockNs - t.refilledAtNs) * t.bytesPerNs);
  t.refilledAtNs = st.clockNs;
  if (t.tokens < k.pageSize) {
    st.clockNs += Math.ceil((k.pageSize - t.tokens) / t.bytesPerNs);
    return;
  }
  const q = st.queue;
  const up = st.demoteNext >= q.nrDemote;
  const v = up ? q.vpages[st.promoteNext--]! : q.vpages[st.demoteNext++]!;
  const e = k.m.pte[v]!;
  const node = e === 0 || e >= PTE_SWAPPED ? -1 : pageToNid(k.m, e - 1);
  const fast = node >= 0 && k.layout.topTier[node] === true;
  const target = node < 0 ? -1 : up ? (fast ? -1 : st.promoteTo[node]!) : fast ? st.demoteTo[node]! : -1;
  if (target < 0) {
    spend(st, SKIP_NS);
    return;
  }
  k.nowNs = st.clockNs;
  k.chargedNs = 0;
  const rc = movePage(k, v, target, MR.daemon, st.cpuNode);
  spend(st, MOVE_PAGES_NS + k.chargedNs);
  if (rc === MOVE_OK) t.tokens -= k.pageSize;
}
