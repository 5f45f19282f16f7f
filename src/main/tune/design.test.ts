import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/random/rng.ts';
import { parseKnobRange } from '../../shared/tune/knob-range.ts';
import { fullGrid, latinHypercube, neighbour, settingsAt, valueAt } from './design.ts';

describe('the design', () => {
  it('maps a unit position to a knob value, geometrically on a log-scale range', () => {
    const log = parseKnobRange('hot_threshold_ms=100..10000');
    // The middle of 100..10000 on a log scale is sqrt(100 * 10000) = 1000; linear it would be 5050.
    expect(valueAt(log, 0.5)).toBe(1000);
    expect(valueAt(log, 0)).toBe(100);
    expect(valueAt(log, 1)).toBe(10000);
    expect(valueAt(parseKnobRange('swappiness=0..200'), 0.5)).toBe(100);
    const list = parseKnobRange('transparent_hugepage');
    expect([0, 0.34, 0.99].map((u) => valueAt(list, u))).toEqual(['always', 'madvise', 'never']);
  });

  it('puts one Latin-hypercube point in each stratum of every axis', () => {
    const points = latinHypercube(3, 8, createRng(7));
    expect(points).toHaveLength(8);
    for (let axis = 0; axis < 3; axis++) {
      const strata = points.map((p) => Math.floor(p[axis]! * 8)).sort((a, b) => a - b);
      expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    }
  });

  it('lists every combination of listed values in the full grid', () => {
    const ranges = [parseKnobRange('demotion_enabled'), parseKnobRange('transparent_hugepage=always,never')];
    expect(fullGrid(ranges).map((p) => settingsAt(ranges, p))).toEqual([
      { demotion_enabled: false, transparent_hugepage: 'always' },
      { demotion_enabled: false, transparent_hugepage: 'never' },
      { demotion_enabled: true, transparent_hugepage: 'always' },
      { demotion_enabled: true, transparent_hugepage: 'never' },
    ]);
  });

  it('keeps a neighbour within the step of its parent and inside the range', () => {
    const ranges = [parseKnobRange('swappiness=0..200')];
    const rng = createRng(3);
    for (let i = 0; i < 200; i++) {
      const [u] = neighbour(ranges, [0.95], 0.1, rng);
      expect(u).toBeGreaterThanOrEqual(0.85);
      expect(u).toBeLessThan(1);
    }
  });
});
