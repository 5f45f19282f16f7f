// Zone sizes and watermarks, as mm/page_alloc.c computes them at boot (calculate_min_free_kbytes,
// __setup_per_zone_wmarks). Each node is modelled as a single ZONE_NORMAL.
import type { ResolvedMachine } from '../../shared/scenario/resolved.ts';
import type { Watermarks } from '../../shared/result.ts';

/** calculate_min_free_kbytes() clamps its own estimate (not a user's setting) to this range. */
export const MIN_FREE_KBYTES_LOWER = 128;
export const MIN_FREE_KBYTES_UPPER = 262144;

/** PAGE_SHIFT for a power-of-two page size of at least 1 KiB (the kernel shifts by PAGE_SHIFT - 10). */
export function pageShift(pageSize: number): number {
  const shift = Math.log2(pageSize);
  if (!Number.isInteger(shift) || shift < 10) throw new Error(`unsupported page size ${pageSize}`);
  return shift;
}

/** zone_managed_pages() per node at boot: whole pages only; a hot-plugged node has none yet. */
export function managedPages(machine: ResolvedMachine): number[] {
  return machine.nodes.map((n) => (n.hotplug ? 0 : Math.floor(n.capacityBytes / machine.pageSize)));
}

/** Page frames each node spans, hot-pluggable memory included: what per-page state is sized for. */
export function spannedPages(machine: ResolvedMachine): number[] {
  return machine.nodes.map((n) => Math.floor(n.capacityBytes / machine.pageSize));
}

/** int_sqrt(): floor of the square root, corrected where the float root lands a step off. */
export function intSqrt(x: number): number {
  let r = Math.floor(Math.sqrt(x));
  while (r * r > x) r -= 1;
  while ((r + 1) * (r + 1) <= x) r += 1;
  return r;
}

/**
 * calculate_min_free_kbytes(): int_sqrt(lowmem_kbytes * 16), clamped. lowmem_kbytes comes from
 * nr_free_buffer_pages(), which at boot (watermarks still 0) is every managed page.
 */
export function calculateMinFreeKbytes(totalManagedPages: number, pageSize: number): number {
  const lowmemKbytes = totalManagedPages * (pageSize >> 10);
  const estimate = intSqrt(lowmemKbytes * 16);
  return Math.min(Math.max(estimate, MIN_FREE_KBYTES_LOWER), MIN_FREE_KBYTES_UPPER);
}

/**
 * calculate_min_free_kbytes() after boot (init_per_zone_wmark_min() on memory hot-plug):
 * nr_free_buffer_pages() is now each ZONE_NORMAL's managed pages above its high watermark, and a
 * value the user wrote (user_min_free_kbytes) is kept unless the new estimate exceeds it, in which
 * case the kernel replaces it (and warns otherwise: "min_free_kbytes is not updated to ...").
 * Example, 4 KiB pages: 262144 + 65536 managed normal pages with high marks 1470 and 367 give
 * int_sqrt(325843 * 4 * 16) = 4566 KiB.
 */
export function recalculateMinFreeKbytes(
  managed: readonly number[],
  high: readonly number[],
  movable: readonly boolean[],
  pageSize: number,
  userMinFreeKbytes: number | undefined,
): { minFreeKbytes: number; kept: boolean; estimate: number } {
  let pages = 0;
  managed.forEach((m, n) => {
    if (!movable[n]) pages += Math.max(0, m - (high[n] ?? 0));
  });
  const estimate = intSqrt(pages * (pageSize >> 10) * 16);
  if (userMinFreeKbytes !== undefined && estimate <= userMinFreeKbytes) {
    return { minFreeKbytes: userMinFreeKbytes, kept: true, estimate };
  }
  const minFreeKbytes = Math.min(Math.max(estimate, MIN_FREE_KBYTES_LOWER), MIN_FREE_KBYTES_UPPER);
  return { minFreeKbytes, kept: false, estimate };
}

/** SWAP_CLUSTER_MAX: the least WMARK_MIN a ZONE_MOVABLE (or highmem) zone gets. */
const MOVABLE_MIN_PAGES_LOWER = 32;
const MOVABLE_MIN_PAGES_UPPER = 128;

/** mult_frac(x, n, d): x * n / d without overflowing x * n. */
const multFrac = (x: number, n: number, d: number): number =>
  Math.floor(x / d) * n + Math.floor(((x % d) * n) / d);

/**
 * __setup_per_zone_wmarks(): pages_min is split across zones by managed pages; each gap
 * (min->low->high->promo) is max(share / 4, managed * watermark_scale_factor / 10000), share being
 * the zone's part of pages_min. A ZONE_MOVABLE zone (a node onlined online_movable) counts for
 * nothing in lowmem_pages and its own min is managed / 1024 clamped to 32..128, but its gaps still
 * use its share. The kernel also resets watermark_boost here; callers do that at hot-plug.
 */
export function setupPerZoneWmarks(
  managed: readonly number[],
  minFreeKbytes: number,
  watermarkScaleFactor: number,
  pageSize: number,
  movable: readonly boolean[] = [],
): Watermarks[] {
  const pagesMin = Math.floor(minFreeKbytes / 2 ** (pageShift(pageSize) - 10));
  const lowmemPages = managed.reduce((sum, pages, n) => sum + (movable[n] ? 0 : pages), 0);
  return managed.map((pages, n) => {
    // An empty zone is in no zonelist; zeros keep it out of every check.
    if (pages === 0) return { min: 0, low: 0, high: 0, promo: 0 };
    // (u64)pages_min * managed / lowmem_pages: BigInt keeps the product exact past 2^53.
    const share = lowmemPages === 0 ? 0 : Number((BigInt(pagesMin) * BigInt(pages)) / BigInt(lowmemPages));
    const min = movable[n]
      ? Math.min(Math.max(Math.floor(pages / 1024), MOVABLE_MIN_PAGES_LOWER), MOVABLE_MIN_PAGES_UPPER)
      : share;
    const gap = Math.max(Math.floor(share / 4), multFrac(pages, watermarkScaleFactor, 10000));
    const low = min + gap;
    const high = low + gap;
    return { min, low, high, promo: high + gap };
  });
}
