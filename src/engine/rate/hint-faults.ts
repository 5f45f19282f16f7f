// The rate engine's side of the NUMA scanner and hint faults in memory-tiering mode: which PROT_NONE
// pages are played one by one and which are counted in aggregate (hint-aggregate.ts), and what the
// aggregate faults of a stretch of draws do to the kernel (do_numa_page for a page past every hot
// threshold). Worked example: hot_threshold_ms 1000 (so at most 2000 after the auto-adjust), one
// thread, DRAM at 80 ns: a page whose next draw is more than (2000 + 2) ms * 12,500 draws/ms =
// 25.0 M draws away cannot fault within any threshold; at p = 1e-9 that is 97.5% of such pages.
import { STAT } from '../../shared/vmstat.ts';
import { NUMA_BALANCING_MEMORY_TIERING } from '../../shared/scenario/knobs.ts';
import { HINT_FAULT_NS } from '../mm/costs.ts';
import { count, type Kernel } from '../mm/kernel.ts';
import { pageToNid } from '../mm/mem-state.ts';
import { PG } from '../mm/page-flags.ts';
import { isThpHead } from '../mm/folio.ts';
import { hintFaultsPastThreshold, maxHotThresholdMs, pgdatFreeSpaceEnough } from '../mm/promotion-limits.ts';
import { taskNumaFaults } from '../mm/numa-scan-period.ts';
import { numabFaultPid } from '../mm/numa-hint-fault.ts';
import type { Task } from '../sim/task.ts';
import type { DrawDomain } from './draw-domain.ts';
import { fleetIndex } from '../mm/fleet-sample.ts';
import { markFleetPending } from './draw-fleet.ts';

/**
 * Time beyond the threshold a wait must exceed: the scan runs at a round's start and the threads
 * then run the round one after another, so a draw counted after the scan may come up to a round
 * (at most 1 ms) earlier than the time its count suggests; two rounds cover it.
 */
const SLACK_MS = 2;

/**
 * The fewest draws of the domain that take longer than any hot threshold: every thread at its
 * fastest (the lowest unloaded latency of any node, no think time, no CPU contention).
 */
export function noPromotionDraws(k: Kernel, d: DrawDomain, sinceScanMs = 0): number {
  let fastestNs = Infinity;
  for (let i = 0; i < k.baseLatency.length; i++) fastestNs = Math.min(fastestNs, k.baseLatency[i]!);
  const leftMs = Math.max(0, maxHotThresholdMs(k) + SLACK_MS - sinceScanMs);
  return (leftMs * 1e6 * Math.max(1, d.threads)) / fastestNs;
}

/**
 * Whether a hint fault from `cpuNode` on a slow-tier page is decided only by the hot threshold:
 * tiering mode with hot-page selection (TPP's active check changes the LRU), the faulting CPU on
 * the top tier (so the fault is remote) and without the free-space bypass, which promotes any page.
 */
function thresholdDecides(k: Kernel, cpuNode: number): boolean {
  return (
    (k.knobs.numa_balancing & NUMA_BALANCING_MEMORY_TIERING) !== 0 &&
    k.mechanisms.tieringPromotion &&
    !k.mechanisms.tpp &&
    k.layout.topTier[cpuNode]! &&
    !pgdatFreeSpaceEnough(k, cpuNode)
  );
}

/**
 * The scanner makes slow-tier base page v (frame pfn on `node`) PROT_NONE, for a task on `cpuNode`.
 * Draws its next touch: if that is further off than any hot threshold, the page stays on the plain
 * path pending an aggregate fault (PG_hintPending, touchMark = the fault's draw count); otherwise it
 * leaves the plain path and waits for its fault as any PROT_NONE page (the draw is kept).
 */
export function scanProtNone(
  k: Kernel,
  d: DrawDomain,
  v: number,
  pfn: number,
  node: number,
  cpuNode: number,
): void {
  const p = d.law.p(v - d.law.base);
  const { flags } = k.m;
  d.settle(k, pfn, v); // the draws until now owe their bits before the PTE stops seeing them
  if (!(p > 0)) {
    flags[pfn] = flags[pfn]! | PG.protnone; // never drawn: never faults
    d.leavePlain(k, v, node, p);
    return;
  }
  const wait = d.drawWait(p);
  if (pendPastThreshold(k, d, v, pfn, wait, 0, cpuNode)) return;
  flags[pfn] = flags[pfn]! | PG.protnone;
  d.leavePlain(k, v, node, p);
  d.waitAt(v, d.drawn + wait);
}

