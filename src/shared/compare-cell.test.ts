import { describe, expect, it } from 'vitest';
import type { ComparisonCell } from './api/types.ts';
import { formatCell } from './compare-cell.ts';

const cell = (mean: number, vs?: Partial<NonNullable<ComparisonCell['vsBaseline']>>): ComparisonCell => ({
  n: 3,
  min: mean,
  mean,
  stddev: 1,
  coeffvar: 1,
  max: mean,
  ci: [mean - 1, mean + 1],
  ...(vs && {
    vsBaseline: {
      min: 0,
      mean: 0,
      stddev: 0,
      coeffvar: 0,
      max: 0,
      cidiff: 0,
      significant: false,
      effectSize: NaN,
      ...vs,
    },
  }),
});

describe('comparison cells as compare-mmtests prints them', () => {
  it('marks a significant mean with asterisks', () => {
    const text = formatCell(cell(111, { mean: 11, significant: true }), 'mean', false);
    expect(`${text.value} ${text.compare}`).toBe('      111.00 *  11.00%*');
    expect(text).toMatchObject({ significant: true, direction: 1 });
  });

  it('prints the baseline against itself as 0.00%', () => {
    const text = formatCell(cell(100), 'mean', true);
    expect(`${text.value} ${text.compare}`).toBe('      100.00 (   0.00%)');
    expect(text.direction).toBe(0);
  });

  it('shows "new" rather than -99% against a baseline of zero, uncoloured', () => {
    const text = formatCell(cell(5, { mean: -99 }), 'mean', false, cell(0));
    expect(text.compare).toBe('(    new)');
    expect(text).toMatchObject({ significant: false, direction: 0 });
    expect(formatCell(cell(0, { mean: 0 }), 'mean', false, cell(0)).compare).toBe('(   0.00%)');
  });

  it('gives the effect size beside a mean, and none for other statistics or without spread', () => {
    expect(
      formatCell(cell(111, { mean: 11, significant: true, effectSize: 0.354 }), 'mean', false).effect,
    ).toBe('d=+0.35');
    expect(formatCell(cell(90, { mean: -10, effectSize: -2 }), 'mean', false).effect).toBe('d=-2.00');
    expect(formatCell(cell(90, { min: -10, effectSize: -2 }), 'min', false).effect).toBe('');
    expect(formatCell(cell(90, { mean: -10 }), 'mean', false).effect).toBe('');
  });

  it('writes a missing value (null over JSON) as a dash', () => {
    const c = { ...cell(5, { stddev: -3.5 }), stddev: null as unknown as number };
    expect(formatCell(c, 'stddev', false).value.trim()).toBe('-');
    expect(formatCell(c, 'stddev', false).compare).toBe('(  -3.50%)');
  });
});
