// The NUMA-balancing scanner (kernel/sched/fair.c task_numa_work): every scan period it makes the
// next scan_size_mb of a task's memory PROT_NONE, so the next touch of each page is a hint fault.
// Only memory whose policy has MPOL_F_MOF is scanned: the default policy's, or a bind policy set
// with MPOL_F_NUMA_BALANCING; a plain bind, preferred or interleave task is left alone.
// In memory-tiering mode without NUMA_BALANCING_NORMAL, top-tier pages are skipped ("memory
// tiering: skip to scan fast memory") and a slow-tier page's scan time is recorded for the
// hot-page check. Worked example: 1 GiB of anon at scan_size_mb 256 is four windows, so
// task_scan_min is max(100 ms, 1000 ms / 4) = 250 ms and a full pass takes four scan periods.
import { isThpHead } from './folio.ts';
import { changeHugePmdNuma } from './thp-numa.ts';
import { STAT } from '../../shared/vmstat.ts';
import {
  NUMA_BALANCING_COLLOID,
  NUMA_BALANCING_MEMORY_TIERING,
  NUMA_BALANCING_NORMAL,
} from '../../shared/scenario/knobs.ts';
import { count, type Kernel } from './kernel.ts';
import { PTE_SWAPPED, pageToNid } from './mem-state.ts';
import { PG } from './page-flags.ts';
import { NOT_MAPPED, pageMoved, scanProtNone, syncAccessBits } from './reference-model.ts';
import type { MmNumab } from './numa-balancing-state.ts';
import { scanWindowPages, taskScanMinMs } from './numa-scan-period.ts';
import { PTE_WALK_NS } from './costs.ts';
import { NumabSkip, vmaScanCheck } from './vma-numab.ts';

/** Changing one PTE to PROT_NONE (with its share of the TLB flush); walking one is PTE_WALK_NS. */
const PTE_UPDATE_NS = 25;

/** An mm's anonymous regions: where the scanner walks (page cache read with read() is not mapped). */
export interface MmLayout {
  base: number[];
  pages: number[];
  total: number;
  /**
   * vma_policy_mof() of its regions: there are no per-VMA policies (mbind), so the task policy's
   * MPOL_F_MOF for all of them. Without it task_numa_work() skips every region.
   */
  mof: boolean;
}

/** Pages of a window whose frames' state is loaded together ahead of the walk (warmScan). */
const WARM_PAGES = 256;
/** Where warmScan leaves what it read, so the compiler cannot drop the loads. */
const warmSink = new Float64Array(1);

/**
 * Loads the flags, scan stamp and touch mark of the frames behind the next `n` PTEs from `vpage`,
 * changing nothing: the frames of consecutive pages lie anywhere, so the walk would miss the cache
 * on each in turn; independent loads let the misses overlap (a 1 TiB machine's scan is most of them).
 */
function warmScan(k: Kernel, vpage: number, n: number): void {
  const { pte, flags, stamp, touchMark } = k.m;
  const marks = touchMark.length > 0;
  let sum = 0;
  for (let v = vpage, end = vpage + n; v < end; v++) {
    const e = pte[v]!;
    if (e === 0 || e >= PTE_SWAPPED) continue;
    sum += flags[e - 1]! + stamp[e - 1]! + (marks ? touchMark[e - 1]! : 0);
  }
  warmSink[0] = sum;
}

/** reset_ptenuma_scan(): a new pass (numa_scan_seq++) starts from the mm's first page. */
function resetPtenumaScan(st: MmNumab): void {
  st.scanSeq++;
  st.scanOffset = 0;
}

/**
 * task_numa_work(): if the mm's next scan is due, marks the next window PROT_NONE and schedules
 * the following scan. Returns the time it cost the task, ns. Counts numa_pte_updates on `cpuNode`.
 * With per-VMA state (st.vmas, 6.12) the scanning thread `pid`, of a process of `nrThreads`,
 * passes over the VMAs vmaScanCheck() turns down, and if it reached the mm's end having skipped one
 * for want of its faults, goes back and scans the first VMA it may, to its end (vma_pids_forced).
 */
