// The virtual memory areas of all workloads, laid end to end in one global vpage space:
// region i covers [base[i], base[i] + pages[i]). Lookups are binary searches (slow paths only).

export interface Vmas {
  base: number[];
  pages: number[];
  file: boolean[];
  /** Which workload entry owns each region. */
  group: number[];
  nrVpages: number;
}

export function createVmas(): Vmas {
  return { base: [], pages: [], file: [], group: [], nrVpages: 0 };
}

/** Appends a region and returns its first vpage. */
export function addVma(v: Vmas, pages: number, file: boolean, group: number): number {
  const base = v.nrVpages;
  v.base.push(base);
  v.pages.push(pages);
  v.file.push(file);
  v.group.push(group);
  v.nrVpages += pages;
  return base;
}

/** Index of the region holding vpage (find_vma). */
export function findVma(v: Vmas, vpage: number): number {
  let lo = 0;
  let hi = v.base.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (v.base[mid]! <= vpage) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
