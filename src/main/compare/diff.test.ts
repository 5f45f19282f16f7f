import { describe, expect, it } from 'vitest';
import { cidiff, isSignificant, pdiff, pndiff } from './diff.ts';

describe('pdiff (higher is better)', () => {
  it('is positive when the value rose and negative when it fell', () => {
    expect(pdiff(110, 100)).toBeCloseTo(10, 12);
    expect(pdiff(90, 100)).toBeCloseTo(-10, 12);
  });

  it('keeps mmtests edge cases: equal or zero value gives 0, zero base gives 100', () => {
    expect(pdiff(100, 100)).toBe(0);
    expect(pdiff(0, 100)).toBe(0);
    expect(pdiff(5, 0)).toBe(100);
  });

  it('is not defined when either mean is not', () => {
    expect(pdiff(NaN, 100)).toBeNaN();
    expect(pdiff(100, NaN)).toBeNaN();
  });
});

describe('pndiff (lower is better)', () => {
  it('is positive when the value fell and negative when it rose', () => {
    expect(pndiff(90, 100)).toBeCloseTo(10, 12);
    expect(pndiff(110, 100)).toBeCloseTo(-10, 12);
  });

  it('keeps mmtests edge cases: zero value gives 100, zero base gives -99', () => {
    expect(pndiff(100, 100)).toBe(0);
    expect(pndiff(0, 100)).toBe(100);
    expect(pndiff(5, 0)).toBe(-99);
  });
});

describe('cidiff', () => {
  it('is 1 when the two intervals just touch, which is not significant', () => {
    const r = cidiff(12, [11, 13], 10, [9, 11]);
    expect(r).toBe(1);
    expect(isSignificant(r)).toBe(false);
  });

  it('exceeds 1 when the intervals are apart, which is significant', () => {
    const r = cidiff(12.5, [11.5, 13.5], 10, [9, 11]);
    expect(r).toBe(1.25);
    expect(isSignificant(r)).toBe(true);
  });

  it('uses the facing half-widths and keeps the sign when the value is below the base', () => {
    // diff -2 over (9 - 8) + (10 - 9.5) = 1.5
    expect(cidiff(8, [7, 9], 10, [9.5, 10.5])).toBeCloseTo(-1.3333333333333333, 12);
  });

  it('is the plain difference when both intervals have zero width', () => {
    expect(cidiff(10.5, [10.5, 10.5], 10, [10, 10])).toBe(0.5);
  });
});
