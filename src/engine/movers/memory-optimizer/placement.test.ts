import { describe, expect, it } from 'vitest';
import { makePoolScratch, reserveSlots, selectMoves, type PoolScratch } from './placement.ts';

/** A pool scratch for nr_walks 4 whose fast and slow pages have the given scores. */
function pool(fast: number[], slow: number[]): PoolScratch {
  const p = makePoolScratch(4);
  for (const s of fast) p.fast[s]!++;
  for (const s of slow) p.slow[s]!++;
  return p;
}

const counts = (a: Float64Array) => Array.from(a);

describe('selectMoves', () => {
  it('swaps a hot slow page for a cold fast one only when their scores differ by the anti-thrash gap', () => {
    // The worked example in placement.ts.
    const p = pool([0, 2, 4], [4, 3, 1, 1]);
    selectMoves(p, 3, 2);
    expect(counts(p.promote)).toEqual([0, 0, 0, 0, 1]);
    expect(counts(p.demote)).toEqual([1, 0, 0, 0, 0]);
  });

  it('moves nothing at the budget when no pair clears the gap', () => {
    const p = pool([2, 3], [4, 4]);
    selectMoves(p, 2, 3);
    expect(counts(p.promote)).toEqual([0, 0, 0, 0, 0]);
    expect(counts(p.demote)).toEqual([0, 0, 0, 0, 0]);
  });

  it('demotes the coldest fast pages down to the budget, whatever their scores', () => {
    const p = pool([4, 4, 3, 1, 1], []);
    selectMoves(p, 2, 2);
    expect(counts(p.demote)).toEqual([0, 2, 0, 1, 0]);
    expect(counts(p.promote)).toEqual([0, 0, 0, 0, 0]);
  });

  it('fills spare budget with the hottest slow pages but never with pages no walk saw accessed', () => {
    const p = pool([2], [0, 0, 1, 3, 4]);
    selectMoves(p, 10, 2);
    expect(counts(p.promote)).toEqual([0, 1, 0, 1, 1]);
    expect(counts(p.demote)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('reserveSlots', () => {
  it('puts demotions coldest first at the front and promotions hottest first at the back', () => {
    const p = pool([0, 1, 1], [3, 4, 4]);
    selectMoves(p, 3, 2);
    const q = { vpages: new Uint32Array(10), nrDemote: 0, promoteFrom: 10 };
    reserveSlots(p, q);
    expect(q.nrDemote).toBe(3);
    expect(q.promoteFrom).toBe(7);
    expect(counts(p.demoteAt).slice(0, 2)).toEqual([0, 1]);
    // Promotions run from index 9 downwards: the two score-4 pages first, then the score-3 one.
    expect(p.promoteAt[4]).toBe(9);
    expect(p.promoteAt[3]).toBe(7);
  });
});
