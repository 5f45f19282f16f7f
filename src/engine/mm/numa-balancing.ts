// The NUMA-balancing scanner (kernel/sched/fair.c task_numa_work): every scan period it makes the
// next scan_size_mb of a task's memory PROT_NONE, so the next touch of each page is a hint fault.
// In memory-tiering mode without NUMA_BALANCING_NORMAL, top-tier pages are skipped ("memory
// tiering: skip to scan fast memory") and a slow-tier page's scan time is recorded for the
// hot-page check. Worked example: 1 GiB of anon at scan_size_mb 256 is four windows, so
// task_scan_min is max(100 ms, 1000 ms / 4) = 250 ms and a full pass takes four scan periods.
import { STAT } from '../../shared/vmstat.ts';
import { NUMA_BALANCING_MEMORY_TIERING, NUMA_BALANCING_NORMAL } from '../../shared/scenario/knobs.ts';
import { count, type Kernel } from './kernel.ts';
import { PTE_SWAPPED } from './mem-state.ts';
import { PG } from './page-flags.ts';
import { NOT_MAPPED, pageMoved } from './reference-model.ts';
import type { MmNumab } from './numa-balancing-state.ts';

/** MAX_SCAN_WINDOW: never scan more than 2560 MB/s of PTEs. */
const MAX_SCAN_WINDOW = 2560;
/** NUMA_PERIOD_SLOTS and NUMA_PERIOD_THRESHOLD: aim for 70% local faults. */
const NUMA_PERIOD_SLOTS = 10;
const NUMA_PERIOD_THRESHOLD = 7;
/** Walking one PTE, and changing one to PROT_NONE (with its share of the TLB flush). */
const PTE_WALK_NS = 5;
const PTE_UPDATE_NS = 25;

/** An mm's anonymous regions: where the scanner walks (page cache read with read() is not mapped). */
export interface MmLayout {
  base: number[];
  pages: number[];
  total: number;
}

function scanWindowPages(k: Kernel): number {
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
 * update_task_scan_period(), at the end of a full pass: no faults (or failed migrations) halve the
 * scan rate; otherwise the period moves by slots of a tenth toward 70% local faults. Every page here
 * is private to its process, so the private/shared ratio is 10 and scanning slows down by 3 slots.
 */
export function updateTaskScanPeriod(k: Kernel, mm: MmLayout, st: MmNumab, nowMs: number): void {
  const min = taskScanMinMs(k, mm);
  const max = taskScanMaxMs(k, mm);
  if (st.faultsLocal + st.faultsRemote === 0 || st.migrateFailed) {
    st.scanPeriodMs = Math.min(max, st.scanPeriodMs * 2);
    st.nextScanMs = nowMs + st.scanPeriodMs;
  } else {
    const periodSlot = Math.ceil(st.scanPeriodMs / NUMA_PERIOD_SLOTS);
    const psRatio = NUMA_PERIOD_SLOTS; // all faults are private
    const diff = Math.max(1, psRatio - NUMA_PERIOD_THRESHOLD) * periodSlot;
    st.scanPeriodMs = Math.min(max, Math.max(min, st.scanPeriodMs + diff));
  }
  st.faultsLocal = 0;
  st.faultsRemote = 0;
  st.migrateFailed = false;
}

/**
 * task_numa_work(): if the mm's next scan is due, marks the next window PROT_NONE and schedules
 * the following scan. Returns the time it cost the task, ns. Counts numa_pte_updates on `cpuNode`.
 */
export function taskNumaWork(k: Kernel, mm: MmLayout, st: MmNumab, nowMs: number, cpuNode: number): number {
  if (nowMs < st.nextScanMs || mm.total === 0) return 0;
  if (st.scanPeriodMs <= 0) st.scanPeriodMs = taskScanMinMs(k, mm);
  st.nextScanMs = nowMs + st.scanPeriodMs;
  const normal = (k.knobs.numa_balancing & NUMA_BALANCING_NORMAL) !== 0;
  const tiering =
    (k.knobs.numa_balancing & NUMA_BALANCING_MEMORY_TIERING) !== 0 && k.mechanisms.tieringPromotion;
  const topTier = k.layout.topTier;
  const { pte, flags, nodeOf, stamp } = k.m;
  let pages = scanWindowPages(k);
  let virtpages = pages * 8;
  let updates = 0;
  let walked = 0;
  let region = 0;
  let offset = st.scanOffset;
  while (region < mm.base.length && offset >= mm.pages[region]!) offset -= mm.pages[region++]!;
  while (pages > 0 && virtpages > 0) {
    if (region >= mm.base.length) {
      // The end of the mm: a full pass is done (numa_scan_seq++), start over next time.
      st.scanOffset = 0;
      updateTaskScanPeriod(k, mm, st, nowMs);
      break;
    }
    const vpage = mm.base[region]! + offset;
    const e = pte[vpage]!;
    walked++;
    virtpages--;
    if (e !== 0 && e < PTE_SWAPPED) {
      const pfn = e - 1;
      const node = nodeOf[pfn]!;
      pages--;
      if ((normal || !topTier[node]) && !(flags[pfn]! & PG.protnone)) {
        pageMoved(k, vpage, node, NOT_MAPPED); // settles its bits before the PTE stops seeing draws
        flags[pfn] = flags[pfn]! | PG.protnone;
        if (tiering && !topTier[node]) stamp[pfn] = nowMs;
        updates++;
      }
    }
    st.scanOffset++;
    if (++offset >= mm.pages[region]!) {
      offset = 0;
      region++;
    }
  }
  count(k, cpuNode, STAT.numa_pte_updates, updates);
  return walked * PTE_WALK_NS + updates * PTE_UPDATE_NS;
}
