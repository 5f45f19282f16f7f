// The cost model: what each kernel action costs in simulated time, and how bandwidth use loads
// a node's latency. Numbers are order-of-magnitude figures for a 4 KiB page on current x86 servers.

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
/** A NUMA hint fault: trap, task_numa_fault bookkeeping, PTE restore. */
export const HINT_FAULT_NS = 1200;
/** Queueing never lets utilisation reach 1 in the latency formula. */
const MAX_UTILISATION = 0.95;

/**
 * Loaded latency (Colloid-style): an M/D/1-like queue, latency = base * (1 + u / (2 * (1 - u))),
 * with u the fraction of the last tick the node's read and write bandwidth were busy.
 * Example: u = 0.5 gives 1.5x the unloaded latency, u = 0.9 gives 5.5x.
 */
export function loadedLatency(baseNs: number, utilisation: number): number {
  const u = Math.min(utilisation, MAX_UTILISATION);
  return baseNs * (1 + u / (2 * (1 - u)));
}

/** Time to copy `bytes` from one node to another: limited by the slower of read and write. */
export function copyNs(bytes: number, srcReadGBps: number, dstWriteGBps: number): number {
  return bytes / Math.min(srcReadGBps, dstWriteGBps);
}
