// DAMON's physical-address access checks (mm/damon/paddr.c): each sample marks one random page per
// region idle and, a sample interval later, asks whether it was accessed. The cost is per region,
// so it does not grow with memory size.
import type { Kernel } from '../../mm/kernel.ts';
import { NIL } from '../../mm/mem-state.ts';
import { PG } from '../../mm/page-flags.ts';
import { accessedSinceIdle, markIdle } from '../../mm/page-idle.ts';
import type { Rng } from '../../random/rng.ts';
import type { Regions } from './regions.ts';

/** One region's sample: an rmap walk to clear the page's accessed bits, and one to read them back. */
export const SAMPLE_REGION_NS = 200;

/** damon_get_folio(): only a page on an LRU list is looked at (free and isolated frames are not). */
export function isLruPage(k: Kernel, pfn: number): boolean {
  return k.m.owner[pfn] !== NIL && (k.m.flags[pfn]! & PG.lru) !== 0;
}

/** damon_pa_prepare_access_checks(): a random page per region becomes the sample, marked idle. */
export function prepareAccessChecks(k: Kernel, r: Regions, rng: Rng): void {
  for (let i = 0; i < r.nr; i++) {
    const pfn = r.start[i]! + rng.int(r.end[i]! - r.start[i]!);
    r.samplePfn[i] = pfn;
    if (isLruPage(k, pfn)) markIdle(k, pfn);
  }
}

/**
 * damon_pa_check_accesses(): counts an access for each region whose sample was accessed since it
 * was marked (damon_folio_young: young PTE or PG_idle cleared). Returns the largest nr_accesses.
 */
export function checkAccesses(k: Kernel, r: Regions): number {
  let max = 0;
  for (let i = 0; i < r.nr; i++) {
    const pfn = r.samplePfn[i]!;
    if (isLruPage(k, pfn) && accessedSinceIdle(k, pfn)) r.nrAccesses[i]!++;
    max = Math.max(max, r.nrAccesses[i]!);
  }
  return max;
}
