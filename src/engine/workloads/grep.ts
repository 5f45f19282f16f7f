// A recursive grep: streams a corpus through the page cache, read once per pass. No script survives
// from Yang Shi's v3 tests; this is the reading of it in kernel-tiering.md section 4: sequential
// read-once file pages that compete with anonymous memory for DRAM.
import type { GrepWorkload } from '../../shared/scenario/resolved.ts';
import { pagesFor, regionBase, sliceStart } from './share.ts';
import { StepWalk } from './step-walk.ts';
import type { WorkloadModel } from './types.ts';

/**
 * One FILE region holding the corpus. One reference (a read) per page per pass, in file order, so a
 * pass over the whole corpus is ceil(corpusBytes / pageSize) references. With several threads
 * (a parallel grep) each reads its own contiguous slice of the corpus every pass.
 */
export function makeGrep(w: GrepWorkload, pageSize: number, _totalRamBytes: number): WorkloadModel {
  const pages = pagesFor(w.corpusBytes, pageSize);
  return {
    regions: [{ pages, file: true }],
    threads: (bases) => {
      const base = regionBase(bases, 0);
      const sources: StepWalk[] = [];
      for (let t = 0; t < w.threads; t++) {
        const first = sliceStart(pages, t, w.threads);
        const end = sliceStart(pages, t + 1, w.threads);
        sources.push(
          new StepWalk({
            base: base + first,
            bytes: (end - first) * pageSize,
            stepBytes: pageSize,
            pageSize,
            passes: w.passes,
            write: false,
            rng: null,
          }),
        );
      }
      return sources;
    },
  };
}
