// How one group's statistic compares with the baseline's, with mmtests' formulas and sign convention
// (gormanm/mmtests bin/lib/MMTests/Stat.pm: pdiff, pndiff, cidiff): a positive percentage is always
// an improvement, whichever direction is better.

/**
 * Percentage gain of `value` over `base` when higher is better (Stat.pm pdiff):
 * 110 vs 100 gives +10, 90 vs 100 gives -10. mmtests' edge cases are kept: equal values or a value
 * of 0 give 0 (mmtests reads 0 as "no result", so a drop to zero shows 0.00%), a base of 0 gives 100.
 * Where Stat.pm would compare against the string "NaN" we return NaN, which the table prints as "-".
 */
export function pdiff(value: number, base: number): number {
  if (Number.isNaN(value) || Number.isNaN(base)) return NaN;
  if (value === base || value === 0) return 0;
  if (base === 0) return 100;
  return (value * 100) / base - 100;
}

/**
 * Percentage gain of `value` over `base` when lower is better (Stat.pm pndiff):
 * 90 vs 100 gives +10, 110 vs 100 gives -10. Edge cases as Stat.pm: equal gives 0, a value of 0
 * gives 100 (all of the cost gone), a base of 0 with a non-zero value gives -99.
 */
export function pndiff(value: number, base: number): number {
  if (Number.isNaN(value) || Number.isNaN(base)) return NaN;
  if (value === base) return 0;
  if (value === 0) return 100;
  if (base === 0) return -99;
  return 100 - (value * 100) / base;
}

/**
 * The difference of two means in units of their confidence half-widths (Stat.pm cidiff): the
 * half-widths taken are the ones facing each other, so |result| > 1 exactly when the two intervals
 * do not overlap. When both intervals have zero width Stat.pm returns the plain difference.
 * Worked example: value 12 in [11, 13], base 10 in [9, 11]: (12 - 10) / ((12 - 11) + (11 - 10)) = 1,
 * touching intervals, not significant; value 12.5 in [11.5, 13.5] gives 2.5 / 2 = 1.25, significant.
 */
export function cidiff(
  value: number,
  valueCi: readonly [number, number],
  base: number,
  baseCi: readonly [number, number],
): number {
  const diff = value - base;
  const ciSum =
    value < base ? valueCi[1] - value + (base - baseCi[0]) : value - valueCi[0] + (baseCi[1] - base);
  if (ciSum === 0) return diff;
  return diff / ciSum;
}

/** mmtests' significance mark (`:SIG:`): the two confidence intervals do not overlap. */
export function isSignificant(ratio: number): boolean {
  return Math.abs(ratio) > 1;
}
