// Placement at the end of a round (GlobalScan's calc_migrate_parameter and anti_thrashing, per pool):
// from each pool's score histogram, how many pages of each score to promote and demote, then which.
import type { Kernel } from '../../mm/kernel.ts';
import { PTE_SWAPPED, pageToNid } from '../../mm/mem-state.ts';
import type { MmLayout } from '../../mm/numa-balancing.ts';

/** Per-score scratch of one pool, sized nr_walks + 1 once. */
export interface PoolScratch {
  /** Pages with score s on the fast tier / elsewhere. */
  fast: Float64Array;
  slow: Float64Array;
  /** Pages of score s still to be queued for promotion / demotion. */
  promote: Float64Array;
  demote: Float64Array;
  /** Next queue slot for score s (see MoveQueue). */
  promoteAt: Float64Array;
  demoteAt: Float64Array;
}

/**
 * The round's moves. Demotions fill [0, nrDemote) coldest first and run first, so a pool's DRAM use
 * never rises above its budget; promotions fill [promoteFrom, length) and run from the top down,
 * hottest first. A vpage is queued at most once, so one array of nrVpages holds both.
 */
export interface MoveQueue {
  vpages: Uint32Array;
  nrDemote: number;
  promoteFrom: number;
}

export function makePoolScratch(maxScore: number): PoolScratch {
  const a = () => new Float64Array(maxScore + 1);
  return { fast: a(), slow: a(), promote: a(), demote: a(), promoteAt: a(), demoteAt: a() };
}

/** Empties the pool's histograms; returns it. */
export function clearCounts(p: PoolScratch): PoolScratch {
  p.fast.fill(0);
  p.slow.fill(0);
  return p;
}

/** Adds mm's present pages to the pool's histograms by score and tier. Returns how many there were. */
export function countScores(k: Kernel, mm: MmLayout, refs: Uint16Array, p: PoolScratch): number {
  const { pte } = k.m;
  const top = k.layout.topTier;
  let present = 0;
  for (let r = 0; r < mm.base.length; r++) {
    const end = mm.base[r]! + mm.pages[r]!;
    for (let v = mm.base[r]!; v < end; v++) {
      const e = pte[v]!;
      if (e === 0 || e >= PTE_SWAPPED) continue;
      if (top[pageToNid(k.m, e - 1)]) p.fast[refs[v]!]!++;
      else p.slow[refs[v]!]!++;
      present++;
    }
  }
  return present;
}

/**
 * Fills p.promote/p.demote for a pool whose DRAM budget is `budget` pages. Over budget, the coldest
 * fast pages go down; under it, the hottest slow pages seen at least once come up into the room. Then
 * hot slow pages swap places with cold fast ones while their scores differ by at least `gap`
 * (anti_thrash_threshold: hot_threshold - cold_threshold must reach it, else nothing moves).
 *
 * Example, nr_walks 4, budget 3, gap 2: fast pages score 0, 2, 4; slow pages 4, 3, 1, 1. The pool is
 * at its budget, so only swaps: 4 (slow) for 0 (fast) differ by 4 and swap; 3 for 2 differ by 1 and
 * stop there. One page is promoted and one demoted.
 */
export function selectMoves(p: PoolScratch, budget: number, gap: number): void {
  const { fast, slow, promote, demote } = p;
  const maxScore = fast.length - 1;
  promote.fill(0);
  demote.fill(0);
  let onFast = 0;
  for (let s = 0; s <= maxScore; s++) onFast += fast[s]!;
  let over = onFast - budget;
  for (let s = 0; s <= maxScore && over > 0; s++) {
    const n = Math.min(fast[s]!, over);
    demote[s] = n;
    over -= n;
  }
  let room = Math.max(0, budget - onFast);
  for (let s = maxScore; s >= 1 && room > 0; s--) {
    const n = Math.min(slow[s]!, room);
    promote[s] = n;
    room -= n;
  }
  let hot = maxScore;
  let cold = 0;
  for (;;) {
    while (hot >= 1 && slow[hot]! - promote[hot]! === 0) hot--;
    while (cold <= maxScore && fast[cold]! - demote[cold]! === 0) cold++;
    if (hot < 1 || cold > maxScore || hot - cold < gap) break;
    const n = Math.min(slow[hot]! - promote[hot]!, fast[cold]! - demote[cold]!);
    promote[hot]! += n;
    demote[cold]! += n;
  }
}

/** Reserves the pool's queue slots, by score, for the counts selectMoves chose. */
export function reserveSlots(p: PoolScratch, q: MoveQueue): void {
  const maxScore = p.fast.length - 1;
  for (let s = 0; s <= maxScore; s++) {
    p.demoteAt[s] = q.nrDemote;
    q.nrDemote += p.demote[s]!;
  }
  for (let s = maxScore; s >= 0; s--) {
    p.promoteAt[s] = q.promoteFrom - 1;
    q.promoteFrom -= p.promote[s]!;
  }
}

/** Queues mm's pages for the moves still left in p, in address order within a score. */
export function enqueueMoves(k: Kernel, mm: MmLayout, refs: Uint16Array, p: PoolScratch, q: MoveQueue): void {
  const { pte } = k.m;
  const top = k.layout.topTier;
  const out = q.vpages;
  for (let r = 0; r < mm.base.length; r++) {
    const end = mm.base[r]! + mm.pages[r]!;
    for (let v = mm.base[r]!; v < end; v++) {
      const e = pte[v]!;
      if (e === 0 || e >= PTE_SWAPPED) continue;
      const s = refs[v]!;
      if (top[pageToNid(k.m, e - 1)]) {
        if (p.demote[s]! > 0) {
          p.demote[s]!--;
          out[p.demoteAt[s]!++] = v;
        }
      } else if (p.promote[s]! > 0) {
        p.promote[s]!--;
        out[p.promoteAt[s]!--] = v;
      }
    }
  }
}
