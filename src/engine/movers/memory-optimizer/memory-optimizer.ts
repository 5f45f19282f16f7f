// Fengguang Wu's user-space migration daemon (intel/memory-optimizer sys-refs): idle-bit walks every
// interval, a placement decision every nr_walks walks, then move_pages() under a bandwidth cap.
import type { ResolvedScenario } from '../../../shared/scenario/resolved.ts';
import type { Kernel } from '../../mm/kernel.ts';
import { demotionTargets, moverCpuNode, promotionTargets } from '../targets.ts';
import { spend, type Mover, type MoverClock } from '../types.ts';
import { dramBudgetPages, splitDram } from './budget.ts';
import { movePending, newThrottle, type Throttle } from './move.ts';
import {
  clearCounts,
  countScores,
  enqueueMoves,
  makePoolScratch,
  reserveSlots,
  selectMoves,
  type MoveQueue,
  type PoolScratch,
} from './placement.ts';
import { walkIdlePages } from './walk.ts';

/** The daemon's passes over the scores it read (histograms, page selection), per page and round. */
const DECIDE_PAGE_NS = 15;

export interface MemoryOptimizer extends MoverClock {
  nextWalkNs: number;
  /** Walks done in the current round. */
  walks: number;
  /** Per vpage: walks of this round that found it accessed (and, weighing writes, written). */
  refs: Uint16Array;
  queue: MoveQueue;
  /** Next demotion to run (up to queue.nrDemote), next promotion (down to queue.promoteFrom). */
  demoteNext: number;
  promoteNext: number;
  throttle: Throttle;
  /** Per node: where a page on it goes up / down (-1: it does not); the daemon's CPU node. */
  promoteTo: Int32Array;
  demoteTo: Int32Array;
  cpuNode: number;
  shares: readonly (number | null)[];
  footprint: Float64Array;
  budgets: Float64Array;
  /** One scratch for a shared process at a time, one for the pool of the others. */
  own: PoolScratch;
  pool: PoolScratch;
}

export function createMemoryOptimizer(k: Kernel, s: ResolvedScenario): Mover {
  const nrVpages = k.m.pte.length;
  const nrGroups = k.mms.length;
  const maxScore = k.knobs.memopt_nr_walks * (k.knobs.memopt_weigh_dirty ? 2 : 1);
  const st: MemoryOptimizer = {
    clockNs: 0,
    busyNs: 0,
    nextWalkNs: 0,
    walks: 0,
    refs: new Uint16Array(nrVpages),
    queue: { vpages: new Uint32Array(nrVpages), nrDemote: 0, promoteFrom: nrVpages },
    demoteNext: 0,
    promoteNext: nrVpages - 1,
    throttle: newThrottle(k),
    promoteTo: promotionTargets(k),
    demoteTo: demotionTargets(k),
    cpuNode: moverCpuNode(k),
    shares: s.workload.map((w) => w.dramShare),
    footprint: new Float64Array(nrGroups),
    budgets: new Float64Array(nrGroups),
    own: makePoolScratch(maxScore),
    pool: makePoolScratch(maxScore),
  };
  return { run: (kk, untilNs) => runDaemon(kk, st, untilNs), cpuNs: () => st.busyNs };
}

/**
 * The main loop (GlobalScan::main_loop): walk every interval; after a round's last walk, decide and
 * migrate everything decided, throttled, before the next round's walks start.
 */
function runDaemon(k: Kernel, st: MemoryOptimizer, untilNs: number): void {
  while (st.clockNs < untilNs) {
    if (st.demoteNext < st.queue.nrDemote || st.promoteNext >= st.queue.promoteFrom) movePending(k, st);
    else if (st.clockNs >= st.nextWalkNs) walkAll(k, st);
    else st.clockNs = st.nextWalkNs;
  }
}

/** One walk of every watched process; the round's last one also decides the placement. */
function walkAll(k: Kernel, st: MemoryOptimizer): void {
  const intervalNs = k.knobs.memopt_interval_ms * 1e6;
  st.nextWalkNs += intervalNs;
  k.mms.forEach((mm, g) => {
    // sys-refs watches running processes: one with nothing resident has nothing mapped to walk.
    if (residentPages(k, g) > 0) spend(st, walkIdlePages(k, mm, st.refs));
  });
  // A walk that overran its interval starts the next one late, as the real loop does.
  st.nextWalkNs = Math.max(st.nextWalkNs, st.clockNs);
  if (++st.walks < k.knobs.memopt_nr_walks) return;
  st.walks = 0;
  decide(k, st);
}

/**
 * The end of a round: each process with a dramShare is a pool of its own, the others form one pool;
 * each pool's hottest pages fill its budget.
 */
function decide(k: Kernel, st: MemoryOptimizer): void {
  const q = st.queue;
  q.nrDemote = 0;
  q.promoteFrom = q.vpages.length;
  st.demoteNext = 0;
  st.promoteNext = q.vpages.length - 1;
  const gap = Math.max(1, k.knobs.memopt_anti_thrash_threshold);
  clearCounts(st.pool);
  let pages = 0;
  // The pool's histogram, and every process's footprint (a share never exceeds it).
  k.mms.forEach((mm, g) => {
    const into = st.shares[g] === null ? st.pool : clearCounts(st.own);
    st.footprint[g] = countScores(k, mm, st.refs, into);
    pages += st.footprint[g];
  });
  const poolBudget = splitDram(dramBudgetPages(k), st.shares, st.footprint, st.budgets);
  k.mms.forEach((mm, g) => {
    if (st.shares[g] === null) return;
    countScores(k, mm, st.refs, clearCounts(st.own));
    selectMoves(st.own, st.budgets[g]!, gap);
    reserveSlots(st.own, q);
    enqueueMoves(k, mm, st.refs, st.own, q);
  });
  selectMoves(st.pool, poolBudget, gap);
  reserveSlots(st.pool, q);
  k.mms.forEach((mm, g) => {
    if (st.shares[g] === null) enqueueMoves(k, mm, st.refs, st.pool, q);
  });
  st.refs.fill(0);
  spend(st, pages * DECIDE_PAGE_NS);
}

function residentPages(k: Kernel, g: number): number {
  let n = 0;
  for (let node = 0; node < k.m.nrNodes; node++) n += k.resident[g * k.m.nrNodes + node]!;
  return n;
}
