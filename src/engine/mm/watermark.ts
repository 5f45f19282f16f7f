// Watermark checks (zone_watermark_ok for order-0 pages) and pgdat_balanced, one zone per node.
import { NUMA_BALANCING_MEMORY_TIERING } from '../../shared/scenario/knobs.ts';
import type { Kernel } from './kernel.ts';

export const WMARK_MIN = 0;
export const WMARK_LOW = 1;
export const WMARK_HIGH = 2;
export const WMARK_PROMO = 3;

export function wmarkPages(k: Kernel, node: number, which: number): number {
  const w = k.layout.watermarks[node]!;
  return which === WMARK_MIN ? w.min : which === WMARK_LOW ? w.low : which === WMARK_HIGH ? w.high : w.promo;
}

/** zone_watermark_ok(): an order-0 allocation may proceed while free pages stay above the mark. */
export function watermarkOk(k: Kernel, node: number, which: number): boolean {
  return k.m.nrFree[node]! > wmarkPages(k, node, which);
}

/**
 * pgdat_balanced(): kswapd's goal. In memory-tiering mode it balances to WMARK_PROMO, one more
 * gap above high, so promotion finds headroom on the fast node (Huang Ying's version of TPP's idea).
 */
export function pgdatBalanced(k: Kernel, node: number): boolean {
  const mark = k.knobs.numa_balancing & NUMA_BALANCING_MEMORY_TIERING ? WMARK_PROMO : WMARK_HIGH;
  const goal = Math.max(wmarkPages(k, node, mark), tppDemoteWmark(k, node));
  return k.m.nrFree[node]! > goal;
}

/**
 * TPP's WMARK_DEMOTE: on a top-tier node that can demote, demote_scale_factor (1/10000 of the node)
 * above high; kswapd is woken below it and reclaims up to it, ahead of allocation. 0 elsewhere.
 */
export function tppDemoteWmark(k: Kernel, node: number): number {
  if (!k.mechanisms.tpp || !k.knobs.demotion_enabled || !k.layout.topTier[node]) return 0;
  if (k.layout.demotion[node]!.fallback.length === 0) return 0;
  const gap = Math.floor((k.m.managedPages[node]! * k.knobs.demote_scale_factor) / 10000);
  return k.layout.watermarks[node]!.high + gap;
}
