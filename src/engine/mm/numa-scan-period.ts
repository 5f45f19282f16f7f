// The NUMA scan period (kernel/sched/fair.c, 6.1): its bounds from the mm's size (task_scan_min,
// task_scan_max), and its update once a pass from the hint faults counted since (task_numa_fault ->
// task_numa_placement -> update_task_scan_period). Worked example, all faults private, period
// 1000 ms: 6 local and 2 remote faults give ps_ratio 10, so it grows 3 slots of 100 ms to 1300 ms;
// 0 local and 8 remote faults, all a tiering-only scan of a CPU-less node can see, double it.
import type { Kernel } from './kernel.ts';
import type { MmLayout } from './numa-balancing.ts';
import type { MmNumab } from './numa-balancing-state.ts';

/** MAX_SCAN_WINDOW: never scan more than 2560 MB/s of PTEs. */
const MAX_SCAN_WINDOW = 2560;
/** NUMA_PERIOD_SLOTS and NUMA_PERIOD_THRESHOLD: the period moves in tenths, aiming for 70% local. */
const NUMA_PERIOD_SLOTS = 10;
const NUMA_PERIOD_THRESHOLD = 7;

// TNF_* flags of one hint fault (include/linux/sched/numa_balancing.h).
/** TNF_FAULT_LOCAL: the page was on the faulting CPU's node (numa_migrate_prep, before any move). */
export const TNF_FAULT_LOCAL = 0x08;
/** TNF_MIGRATE_FAIL: the page was misplaced but migrate_misplaced_page() could not move it. */
export const TNF_MIGRATE_FAIL = 0x10;

export function scanWindowPages(k: Kernel): number {
  return Math.floor((k.knobs.scan_size_mb * 1024 * 1024) / k.pageSize);
}

/** task_nr_scan_windows(): how many scan windows cover the mm (its size stands in for its RSS). */
function nrScanWindows(k: Kernel, mm: MmLayout): number {
  const window = scanWindowPages(k);
  return Math.max(1, Math.ceil(Math.max(mm.total, 1) / window));
}

export function taskScanMinMs(k: Kernel, mm: MmLayout): number {
  const scanSize = k.knobs.scan_size_mb;
  const windows = scanSize < MAX_SCAN_WINDOW ? Math.floor(MAX_SCAN_WINDOW / scanSize) : 1;
  const floor = Math.floor(1000 / windows);
  return Math.max(floor, Math.floor(k.knobs.scan_period_min_ms / nrScanWindows(k, mm)));
}

export function taskScanMaxMs(k: Kernel, mm: MmLayout): number {
  return Math.max(taskScanMinMs(k, mm), Math.floor(k.knobs.scan_period_max_ms / nrScanWindows(k, mm)));
}

/**
 * update_task_scan_period() given the `shared` and `priv` faults since the last placement. No local
 * and no shared fault, or any failed migration, doubles the period (up to `maxMs`) and pushes the
 * next scan that far from now; the locality counts are kept then, so a task that once failed to
 * migrate a page doubles at every later pass. Otherwise the period moves by slots of a tenth: up if
 * most faults are private (ps_ratio >= 7) or else most are local (lr_ratio >= 7), down if neither.
 * Postcondition: the locality counts are zero unless the period doubled.
 */
export function updateTaskScanPeriod(
  st: MmNumab,
  shared: number,
  priv: number,
  minMs: number,
  maxMs: number,
  nowMs: number,
): void {
  const local = st.faultsLocal;
  const remote = st.faultsRemote;
  if (local + shared === 0 || st.faultsMigrateFailed > 0) {
    st.scanPeriodMs = Math.min(maxMs, st.scanPeriodMs * 2);
    st.nextScanMs = nowMs + st.scanPeriodMs;
    return;
  }
  const periodSlot = Math.ceil(st.scanPeriodMs / NUMA_PERIOD_SLOTS);
  const lrRatio = Math.floor((local * NUMA_PERIOD_SLOTS) / (local + remote));
  // A local fault is also a private or a shared one, so priv + shared > 0 here.
  const psRatio = Math.floor((priv * NUMA_PERIOD_SLOTS) / (priv + shared));
  let diff: number;
  if (psRatio >= NUMA_PERIOD_THRESHOLD) diff = Math.max(1, psRatio - NUMA_PERIOD_THRESHOLD) * periodSlot;
  else if (lrRatio >= NUMA_PERIOD_THRESHOLD) diff = Math.max(1, lrRatio - NUMA_PERIOD_THRESHOLD) * periodSlot;
  else diff = -(NUMA_PERIOD_THRESHOLD - Math.max(lrRatio, psRatio)) * periodSlot;
  st.scanPeriodMs = Math.min(maxMs, Math.max(minMs, st.scanPeriodMs + diff));
  st.faultsLocal = 0;
  st.faultsRemote = 0;
  st.faultsMigrateFailed = 0;
}

/**
 * task_numa_fault() for one hint fault of workload `g` with TNF_* `flags`. The first fault after a
 * pass began runs task_numa_placement(), which updates the period from the faults counted so far;
 * only then is this fault counted. Every fault counts as private (see MmNumab.faultsPrivate), so
 * the period only grows: by 3 slots a pass with a local fault, else twice. The numa_migrate_retry
 * gate on placement never holds here: a pass lasts a scan period, longer than min(1 s, period / 16).
 */
export function taskNumaFault(k: Kernel, g: number, flags: number, nowMs: number): void {
  taskNumaFaults(k, g, flags, 1, nowMs);
}

/**
 * task_numa_fault() for `nr` hint faults with the same `flags`, the first at `nowMs`: only the
 * first can run the placement (it moves placedSeq up to scanSeq), so this is nr calls in a row.
 */
export function taskNumaFaults(k: Kernel, g: number, flags: number, nr: number, nowMs: number): void {
  const st = k.numab.mm[g]!;
  if (st.placedSeq !== st.scanSeq) {
    const mm = k.mms[g]!;
    st.placedSeq = st.scanSeq;
    updateTaskScanPeriod(st, 0, st.faultsPrivate, taskScanMinMs(k, mm), taskScanMaxMs(k, mm), nowMs);
    st.faultsPrivate = 0;
  }
  st.faultsPrivate += nr;
  if (flags & TNF_MIGRATE_FAIL) st.faultsMigrateFailed += nr;
  if (flags & TNF_FAULT_LOCAL) st.faultsLocal += nr;
  else st.faultsRemote += nr;
}
