import { describe, expect, it } from 'vitest';
import { createFleetSample, fleetIndex, fleetVpage, FLEET_SAMPLE_PAGES } from './fleet-sample.ts';
import { createRng } from '../random/rng.ts';
import type { Vmas } from './vma.ts';

/** Regions laid end to end, one workload each unless `group` says otherwise. */
function vmas(pages: number[], group = pages.map((_, g) => g)): Vmas {
  let base = 0;
  const bases = pages.map((p) => ((base += p), base - p));
  return { base: bases, pages, group } as unknown as Vmas;
}

describe('the fleet sample', () => {
  it('takes every page of a small workload and every 256th of a 1 GiB one, each standing for its share', () => {
    const f = createFleetSample(vmas([100, 262_144]), 2, 2, createRng(1));
    expect(Array.from(f.count)).toEqual([100, 1024]);
    expect(Array.from(f.shift)).toEqual([0, 8]);
    expect(Array.from(f.weight)).toEqual([1, 256]);
    // Workload 1 starts at vpage 100: its pages 0, 256, ... are sampled, in order after workload 0's.
    expect(fleetIndex(f, 1, 100)).toBe(100);
    expect(fleetIndex(f, 1, 100 + 256)).toBe(101);
    expect(fleetIndex(f, 1, 101)).toBe(-1);
    expect(fleetVpage(f, 1, 101)).toBe(356);
  });

  it('keeps at most FLEET_SAMPLE_PAGES a workload up to the largest address space (2^31 - 1 pages, where 1024 << 21 would wrap)', () => {
    const f = createFleetSample(vmas([2 ** 31 - 1]), 1, 1, createRng(1));
    expect(f.count[0]).toBeLessThanOrEqual(FLEET_SAMPLE_PAGES);
    expect(f.count[0]! * 2 ** f.shift[0]!).toBeGreaterThanOrEqual(2 ** 31 - 1);
  });
});