export function taskNumaWork(
  k: Kernel,
  mm: MmLayout,
  st: MmNumab,
  nowMs: number,
  cpuNode: number,
  pid = 0,
  nrThreads = 1,
): number {
  if (nowMs < st.nextScanMs || mm.total === 0) return 0;
  if (st.scanPeriodMs <= 0) st.scanPeriodMs = taskScanMinMs(k, mm);
  st.nextScanMs = nowMs + st.scanPeriodMs;
  if (!mm.mof) {
    // Every region is skipped, so the walk reaches the end of the mm at once, marking nothing.
    resetPtenumaScan(st);
    return 0;
  }
  const normal = (k.knobs.numa_balancing & NUMA_BALANCING_NORMAL) !== 0;
  const tiering =
    (k.knobs.numa_balancing & NUMA_BALANCING_MEMORY_TIERING) !== 0 && k.mechanisms.tieringPromotion;
  // Colloid's kernel (numa_balancing 6) marks and time-stamps top-tier pages too, so a hint fault
  // shows which default-tier pages are hot (change_pte_range in its mm/mprotect.c).
  const colloidTop =
    tiering && !normal && k.colloid !== null && (k.knobs.numa_balancing & NUMA_BALANCING_COLLOID) !== 0;
  const topTier = k.layout.topTier;
  const { pte, flags, stamp } = k.m;
  const vn = st.vmas;
  let pages = scanWindowPages(k);
  let virtpages = pages * 8;
  let updates = 0;
  let hugeUpdates = 0;
  let walked = 0;
  let region = 0;
  let offset = st.scanOffset;
  while (region < mm.base.length && offset >= mm.pages[region]!) offset -= mm.pages[region++]!;
  if (region >= mm.base.length) {
    // The last scan ended on the mm's last page: find_vma() finds nothing, so start a pass now.
    resetPtenumaScan(st);
    region = 0;
    offset = 0;
  }
  // mm->numa_scan_offset as the VMA checks see it, and the walk's vma_pids_skipped / _forced.
  let mmOffset = st.scanOffset;
  let skipped = false;
  let forced = false;
  let checked = -1;
  while (pages > 0 && virtpages > 0) {
    if (region >= mm.base.length) {
      if (vn !== null && skipped && !forced) {
        // Only inactive VMAs were left: start again from numa_scan_offset (a new pass if that is
        // the mm's end, as at entry) and scan one anyway.
        forced = true;
        st.scanOffset = mmOffset;
        region = 0;
        offset = mmOffset;
        while (region < mm.base.length && offset >= mm.pages[region]!) offset -= mm.pages[region++]!;
        if (region >= mm.base.length) {
          resetPtenumaScan(st);
          region = 0;
          offset = 0;
          mmOffset = 0;
        }
        checked = -1;
        continue;
      }
      // The walk ran off the end of the mm: a pass is done, the next scan starts the new one.
      resetPtenumaScan(st);
      break;
    }
    if (vn !== null && checked !== region) {
      checked = region;
      const vmStart = st.scanOffset - offset;
      const skip = vmaScanCheck(vn, region, {
        scanSeq: st.scanSeq,
        nowMs,
        scanDelayMs: k.knobs.scan_delay_ms,
        pid,
        nrThreads,
        resumesInside: mmOffset > vmStart,
        forced,
      });
      if (skip !== NumabSkip.None) {
        if (skip === NumabSkip.SeqCompleted) mmOffset = vmStart + mm.pages[region]!;
        if (skip === NumabSkip.PidInactive) skipped = true;
        st.scanOffset = vmStart + mm.pages[region]!;
        region++;
        offset = 0;
        continue;
      }
    }
    const vpage = mm.base[region]! + offset;
    if (walked % WARM_PAGES === 0) warmScan(k, vpage, Math.min(WARM_PAGES, mm.pages[region]! - offset));
    const e = pte[vpage]!;
    walked++;
    virtpages--;
    if (e !== 0 && e < PTE_SWAPPED) {
      const pfn = e - 1;
      const node = pageToNid(k.m, pfn);
      pages--;
      // The rate engine's aggregate PROT_NONE: still so unless its fault has come (settled here).
      if (flags[pfn]! & PG.hintPending) syncAccessBits(k, pfn);
      if ((normal || colloidTop || !topTier[node]) && !(flags[pfn]! & (PG.protnone | PG.hintPending))) {
        if (isThpHead(k.m, pfn)) {
          updates += changeHugePmdNuma(k, pfn); // change_huge_pmd(): the PMD, for all its pages
          hugeUpdates++;
          flags[pfn] = flags[pfn]! | PG.protnone;
        } else {
          updates++;
          if (!(tiering && !topTier[node] && scanProtNone(k, vpage, pfn, node, cpuNode))) {
            pageMoved(k, vpage, node, NOT_MAPPED); // settles its bits before the PTE stops seeing draws
            flags[pfn] = flags[pfn]! | PG.protnone;
          }
        }
        if (tiering && (colloidTop || !topTier[node])) stamp[pfn] = nowMs;
      }
    }
    st.scanOffset++;
    if (++offset >= mm.pages[region]!) {
      // Scanned to its end with budget left (the kernel checks the budget first): done this pass.
      const done = vn !== null && pages > 0 && virtpages > 0;
      if (done) vn.prevScanSeq[region] = st.scanSeq;
      offset = 0;
      region++;
      // A forced scan takes one VMA only, to bound the cost of an uninteresting one.
      if (done && forced) break;
    }
  }
  count(k, cpuNode, STAT.numa_pte_updates, updates);
  if (hugeUpdates > 0) count(k, cpuNode, STAT.numa_huge_pte_updates, hugeUpdates);
  return walked * PTE_WALK_NS + updates * PTE_UPDATE_NS;
}
