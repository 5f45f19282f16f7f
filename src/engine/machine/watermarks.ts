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

/** zone_managed_pages() per node: whole pages only. */
export function managedPages(machine: ResolvedMachine): number[] {
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

/** mult_frac(x, n, d): x * n / d without overflowing x * n. */
const multFrac = (x: number, n: number, d: number): number =>
  Math.floor(x / d) * n + Math.floor(((x % d) * n) / d);

/**
 * __setup_per_zone_wmarks(): pages_min is split across zones by managed pages; each gap
 * (min->low->high->promo) is max(min / 4, managed * watermark_scale_factor / 10000).
 * watermark_boost starts at 0, so it adds nothing here.
 */
export function setupPerZoneWmarks(
  managed: readonly number[],
  minFreeKbytes: number,
  watermarkScaleFactor: number,
  pageSize: number,
): Watermarks[] {
  const pagesMin = Math.floor(minFreeKbytes / 2 ** (pageShift(pageSize) - 10));
  const lowmemPages = managed.reduce((sum, pages) => sum + pages, 0);
  return managed.map((pages) => {
    // (u64)pages_min * managed / lowmem_pages: BigInt keeps the product exact past 2^53.
    const min = lowmemPages === 0 ? 0 : Number((BigInt(pagesMin) * BigInt(pages)) / BigInt(lowmemPages));
    const gap = Math.max(Math.floor(min / 4), multFrac(pages, watermarkScaleFactor, 10000));
    const low = min + gap;
    const high = low + gap;
    return { min, low, high, promo: high + gap };
  });
}