/**
 * If slow-tier page v (frame pfn), scanned `sinceScanMs` ago and next drawn `wait` draws from now,
 * cannot fault within any hot threshold, makes it pend its fault in aggregate (PG_hintPending,
 * touchMark = the fault's draw count) and returns true; the caller keeps it on the plain path.
 */
function pendPastThreshold(
  k: Kernel,
  d: DrawDomain,
  v: number,
  pfn: number,
  wait: number,
  sinceScanMs: number,
  cpuNode: number,
): boolean {
  if (!(wait > noPromotionDraws(k, d, sinceScanMs)) || !d.hints.canQueue(v)) return false;
  if (!thresholdDecides(k, cpuNode)) return false;
  // Float32 like every touch mark: the frame's copy and the queue's must be the same number.
  const key = Math.fround(d.drawn + wait);
  k.m.flags[pfn] = k.m.flags[pfn]! | PG.hintPending;
  k.m.touchMark[pfn] = key;
  d.hints.push(key, v);
  const sampled = fleetIndex(k.fleet, d.group, v);
  if (sampled >= 0) markFleetPending(k, d, sampled);
  return true;
}

/**
 * When the domain starts (or restarts under a new law), PROT_NONE page v (frame pfn), marked by a
 * scan before any draw reached it (a populate pass's pages), pends its fault in aggregate as a scan
 * would now: its wait `wait` is due `sinceScanMs` after that scan at the earliest. Returns true if
 * it did (PG_protnone cleared; the caller adds its p to the mass), false to have it wait one by one.
 */
export function pendScanned(
  k: Kernel,
  d: DrawDomain,
  v: number,
  pfn: number,
  wait: number,
  nowMs: number,
): boolean {
  const m = k.m;
  const node = pageToNid(m, pfn);
  if (!(m.flags[pfn]! & PG.protnone) || k.layout.topTier[node] || inThp(k, pfn)) return false;
  if (!(wait < Infinity) || !pendPastThreshold(k, d, v, pfn, wait, nowMs - m.stamp[pfn]!, d.cpuNode))
    return false;
  m.flags[pfn] = m.flags[pfn]! & ~PG.protnone;
  return true;
}

/** Whether frame pfn belongs to a THP (its PMD, not its own PTE, is PROT_NONE). */
function inThp(k: Kernel, pfn: number): boolean {
  const a = k.m.area;
  if (a.pageblockOrder === 0) return false;
  const off = pfn - k.m.nodeStart[pageToNid(k.m, pfn)]!;
  return isThpHead(k.m, pfn - (off & (a.pageblockNr - 1)));
}

/**
 * Before a stretch of draws by task t: if the fast node's free space turned the bypass on, every
 * pending page could now be promoted by its fault, so each goes back to waiting one by one (a fresh
 * Exp(1) / p: it is untouched since its scan, and the wait is memoryless).
 */
export function releaseIfBypassed(k: Kernel, t: Task, d: DrawDomain): void {
  const local = t.policy.localNode;
  if (!k.layout.topTier[local] || !pgdatFreeSpaceEnough(k, local)) return;
  d.hints.release((_key, v) => {
    const pfn = k.m.pte[v]! - 1;
    d.unpend(k, pfn);
    const p = d.law.p(v - d.law.base);
    d.leavePlain(k, v, pageToNid(k.m, pfn), p);
    d.wait(v, p);
  });
}

/**
 * After task t's stretch of draws that began at `startNs` and draw count `startDrawn`, `perDraw` ns
 * apart: counts the aggregate hint faults it passed (the ones d.hints.takeWithin or takeDue just
 * took) as do_numa_page counts a remote fault that does not migrate (pgfault, numa_hint_faults,
 * task_numa_fault), lets the first run the threshold adjust at its own time, and returns their
 * cost in ns of the task's time.
 */
export function countHintFaults(
  k: Kernel,
  t: Task,
  d: DrawDomain,
  startNs: number,
  startDrawn: number,
  perDraw: number,
  slowdown: number,
): number {
  const nr = d.hints.taken;
  if (nr === 0) return 0;
  const local = t.policy.localNode;
  const firstMs = (startNs + Math.max(0, d.hints.firstKey - startDrawn) * perDraw) / 1e6;
  count(k, local, STAT.pgfault, nr);
  count(k, local, STAT.numa_hint_faults, nr);
  hintFaultsPastThreshold(k, local, firstMs);
  numabFaultPid(k, t.group, d.law.base, t.id); // the law's pages lie in one VMA
  taskNumaFaults(k, t.group, 0, nr, firstMs);
  return nr * HINT_FAULT_NS * slowdown;
}
