import { describe, expect, it } from 'vitest';
import { logFloor } from './log-axis.ts';

const series = (...ys: number[]) => [{ points: ys.map((y, x) => ({ x, y })) }];

describe('log axis floor', () => {
  it('is the power of ten at or below the smallest value', () => {
    expect(logFloor(series(0.37, 5, 1200), null)).toBeCloseTo(0.1);
    expect(logFloor(series(1000, 4000), null)).toBe(1000);
    expect(logFloor(series(1, 3), null)).toBe(1);
  });

  it('drops a decade lower when zeros are in view, so they sit apart from the smallest value', () => {
    expect(logFloor(series(0, 0.37, 5, 1200), null)).toBeCloseTo(0.01);
    expect(logFloor(series(0, 1000, 4000), null)).toBe(100);
    expect(logFloor(series(-2, 42), null)).toBe(1);
  });

  it('is positive when nothing in view is', () => {
    expect(logFloor(series(0, 0, -3), null)).toBe(1);
    expect(logFloor([], null)).toBe(1);
  });

  it('looks only at the points in the zoomed range', () => {
    // x = 0..3 hold 0, 500, 600, 0.03: zoomed to 1..2 the zeros and 0.03 are out of view.
    expect(logFloor(series(0, 500, 600, 0.03), { min: 1, max: 2 })).toBe(100);
    expect(logFloor(series(0, 500, 600, 0.03), null)).toBeCloseTo(0.001);
  });
});
