// Where in its address space each workload (mm) references and keeps its pages, at a coarse grain
// for the run's access heatmap: the workload's pages in equal buckets, a running count of
// references and the resident pages per node for each. Example: a 1 GiB workload of 4 KiB pages
// (262144 pages) has 64 buckets of 4096 pages; one of 100 pages has 50 buckets of 2 pages.
import { HEATMAP_MAX_BUCKETS } from '../../shared/result.ts';
import type { Vmas } from './vma.ts';

export interface AccessHeat {
  /** Per workload: its first global vpage (its regions are laid out end to end). */
  base: Int32Array;
  /** Per workload: log2 of its pages per bucket (a power of two, so a bucket is one shift away). */
  shift: Uint8Array;
  /** Per workload: its first global bucket, and its number of buckets. */
  first: Int32Array;
  nrBuckets: Int32Array;
  /** Per workload: its pages (the last bucket may be partly beyond them). */
  pages: Int32Array;
  /** References so far per global bucket; real numbers in the rate engine (draws in expectation). */
  references: Float64Array;
  /** Pages resident per global bucket and node: [bucket * nrNodes + node]. */
  resident: Float64Array;
}

/** Buckets for each workload's regions; they must be contiguous (setup adds them in order). */
export function createAccessHeat(vmas: Vmas, nrGroups: number, nrNodes: number): AccessHeat {
  const base = new Int32Array(nrGroups).fill(-1);
  const pages = new Int32Array(nrGroups);
  vmas.base.forEach((b, r) => {
    const g = vmas.group[r]!;
    if (base[g] === -1) base[g] = b;
    if (b !== base[g]! + pages[g]!) throw new Error(`workload ${g}'s regions are not contiguous`);
    pages[g]! += vmas.pages[r]!;
  });
  const shift = new Uint8Array(nrGroups);
  const first = new Int32Array(nrGroups);
  const nrBuckets = new Int32Array(nrGroups);
  let total = 0;
  for (let g = 0; g < nrGroups; g++) {
    while (pages[g]! > HEATMAP_MAX_BUCKETS << shift[g]!) shift[g]!++;
    first[g] = total;
    nrBuckets[g] = pages[g]! > 0 ? Math.ceil(pages[g]! / (1 << shift[g]!)) : 0;
    total += nrBuckets[g]!;
  }
  return {
    base,
    shift,
    first,
    nrBuckets,
    pages,
    references: new Float64Array(total),
    resident: new Float64Array(total * nrNodes),
  };
}

/** The global bucket of vpage, which belongs to workload g. */
export function heatBucket(h: AccessHeat, g: number, vpage: number): number {
  return h.first[g]! + ((vpage - h.base[g]!) >>> h.shift[g]!);
}
