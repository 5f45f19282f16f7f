// How workloads size their regions and divide regions and work among threads: one rule for all, so
// thread i of any workload gets a predictable slice.
import { createRng, type Rng } from '../random/rng.ts';

/** Pages needed to map `bytes` (a partial last page is still a page). */
export const pagesFor = (bytes: number, pageSize: number): number => Math.ceil(bytes / pageSize);

/** First index of part i when `total` items are cut into `parts` contiguous slices. */
export const sliceStart = (total: number, i: number, parts: number): number =>
  Math.floor((total * i) / parts);

/** Part i's count when `total` units are dealt out evenly; the first `total % parts` parts get one more. */
export const shareOf = (total: number, i: number, parts: number): number =>
  Math.floor(total / parts) + (i < total % parts ? 1 : 0);

/** Region i's first global vpage, as the engine placed it. */
export function regionBase(bases: readonly number[], i: number): number {
  const base = bases[i];
  if (base === undefined) throw new Error(`no base for region ${i} (got ${bases.length} bases)`);
  return base;
}

/** A thread's own generator, drawn from the workload's: threads forked in order get fixed streams. */
export const forkRng = (rng: Rng): Rng => createRng(rng.u32());
