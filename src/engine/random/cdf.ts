// Distribution functions behind the rate engine's page probabilities: each sampler in
// distributions.ts and zipf.ts draws from one of these laws, so p(page) is a difference of CDFs.
// Accuracy needed: a relative error well under 1e-6 of a page's probability.

/**
 * erfc(x) by Chebyshev fitting (Numerical Recipes 6.2, erfcc): fractional error below 1.2e-7
 * everywhere, and it keeps that relative accuracy far into the tail where 1 - erf(x) would not.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Upper tail of the standard normal, Q(x) = P(Z > x). */
const upperTail = (x: number): number => 0.5 * erfc(x / Math.SQRT2);

/** P(a <= Z < b) for a standard normal Z, computed on the side that keeps precision. */
export function normalMass(a: number, b: number): number {
  if (!(b > a)) return 0;
  if (a >= 0) return upperTail(a) - upperTail(b);
  if (b <= 0) return upperTail(-b) - upperTail(-a);
  return 1 - upperTail(-a) - upperTail(b);
}

const IRWIN_HALL_N = 12;
const BINOMIAL_12 = [1, 12, 66, 220, 495, 792, 924, 792, 495, 220, 66, 12, 1];
const FACTORIAL_12 = 479001600;

/**
 * CDF of the sum of 12 independent U(0,1) (Irwin-Hall, n = 12): sysbench's "gaussian".
 * F(x) = 1/12! * sum_{k <= x} (-1)^k C(12,k) (x-k)^12; evaluated on the near half (symmetry
 * F(x) = 1 - F(12 - x)) so the alternating sum never exceeds x = 6.
 */
export function irwinHall12Cdf(x: number): number {
  if (x <= 0) return 0;
  if (x >= IRWIN_HALL_N) return 1;
  if (x > IRWIN_HALL_N / 2) return 1 - irwinHall12Cdf(IRWIN_HALL_N - x);
  let sum = 0;
  for (let k = 0; k <= Math.floor(x); k++) {
    const term = BINOMIAL_12[k]! * (x - k) ** IRWIN_HALL_N;
    sum += k % 2 === 0 ? term : -term;
  }
  return sum / FACTORIAL_12;
}

/** Terms summed one by one before the Euler-Maclaurin tail takes over. */
const HARMONIC_EXACT_TERMS = 1 << 16;

/**
 * Generalized harmonic numbers H(x, s) = sum_{k=1..x} k^-s for integer x >= 0: a prefix table up
 * to 2^16 terms, then Euler-Maclaurin (integral, end corrections and the f' and f''' terms), whose
 * error past 2^16 is below 1e-20 of the sum.
 */
export class HarmonicSums {
  private readonly s: number;
  private readonly prefix: Float64Array;

  constructor(s: number, upTo: number) {
    this.s = s;
    const n = Math.min(HARMONIC_EXACT_TERMS, Math.max(0, Math.floor(upTo)));
    this.prefix = new Float64Array(n + 1);
    for (let k = 1; k <= n; k++) this.prefix[k] = this.prefix[k - 1]! + Math.exp(-s * Math.log(k));
  }

  /** H(x, s); x is floored. */
  at(x: number): number {
    const n = Math.floor(x);
    if (n <= 0) return 0;
    const last = this.prefix.length - 1;
    if (n <= last) return this.prefix[n]!;
    return this.prefix[last]! + this.tail(last, n);
  }

  /** sum_{k=a+1..b} k^-s by Euler-Maclaurin, for a >= 2^16. */
  private tail(a: number, b: number): number {
    const s = this.s;
    const f = (x: number) => Math.exp(-s * Math.log(x));
    const integral = Math.abs(s - 1) < 1e-12 ? Math.log(b / a) : (b ** (1 - s) - a ** (1 - s)) / (1 - s);
    const d1 = (x: number) => (-s * f(x)) / x;
    const d3 = (x: number) => (-s * (s + 1) * (s + 2) * f(x)) / (x * x * x);
    return integral + (f(b) - f(a)) / 2 + (d1(b) - d1(a)) / 12 - (d3(b) - d3(a)) / 720;
  }
}
