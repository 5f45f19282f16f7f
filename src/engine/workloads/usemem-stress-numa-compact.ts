// mmtests' config-workload-usemem-stress-numa-compact: a fraction of all RAM (4/5 in mmtests) split
// across threads, each iteration running `usemem -t N -j 4096 -r LOOPS $((ANON/N))`.
import type { UsememStressWorkload } from '../../shared/scenario/resolved.ts';
import { pagesFor, regionBase } from './share.ts';
import { StepWalk } from './step-walk.ts';
import type { RegionSpec, WorkloadModel } from './types.ts';

/** mmtests' `-j 4096`: one word per 4 KiB, whatever the page size. */
export const MMTESTS_USEMEM_STEP = 4096;

/**
 * Each thread gets one region of floor(fraction * RAM / threads) bytes and writes it sequentially,
 * one reference per 4 KiB, `loops` passes per iteration, `iterations` times: in all
 * iterations * loops * ceil(bytes / 4096) references per thread.
 *
 * Real usemem unmaps its memory when an iteration ends and the next one faults it in afresh. The
 * engine has no munmap yet, so the iterations re-walk the same, already populated, region.
 */
export function makeUsememStress(
  w: UsememStressWorkload,
  pageSize: number,
  totalRamBytes: number,
): WorkloadModel {
  const bytes = Math.floor((w.fraction * totalRamBytes) / w.threads);
  const pages = pagesFor(bytes, pageSize);
  const regions: RegionSpec[] = [];
  for (let t = 0; t < w.threads; t++) regions.push({ pages, file: false });
  return {
    regions,
    threads: (bases) =>
      regions.map(
        (_, t) =>
          new StepWalk({
            base: regionBase(bases, t),
            bytes,
            stepBytes: MMTESTS_USEMEM_STEP,
            pageSize,
            passes: w.loops * w.iterations,
            write: true,
            rng: null,
          }),
      ),
  };
}
