// One idle-bit walk of a process's anonymous pages, as sys-refs reads /proc/PID/idle_pages: a page
// found accessed since the previous walk scores one reference, and every present page is marked idle.
// With memopt_weigh_dirty, a page also found written (its PTE dirty bit) scores a second one.
import type { Kernel } from '../../mm/kernel.ts';
import { PTE_SWAPPED } from '../../mm/mem-state.ts';
import type { MmLayout } from '../../mm/numa-balancing.ts';
import { PG } from '../../mm/page-flags.ts';
import { syncAccessBits } from '../../mm/reference-model.ts';

/** Reading and clearing one present PTE's accessed bit, plus the daemon's bookkeeping of its score. */
export const WALK_PTE_NS = 30;
/** Skipping a PTE that maps nothing (never touched, or swapped out). */
export const WALK_HOLE_NS = 3;

/**
 * Walks mm's anonymous regions once: refs[vpage]++ for every present page accessed since it was
 * last marked idle, then marks it idle; with memopt_weigh_dirty, refs[vpage]++ again if it was
 * written since the last walk, whose PTE dirty bit it then clears. Returns the walk's CPU time, ns
 * (it grows with the mm's size).
 */
export function walkIdlePages(k: Kernel, mm: MmLayout, refs: Uint16Array): number {
  const { pte, flags } = k.m;
  // PG.written when weighing writes: the bit the walk reads, scores and clears; else 0, no effect.
  const dirtyBit = k.knobs.memopt_weigh_dirty ? PG.written : 0;
  let present = 0;
  let holes = 0;
  for (let r = 0; r < mm.base.length; r++) {
    const end = mm.base[r]! + mm.pages[r]!;
    for (let v = mm.base[r]!; v < end; v++) {
      const e = pte[v]!;
      if (e === 0 || e >= PTE_SWAPPED) {
        holes++;
        continue;
      }
      // page-idle.ts's accessedSinceIdle then markIdle, inlined: this loop visits every page of
      // every watched process each interval. A score is at most 2 x nr_walks = 510.
      syncAccessBits(k, e - 1);
      const fl = flags[e - 1]!;
      if (fl & PG.young || !(fl & PG.idle)) refs[v]!++;
      if (fl & dirtyBit) refs[v]!++;
      flags[e - 1] = ((fl & PG.young ? (fl & ~PG.young) | PG.youngIdle : fl) | PG.idle) & ~dirtyBit;
      present++;
    }
  }
  return present * WALK_PTE_NS + holes * WALK_HOLE_NS;
}
