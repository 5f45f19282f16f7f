import { describe, expect, it } from 'vitest';
import type { ComparisonCell } from '../../shared/api/types.ts';
import { formatCell } from './cell-format.ts';

const cell = (mean: number, vs?: Partial<NonNullable<ComparisonCell['vsBaseline']>>): ComparisonCell => ({
  n: 3,
  min: mean,
  mean,
  stddev: 1,
  coeffvar: 1,
  max: mean,
  ci: [mean - 1, mean + 1],
  ...(vs && {
    vsBaseline: { min: 0, mean: 0, stddev: 0, coeffvar: 0, max: 0, cidiff: 0, significant: false, ...vs },
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

  it('writes a missing value (null over JSON) as a dash', () => {
    const c = { ...cell(5, { stddev: -3.5 }), stddev: null as unknown as number };
    expect(formatCell(c, 'stddev', false).value.trim()).toBe('-');
    expect(formatCell(c, 'stddev', false).compare).toBe('(  -3.50%)');
  });
});
