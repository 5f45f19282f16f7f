// Applying a DAMOS migrate action to a node's regions, one page per step so that a long apply spans
// many simulation rounds (kdamond does nothing else meanwhile). Regions are charged to the quota
// whole (as damos_apply_scheme charges the region size it tried); pages then pass the young filter.
import type { Kernel } from '../../mm/kernel.ts';
import { MR } from '../../mm/migrate.ts';
import { movePage } from '../../mm/move-pages.ts';
import { accessedSinceIdle, markIdle } from '../../mm/page-idle.ts';
import { adjustQuota, quotaPagesLeft } from './quota.ts';
import { isLruPage } from './sampling.ts';
import { eligibleRegions, MIGRATE_COLD } from './schemes.ts';
import type { KdamondState } from './state.ts';
import { spend } from '../types.ts';

/** Starting on a region: quota check, the cut at what the quota has left, age reset. */
const REGION_APPLY_NS = 200;
/** A frame with no LRU page on it (free or isolated): damon_get_folio fails fast. */
const SKIP_FRAME_NS = 10;
/** Isolating a page and running the young filter's rmap walk on it. */
const FILTER_PAGE_NS = 250;

/** Starts scheme i: a new quota interval if one is due, and its eligible regions, best first. */
export function startScheme(k: Kernel, d: KdamondState, i: number): void {
  const s = d.schemes[i]!;
  adjustQuota(k, s.quota, d.clockNs);
  d.applying = i;
  d.nrEligible = eligibleRegions(d.regions, s, d.eligible);
  d.nextEligible = 0;
  d.pfn = 0;
  d.pfnEnd = 0;
}

/**
 * One step of the current scheme: the next page of the current region, or the next region while the
 * quota lasts. Returns false once the scheme is done for this aggregation interval.
 */
export function applyStep(k: Kernel, d: KdamondState): boolean {
  if (d.pfn >= d.pfnEnd) return nextRegion(k, d);
  const pfn = d.pfn++;
  if (!isLruPage(k, pfn)) {
    spend(d, SKIP_FRAME_NS);
    return true;
  }
  // The young filter (damos_pa_filter_match) tests and clears: migrate_cold rejects young pages,
  // migrate_hot takes only them.
  const s = d.schemes[d.applying]!;
  const young = accessedSinceIdle(k, pfn);
  if (young) markIdle(k, pfn);
  spend(d, FILTER_PAGE_NS);
  if (young === (s.action === MIGRATE_COLD)) return true;
  k.nowNs = d.clockNs;
  k.chargedNs = 0;
  movePage(k, k.m.owner[pfn]!, s.targetNode, MR.damon, d.cpuNode, false); // DAMOS: GFP_NOWAIT, no direct reclaim
  spend(d, k.chargedNs);
  return true;
}

/** Takes the next eligible region, cut to what the quota has left, and charges it whole. */
function nextRegion(k: Kernel, d: KdamondState): boolean {
  if (d.nextEligible >= d.nrEligible) return false;
  const quota = d.schemes[d.applying]!.quota;
  const left = quotaPagesLeft(quota, k.pageSize);
  if (left === 0) return false;
  const r = d.regions;
  const i = d.eligible[d.nextEligible++]!;
  const len = Math.min(r.end[i]! - r.start[i]!, left);
  quota.charged += len * k.pageSize;
  // damos_apply_scheme(): a region acted on starts ageing again.
  r.age[i] = 0;
  d.pfn = r.start[i]!;
  d.pfnEnd = d.pfn + len;
  spend(d, REGION_APPLY_NS);
  return true;
}
