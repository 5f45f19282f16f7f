// Watermark checks (zone_watermark_ok for order-0 pages), pgdat_balanced and the watermark boost
// that fragmenting fallbacks raise (boost_watermark), one zone per node.
import { NUMA_BALANCING_MEMORY_TIERING } from '../../shared/scenario/knobs.ts';
import type { Kernel } from './kernel.ts';
import { nrFreePageblocks } from './free-area.ts';

export const WMARK_MIN = 0;
export const WMARK_LOW = 1;
export const WMARK_HIGH = 2;
export const WMARK_PROMO = 3;

/** wmark_pages(): the mark plus the zone's watermark_boost, which raises every mark alike. */
export function wmarkPages(k: Kernel, node: number, which: number): number {
  const w = k.layout.watermarks[node]!;
  const mark =
    which === WMARK_MIN ? w.min : which === WMARK_LOW ? w.low : which === WMARK_HIGH ? w.high : w.promo;
  return mark + k.watermarkBoost[node]!;
}

/**
 * boost_watermark(): after a fragmenting fallback, raise the zone's marks by one pageblock, up to
 * watermark_boost_factor/10000 of the high mark, so kswapd reclaims a little past high and later
 * fallbacks become less likely. Not on zones under four pageblocks, where it could cause an OOM.
 * Example, 4 KiB pages and the default factor 15000: high = 3000 pages gives max_boost = 4500, so
 * a steal adds 512 and the ninth and later ones stay at 4500.
 */
export function boostWatermark(k: Kernel, node: number): boolean {
  const factor = k.knobs.watermark_boost_factor;
  const pageblockNr = k.m.area.pageblockNr;
  if (!factor || pageblockNr * 4 > k.m.managedPages[node]!) return false;
  const high = k.layout.watermarks[node]!.high;
  let maxBoost = Math.floor(high / 10000) * factor + Math.floor(((high % 10000) * factor) / 10000);
  if (!maxBoost) return false;
  maxBoost = Math.max(pageblockNr, maxBoost);
  k.watermarkBoost[node] = Math.min(k.watermarkBoost[node]! + pageblockNr, maxBoost);
  return true;
}

/** zone_watermark_ok(): an order-0 allocation may proceed while free pages stay above the mark. */
export function watermarkOk(k: Kernel, node: number, which: number): boolean {
  return k.m.nrFree[node]! > wmarkPages(k, node, which);
}

/**
 * pgdat_balanced() at `order` (kswapd_order; only THP promotion asks for more than 0): kswapd's goal. In memory-tiering mode it balances to WMARK_PROMO, one more
 * gap above high, so promotion finds headroom on the fast node (Huang Ying's version of TPP's idea).
 */
export function pgdatBalanced(k: Kernel, node: number, order = 0): boolean {
  const mark = k.knobs.numa_balancing & NUMA_BALANCING_MEMORY_TIERING ? WMARK_PROMO : WMARK_HIGH;
  const goal = Math.max(wmarkPages(k, node, mark), tppDemoteWmark(k, node));
  // zone_watermark_ok() at `order`: the pages it takes off the free count, and a free block that big.
  if (order === 0) return k.m.nrFree[node]! > goal;
  return k.m.nrFree[node]! - (2 ** order - 1) > goal && nrFreePageblocks(k.m.area, node) > 0;
}

/**
 * TPP's WMARK_DEMOTE: on a top-tier node that can demote, demote_scale_factor (1/10000 of the node)
 * above high; kswapd is woken below it and reclaims up to it, ahead of allocation. 0 elsewhere.
 */
export function tppDemoteWmark(k: Kernel, node: number): number {
  if (!k.mechanisms.tpp || !k.knobs.demotion_enabled || !k.layout.topTier[node]) return 0;
  if (k.layout.demotion[node]!.fallback.length === 0) return 0;
  const gap = Math.floor((k.m.managedPages[node]! * k.knobs.demote_scale_factor) / 10000);
  return wmarkPages(k, node, WMARK_HIGH) + gap;
}
