// Compaction deferral (mm/compaction.c): after a sync direct compaction fails on a zone, the next
// 2^compact_defer_shift - 1 attempts there are skipped, the shift growing by one per failure up to
// COMPACT_MAX_DEFER_SHIFT, and a successful allocation resets it.
// Worked example at order 9, from a fresh zone (considered 0, shift 0, order_failed 0):
//   attempt 1: ++considered = 1 >= 1 << 0, so it runs; it fails: considered 0, shift 1.
//   attempt 2: ++considered = 1 < 2, deferred.  attempt 3: 2 >= 2, runs; it fails: shift 2.
//   attempts 4-6 deferred, 7 runs; ... with shift 6, 63 attempts are deferred and the 64th runs.
//   A THP allocated after compaction: considered 0, shift 0, order_failed 10, so order 9 is not
//   deferred at all until it fails again (order_failed back to 9).

/** COMPACT_MAX_DEFER_SHIFT: at most 2^6 - 1 attempts in a row are deferred. */
export const COMPACT_MAX_DEFER_SHIFT = 6;

/** A zone's deferral state (struct zone's compact_considered, compact_defer_shift, compact_order_failed). */
export interface CompactDefer {
  /** Attempts considered since the last deferral began. */
  considered: number;
  /** log2 of how many attempts a failure defers. */
  deferShift: number;
  /** The lowest order that failed: smaller orders are never deferred. */
  orderFailed: number;
}

export function newCompactDefer(): CompactDefer {
  return { considered: 0, deferShift: 0, orderFailed: 0 };
}

/** defer_compaction(): a compaction at `order` failed to give an allocation; defer the next ones. */
export function deferCompaction(d: CompactDefer, order: number): void {
  d.considered = 0;
  d.deferShift = Math.min(d.deferShift + 1, COMPACT_MAX_DEFER_SHIFT);
  if (order < d.orderFailed) d.orderFailed = order;
}

/**
 * compaction_deferred(): true if this attempt at `order` is to be skipped. Counts the attempt;
 * once 2^shift have been considered it runs again (and stays allowed until the next failure).
 */
export function compactionDeferred(d: CompactDefer, order: number): boolean {
  if (order < d.orderFailed) return false;
  const limit = 2 ** d.deferShift;
  if (++d.considered >= limit) {
    d.considered = limit;
    return false;
  }
  return true;
}

/**
 * compaction_defer_reset(): compaction at `order` succeeded. `allocSuccess`: the allocation got
 * its page (else it is only expected to), which also ends the deferral.
 */
export function compactionDeferReset(d: CompactDefer, order: number, allocSuccess: boolean): void {
  if (allocSuccess) {
    d.considered = 0;
    d.deferShift = 0;
  }
  if (order >= d.orderFailed) d.orderFailed = order + 1;
}

/** compaction_restarting(): the shift is at its limit and the last deferred run is due, so start the scanners afresh. */
export function compactionRestarting(d: CompactDefer, order: number): boolean {
  if (order < d.orderFailed) return false;
  return d.deferShift === COMPACT_MAX_DEFER_SHIFT && d.considered >= 2 ** d.deferShift;
}
