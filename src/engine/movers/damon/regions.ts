// DAMON's adaptive regions over one node's page frames (mm/damon/core.c): per-region access counts
// and ages, merged where neighbours look alike and split at random so that the count stays between
// min_nr_regions and max_nr_regions whatever the memory size. Addresses are pfns; a region is >= 1 page.
import type { Rng } from '../../random/rng.ts';

export interface RegionArrays {
  start: Uint32Array;
  end: Uint32Array;
  /** Samples of this aggregation interval that found the region's sampled page accessed. */
  nrAccesses: Uint32Array;
  lastNrAccesses: Uint32Array;
  /** Aggregation intervals the region's access count has stayed about the same. */
  age: Uint32Array;
  /** The page marked idle for the current sample. */
  samplePfn: Uint32Array;
}

export interface Regions extends RegionArrays {
  nr: number;
  maxNr: number;
  /** damon_region_sz_limit(): no merge makes a region larger than total / min_nr_regions. */
  szLimit: number;
  /** kdamond_split_regions()'s memory of the count at its last call. */
  lastNr: number;
  /** The other half of a double buffer that split writes into. */
  spare: RegionArrays;
}

function arrays(capacity: number): RegionArrays {
  const a = () => new Uint32Array(capacity);
  return { start: a(), end: a(), nrAccesses: a(), lastNrAccesses: a(), age: a(), samplePfn: a() };
}

/**
 * Regions over [startPfn, endPfn), split evenly into min_nr_regions (as damon_va_three_regions
 * seeds a vaddr target; DAMON would otherwise start paddr from one region and split its way up).
 */
export function createRegions(startPfn: number, endPfn: number, minNr: number, maxNr: number): Regions {
  const pages = endPfn - startPfn;
  const max = Math.max(maxNr, minNr);
  const nr = Math.max(1, Math.min(minNr, pages));
  const r: Regions = { nr, ...arrays(max), maxNr: max, szLimit: 0, lastNr: 0, spare: arrays(max) };
  r.szLimit = Math.max(1, Math.floor(pages / Math.max(1, minNr)));
  for (let i = 0; i < nr; i++) {
    r.start[i] = startPfn + Math.floor((pages * i) / nr);
    r.end[i] = startPfn + Math.floor((pages * (i + 1)) / nr);
  }
  return r;
}

/** damon_merge_regions_of(): ages each region, then merges it into its left neighbour if alike. */
function mergeRegionsOf(r: Regions, thres: number): void {
  let w = -1;
  for (let i = 0; i < r.nr; i++) {
    const acc = r.nrAccesses[i]!;
    const last = r.lastNrAccesses[i]!;
    const changed = Math.abs(acc - last) > thres || (acc === 0) !== (last === 0);
    const age = changed ? 0 : r.age[i]! + 1;
    const sz = r.end[i]! - r.start[i]!;
    if (w >= 0) {
      const szPrev = r.end[w]! - r.start[w]!;
      if (r.end[w] === r.start[i] && Math.abs(r.nrAccesses[w]! - acc) <= thres && szPrev + sz <= r.szLimit) {
        // damon_merge_two_regions(): size-weighted access count and age; the left keeps its last count.
        r.nrAccesses[w] = Math.floor((r.nrAccesses[w]! * szPrev + acc * sz) / (szPrev + sz));
        r.age[w] = Math.floor((r.age[w]! * szPrev + age * sz) / (szPrev + sz));
        r.end[w] = r.end[i]!;
        continue;
      }
    }
    w++;
    r.start[w] = r.start[i]!;
    r.end[w] = r.end[i]!;
    r.nrAccesses[w] = acc;
    r.lastNrAccesses[w] = last;
    r.age[w] = age;
    r.samplePfn[w] = r.samplePfn[i]!;
  }
  r.nr = w + 1;
}

/**
 * kdamond_merge_regions(): merges neighbours whose access counts differ by at most `thres`, doubling
 * the threshold while there are still more than max_nr_regions (up to the samples per aggregation).
 */
export function mergeRegions(r: Regions, thres: number, maxThres: number): void {
  let t = thres;
  do {
    mergeRegionsOf(r, t);
    t = Math.max(1, t * 2);
  } while (r.nr > r.maxNr && t / 2 < maxThres);
}

/**
 * kdamond_split_regions(): while at most max_nr_regions / 2, every region splits in two at a random
 * 10-90% point, or in three if the count did not change since the last split (and stays under a
 * third of the maximum). Pieces inherit the region's counts and age. Postcondition: nr <= maxNr.
 */
export function splitRegions(r: Regions, rng: Rng): void {
  const nr = r.nr;
  if (nr > Math.floor(r.maxNr / 2)) return;
  const subs = r.lastNr === nr && nr < Math.floor(r.maxNr / 3) ? 3 : 2;
  const out = r.spare;
  let w = 0;
  for (let i = 0; i < nr; i++) {
    const start = r.start[i]!;
    const end = r.end[i]!;
    // damon_split_region_at() keeps cutting the left piece: the first cut is the rightmost.
    let right = end;
    let middle = end;
    let sz = end - start;
    for (let n = 0; n < subs - 1 && sz > 2; n++) {
      const sub = Math.floor(((1 + rng.int(9)) * sz) / 10);
      if (sub === 0 || sub >= sz) continue;
      if (right === end) right = start + sub;
      else middle = start + sub;
      sz = sub;
    }
    const left = Math.min(middle, right);
    w = putRegion(r, i, out, w, start, left);
    if (middle < right) w = putRegion(r, i, out, w, middle, right);
    if (right < end) w = putRegion(r, i, out, w, right, end);
  }
  const { start, end, nrAccesses, lastNrAccesses, age, samplePfn } = r;
  Object.assign(r, out);
  r.spare = { start, end, nrAccesses, lastNrAccesses, age, samplePfn };
  r.nr = w;
  r.lastNr = nr;
}

/** Writes [start, end) with region i's counts into slot w of `out`; returns the next slot. */
function putRegion(r: Regions, i: number, out: RegionArrays, w: number, start: number, end: number): number {
  out.start[w] = start;
  out.end[w] = end;
  out.nrAccesses[w] = r.nrAccesses[i]!;
  out.lastNrAccesses[w] = r.lastNrAccesses[i]!;
  out.age[w] = r.age[i]!;
  out.samplePfn[w] = r.samplePfn[i]!;
  return w + 1;
}

/** kdamond_reset_aggregated(): the interval's counts become the last ones and start again at 0. */
export function resetAggregated(r: Regions): void {
  for (let i = 0; i < r.nr; i++) {
    r.lastNrAccesses[i] = r.nrAccesses[i]!;
    r.nrAccesses[i] = 0;
  }
}
