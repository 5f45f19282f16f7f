// vm-scalability's usemem: each thread maps its own anonymous region of `size` bytes and walks it
// `repeats` times with `step`, writing one word per step (or reading with --readonly).
import type { UsememWorkload } from '../../shared/scenario/resolved.ts';
import { forkRng, pagesFor, regionBase } from './share.ts';
import { StepWalk } from './step-walk.ts';
import type { RegionSpec, WorkloadModel } from './types.ts';

/** usemem raises a step below one word (`sizeof(long)`) to one word. */
export const USEMEM_MIN_STEP = 8;

/**
 * One reference per step: ceil(size/step) per repeat, in address order (or at random step
 * positions with -R; usemem picks random words, which gives the same page distribution). A readonly
 * walk reads from its first pass on; on a private anonymous mapping the kernel would back those
 * reads with the shared zero page, which is the engine's business, not the workload's.
 */
export function makeUsemem(w: UsememWorkload, pageSize: number, _totalRamBytes: number): WorkloadModel {
  const pages = pagesFor(w.sizeBytes, pageSize);
  const regions: RegionSpec[] = [];
  for (let t = 0; t < w.threads; t++) regions.push({ pages, file: false });
  return {
    regions,
    threads: (bases, rng) =>
      regions.map(
        (_, t) =>
          new StepWalk({
            base: regionBase(bases, t),
            bytes: w.sizeBytes,
            stepBytes: Math.max(USEMEM_MIN_STEP, w.stepBytes),
            pageSize,
            passes: w.repeats,
            write: !w.readonly,
            rng: w.random ? forkRng(rng) : null,
          }),
      ),
  };
}
