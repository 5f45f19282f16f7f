// The cost model: what each kernel action costs in simulated time, and how bandwidth use loads
// a node's latency. Numbers are order-of-magnitude figures for a 4 KiB page on current x86 servers.

import type { LatencyPoint } from '../../shared/scenario/memory-kinds.ts';

/** Bytes moved by one memory reference (one cache line). */
export const CACHE_LINE = 64;
/** Fixed part of an anonymous page fault (trap, page-table update); zeroing the page is added. */
export const FAULT_BASE_NS = 700;
/** Unmap, TLB shootdown and remap around a page migration; the copy is added. */
export const MIGRATE_BASE_NS = 2000;
/** Examining one folio in shrink_folio_list (rmap walk for folio_referenced, isolation). */
export const SCAN_INACTIVE_NS = 250;
/** Examining one folio in shrink_active_list. */
export const SCAN_ACTIVE_NS = 120;
/** CPU time to free a clean page or queue a page for swap-out (the I/O itself is asynchronous). */
export const RECLAIM_PAGE_NS = 400;
/**
 * Swap writes in flight at once. Reclaim cannot free anon pages faster than the swap device writes
 * them (writeback throttling), so a swap-out costs the reclaimer pageOutUs / depth: ~5 us on an SSD
 * (40 us per write at queue depth 1, ~800 MB/s at depth 8).
 */
export const SWAP_WRITE_QUEUE_DEPTH = 8;
/**
 * CPU time to allocate one swap-readahead page and add it to the swap cache; its read goes out in
 * the same plugged request as the faulting page's, so the fault waits for one I/O, not for each.
 */
export const SWAPIN_RA_PAGE_NS = 300;
/** Reading a page-cache page from storage with readahead (~1 GB/s streaming). */
export const FILE_READ_PAGE_NS = 4000;
/**
 * The migrate scanner looking at one pfn (isolate_migratepages_block: the struct page's flags, the
 * LRU test); the pages it moves cost a migration each on top.
 */
export const COMPACT_SCAN_PFN_NS = 10;

/** Walking one PTE (the NUMA-balancing scanner, MGLRU's page-table walk and look-around). */
export const PTE_WALK_NS = 5;
/** A NUMA hint fault: trap, task_numa_fault bookkeeping, PTE restore. */
export const HINT_FAULT_NS = 1200;
/**
 * Loaded latency: the node's read latency at `bandwidthGBps` on its curve (ResolvedNode.loadedLatency),
 * linear between points, from (0, idleNs) to the first point, and held at the last point beyond it
 * (a saturated device: more demand only queues, which the last point's latency stands for).
 * Example: idle 81 ns, curve (4.5 GB/s, 85 ns), (9 GB/s, 101 ns): 2.25 GB/s gives 83 ns, 6.75 GB/s
 * gives 93 ns, 20 GB/s gives 101 ns.
 */
export function curveLatency(curve: readonly LatencyPoint[], idleNs: number, bandwidthGBps: number): number {
  let x0 = 0;
  let y0 = idleNs;
  for (const p of curve) {
    if (bandwidthGBps <= p.bandwidthGBps) {
      return y0 + ((p.latencyNs - y0) * (bandwidthGBps - x0)) / (p.bandwidthGBps - x0);
    }
    x0 = p.bandwidthGBps;
    y0 = p.latencyNs;
  }
  return y0;
}

/**
 * The bandwidth a node's curve is read at, from the bytes read and written over `ns`: GB/s of reads,
 * a written byte weighing readGBps / writeGBps read bytes (it keeps the device busy that much longer).
 */
export function readEquivalentGBps(
  readBytes: number,
  writeBytes: number,
  ns: number,
  readGBps: number,
  writeGBps: number,
): number {
  return (readBytes + (writeBytes * readGBps) / writeGBps) / ns;
}

/** Time to copy `bytes` from one node to another: limited by the slower of read and write. */
export function copyNs(bytes: number, srcReadGBps: number, dstWriteGBps: number): number {
  return bytes / Math.min(srcReadGBps, dstWriteGBps);
}
