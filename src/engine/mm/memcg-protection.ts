// memory.min and memory.low in reclaim (mm/memcontrol.c mem_cgroup_calculate_protection,
// mem_cgroup_below_min/low; mm/vmscan.c apply_proportional_protection), and the per-cgroup
// counters reclaim bumps. Cgroups sit one level under the root, so a cgroup's effective
// protection (emin/elow) is its own setting (page_counter_calculate_protection: "parent == root").
//
// Worked example: a cgroup with memory.low = 1000 pages using 1500. Global reclaim is not below
// low, so it scans the cgroup's lists at size - size * 1000 / 1501, a third of a plain cgroup's.
// Once usage falls to 1000 it is below low and skipped, unless nothing else could be reclaimed:
// then do_try_to_free_pages retries with memcg_low_reclaim, scans it at its size less min, and
// counts a `low` event in memory.events for each visit.
import type { Kernel } from './kernel.ts';
import { NR_LRU_LISTS, type LruList } from './page-flags.ts';
import { lruvecSize } from './lru.ts';
import { NR_MEMCG_EVENTS, NR_MEMCG_MEMORY_EVENTS } from './memcg-state.ts';
import { SWAP_CLUSTER_MAX, type ScanControl } from './scan-control.ts';

/** page_counter_read(&memcg->memory): pages charged to memcg, those on its lruvecs over all nodes. */
export function memcgUsage(k: Kernel, memcg: number): number {
  const m = k.m;
  let pages = 0;
  for (let node = 0; node < m.nrNodes; node++) {
    const lruvec = memcg * m.nrNodes + node;
    for (let lru = 0; lru < NR_LRU_LISTS; lru++) pages += lruvecSize(m, lruvec, lru as LruList);
  }
  return pages;
}

/** memcg's pages on node, anon or file (memory.numa_stat's anon=/file= lines). */
export function memcgNodePages(k: Kernel, memcg: number, node: number, file: boolean): number {
  const lruvec = memcg * k.m.nrNodes + node;
  const lru = (file ? 2 : 0) as LruList;
  return lruvecSize(k.m, lruvec, lru) + lruvecSize(k.m, lruvec, (lru + 1) as LruList);
}

/**
 * mem_cgroup_below_min() / mem_cgroup_below_low() in global reclaim: 'min' when usage is at or
 * under memory.min, 'low' when at or under memory.low, null otherwise (and always for the root).
 */
export function memcgBelowProtection(k: Kernel, memcg: number): 'min' | 'low' | null {
  if (memcg === 0) return null;
  const usage = memcgUsage(k, memcg);
  const { min, low } = k.memcg.limits[memcg]!;
  if (min >= usage) return 'min';
  if (low >= usage) return 'low';
  return null;
}

/**
 * apply_proportional_protection(): a protected cgroup's list is scanned less, by the share of its
 * usage under protection (low in the first pass, min in the memcg_low_reclaim retry), and never
 * below SWAP_CLUSTER_MAX so reclaim keeps moving. `scan` is the list's size before the priority shift.
 */
export function applyProportionalProtection(k: Kernel, memcg: number, sc: ScanControl, scan: number): number {
  // mem_cgroup_protection(): none for the root and for the cgroup whose own limit is reclaiming.
  if (memcg === 0 || memcg === sc.targetMemcg) return scan;
  const { min, low } = k.memcg.limits[memcg]!;
  if (!min && !low) return scan;
  let protection: number;
  if (!sc.memcgLowReclaim && low > min) {
    protection = low;
    sc.memcgLowSkipped = true;
  } else protection = min;
  const usage = Math.max(memcgUsage(k, memcg), protection);
  scan -= Math.floor((scan * protection) / (usage + 1));
  return Math.max(scan, SWAP_CLUSTER_MAX);
}

/** A memory.stat event of memcg (none for the root, whose memory.stat the kernel does not show). */
export function memcgCount(k: Kernel, memcg: number, stat: number, n = 1): void {
  if (memcg !== 0) k.memcg.stats[memcg * NR_MEMCG_EVENTS + stat]! += n;
}

/** memcg_memory_event(): a memory.events entry. */
export function memcgMemoryEvent(k: Kernel, memcg: number, event: number): void {
  if (memcg !== 0) k.memcg.events[memcg * NR_MEMCG_MEMORY_EVENTS + event]!++;
}
