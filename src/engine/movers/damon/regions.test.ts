import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/rng.ts';
import { createRegions, mergeRegions, resetAggregated, splitRegions, type Regions } from './regions.ts';

const sizes = (r: Regions) => Array.from({ length: r.nr }, (_, i) => r.end[i]! - r.start[i]!);

/** Regions tile [start, end) in order with no gaps and no empty region. */
function expectTiled(r: Regions, start: number, end: number): void {
  let tiled = r.start[0] === start && r.end[r.nr - 1] === end;
  for (let i = 0; i < r.nr; i++) {
    if (r.end[i]! <= r.start[i]! || (i > 0 && r.start[i] !== r.end[i - 1])) tiled = false;
  }
  expect(tiled).toBe(true);
}

describe('DAMON regions', () => {
  it('start as min_nr_regions even slices of the node', () => {
    const r = createRegions(100, 1100, 10, 50);
    expect(r.nr).toBe(10);
    expect(sizes(r)).toEqual(new Array(10).fill(100));
    expectTiled(r, 100, 1100);
  });

  it('merge neighbours with alike access counts, but never beyond total / min_nr_regions', () => {
    const r = createRegions(0, 1000, 4, 50);
    splitRegions(r, createRng(1));
    expect(r.nr).toBe(8);
    // Left half accessed 10 times, right half never: two classes, each kept in 250-page pieces.
    for (let i = 0; i < r.nr; i++) r.nrAccesses[i] = r.end[i]! <= 500 ? 10 : 0;
    mergeRegions(r, 1, 20);
    expect(sizes(r)).toEqual([250, 250, 250, 250]);
    expect(Array.from(r.nrAccesses.subarray(0, 4))).toEqual([10, 10, 0, 0]);
  });

  it('split in two while at most half the maximum, in three when the count stood still', () => {
    const r = createRegions(0, 10_000, 10, 50);
    const rng = createRng(2);
    splitRegions(r, rng);
    expect(r.nr).toBe(20);
    expectTiled(r, 0, 10_000);
    // All alike: they merge back into ten 1,000-page regions, the size limit.
    mergeRegions(r, 0, 20);
    expect(r.nr).toBe(10);
    // Ten again, as at the last split: the middle of each region gets a chance of its own.
    splitRegions(r, rng);
    expect(r.nr).toBe(30);
    expectTiled(r, 0, 10_000);
    // More than half of max_nr_regions: no further split.
    splitRegions(r, rng);
    expect(r.nr).toBe(30);
  });

  it('stay between min_nr_regions and max_nr_regions under changing access patterns', () => {
    const r = createRegions(0, 65_536, 10, 60);
    const rng = createRng(3);
    for (let aggregation = 0; aggregation < 200; aggregation++) {
      for (let i = 0; i < r.nr; i++) r.nrAccesses[i] = rng.int(21);
      mergeRegions(r, 2, 20);
      resetAggregated(r);
      splitRegions(r, rng);
      expect(r.nr).toBeGreaterThanOrEqual(10);
      expect(r.nr).toBeLessThanOrEqual(60);
      expectTiled(r, 0, 65_536);
    }
  });
});
