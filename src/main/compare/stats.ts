// Summary statistics of one sample, computed as mmtests computes them (gormanm/mmtests,
// bin/lib/MMTests/Stat.pm), so a Tierlab comparison reads like compare-mmtests output. NaN means
// "not defined" (Stat.pm's "NaN" string) and the text table prints it as "-".

/**
 * qnorm(1 - alpha/2) for Stat.pm's alpha = 0.05 (Summarise.pm runStatFunc: `my $alpha = 0.05`):
 * the normal quantile Stat.pm's _calc_meanci asks R for.
 */
export const Z_975 = 1.959963984540054;

export function amean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/**
 * Harmonic mean. Stat.pm calc_hmean gives up on the first value that is zero or negative (it sets
 * $n to "NaN"), because 1/x is undefined or meaningless there; we return NaN the same way.
 */
export function hmean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let sum = 0;
  for (const x of xs) {
    if (!(x > 0)) return NaN;
    sum += 1 / x;
  }
  return xs.length / sum;
}

/**
 * Geometric mean. Stat.pm calc_geomean multiplies then takes the nth root; summing logs gives the
 * same value for positive data without overflowing, and NaN (not a sign-flipped root) for negatives.
 */
export function gmean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let logSum = 0;
  for (const x of xs) logSum += Math.log(x);
  return Math.exp(logSum / xs.length);
}

export function min(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : Math.min(...xs);
}

export function max(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : Math.max(...xs);
}

/** Sample standard deviation (n - 1), as Stat.pm calc_stddev does for "amean"; NaN when n <= 1. */
export function stddev(xs: readonly number[]): number {
  if (xs.length <= 1) return NaN;
  const mean = amean(xs);
  let squares = 0;
  for (const x of xs) squares += (x - mean) ** 2;
  return Math.sqrt(squares / (xs.length - 1));
}

/**
 * The spread mmtests reports beside an Hmean ("HStddev"): Stat.pm calc_stddev with meanname
 * "hmean" takes the deviations of 1/x from 1/H and scales back by H^2 (a delta-method estimate):
 * sqrt(sum((1/x - 1/H)^2) * H^4 / n). Note the divisor n, not n - 1, exactly as Stat.pm has it.
 */
export function hstddev(xs: readonly number[]): number {
  if (xs.length <= 1) return NaN;
  const h = hmean(xs);
  if (Number.isNaN(h)) return NaN;
  let squares = 0;
  for (const x of xs) squares += (1 / x - 1 / h) ** 2;
  return Math.sqrt((squares * h ** 4) / xs.length);
}

/**
 * Coefficient of variation in percent. Stat.pm calc_coeffvar treats an undefined stddev as 0 and
 * returns 0 when the mean is 0 or undefined, so a single run reads "0.00", not "-".
 */
export function coeffvar(sd: number, mean: number): number {
  const s = Number.isNaN(sd) ? 0 : sd;
  if (Number.isNaN(mean) || mean === 0) return 0;
  return (s * 100) / mean;
}

/**
 * Confidence interval of a mean as mmtests computes it (Stat.pm _calc_meanci): mean -/+
 * qnorm(1 - alpha/2, sd = stddev). The half-width is z * stddev, not z * stddev / sqrt(n): mmtests
 * does not divide by sqrt(n), so its intervals are wide and its significance marks conservative.
 */
export function meanCi(mean: number, sd: number): readonly [number, number] {
  const half = Z_975 * sd;
  return [mean - half, mean + half];
}

/**
 * The p-th percentile by nearest rank, rounding the rank down, as Summarise.pm runStatFunc does for
 * "percentile-P": count = max(1, floor(n * P / 100)), then the count-th smallest value.
 */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const count = Math.max(1, Math.floor((xs.length * p) / 100));
  return sorted[Math.min(count, sorted.length) - 1] ?? NaN;
}
