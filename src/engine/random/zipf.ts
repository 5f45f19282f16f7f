// Zipf over n items: an alias table (Walker/Vose, O(1) per draw) up to ALIAS_MAX_ITEMS, and beyond
// that rejection-inversion sampling (Hörmann & Derflinger 1996) in O(1) memory, the method of
// Apache Commons RNG and of sysbench's --rand-type=zipfian. The table is 8 bytes an item; the
// rejection method costs a log and two exps a draw, which would halve the engine's hot loop.
import type { Rng } from './rng.ts';

/** Largest item count that gets an alias table (32 MiB of tables; a 16 GiB region at 4 KiB pages). */
export const ALIAS_MAX_ITEMS = 1 << 22;

/** log(1 + x) / x, by its Taylor series near 0 where the quotient loses precision. */
function helper1(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

/** (exp(x) - 1) / x, by its Taylor series near 0. */
function helper2(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}

/**
 * Ranks 0..n-1 with P(rank k) proportional to 1/(k+1)^s, for s >= 0 (s = 0 is uniform).
 * Immutable after construction, so threads may share one.
 */
export class ZipfSampler {
  readonly n: number;
  readonly s: number;
  private readonly hIntegralX1: number;
  private readonly hIntegralN: number;
  /** Squeeze: a candidate within this distance of its real value is accepted without a log. */
  private readonly squeeze: number;
  /** Alias table: item i is kept if a u32 draw is below threshold[i], else alias[i] is taken. */
  private readonly threshold: Uint32Array | null;
  private readonly alias: Uint32Array | null;

  constructor(n: number, s: number) {
    if (!(n >= 1) || !Number.isInteger(n)) throw new Error(`zipf needs a positive item count, got ${n}`);
    if (!(s >= 0)) throw new Error(`zipf exponent must be >= 0, got ${s}`);
    this.n = n;
    this.s = s;
    this.hIntegralX1 = this.hIntegral(1.5) - 1;
    this.hIntegralN = this.hIntegral(n + 0.5);
    this.squeeze = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
    const table = n <= ALIAS_MAX_ITEMS ? buildAliasTable(n, s) : null;
    this.threshold = table?.threshold ?? null;
    this.alias = table?.alias ?? null;
  }

  /** A rank in [0, n): 0 is the most popular item. */
  sample(rng: Rng): number {
    const n = this.n;
    if (this.threshold) {
      const i = rng.int(n);
      return rng.u32() < this.threshold[i]! ? i : this.alias![i]!;
    }
    for (;;) {
      const u = this.hIntegralN + rng.float() * (this.hIntegralX1 - this.hIntegralN);
      const x = this.hIntegralInverse(u);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > n) k = n;
      // Accepting k with probability h(k) / (H(k+1/2) - H(k-1/2)) makes P(k) = C / k^s exactly.
      if (k - x <= this.squeeze || u >= this.hIntegral(k + 0.5) - this.h(k)) return k - 1;
    }
  }

  /** H(x) = (x^(1-s) - 1) / (1-s), or log(x) at s = 1: the integral of h(x) = x^-s. */
  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return helper2((1 - this.s) * logX) * logX;
  }

  private h(x: number): number {
    return Math.exp(-this.s * Math.log(x));
  }

  private hIntegralInverse(x: number): number {
    // Rounding can push t just below -1, where log1p is undefined.
    let t = x * (1 - this.s);
    if (t < -1) t = -1;
    return Math.exp(helper1(t) * x);
  }
}

/**
 * Vose's alias method for P(i) proportional to 1/(i+1)^s. Each slot holds its own item with
 * probability threshold/2^32 and otherwise its alias; "small" slots are topped up by "large" ones.
 */
function buildAliasTable(n: number, s: number): { threshold: Uint32Array; alias: Uint32Array } {
  const scaled = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += scaled[i] = Math.exp(-s * Math.log(i + 1));
  for (let i = 0; i < n; i++) scaled[i]! *= n / sum;
  const threshold = new Uint32Array(n);
  const alias = new Uint32Array(n);
  const stack = new Uint32Array(n);
  let small = 0; // stack[0..small) are small slots
  let large = n; // stack[large..n) are large slots
  for (let i = 0; i < n; i++) {
    if (scaled[i]! < 1) stack[small++] = i;
    else stack[--large] = i;
  }
  while (small > 0 && large < n) {
    const lo = stack[--small]!;
    const hi = stack[large]!;
    threshold[lo] = Math.floor(scaled[lo]! * 2 ** 32);
    alias[lo] = hi;
    scaled[hi] = scaled[hi]! + scaled[lo]! - 1;
    if (scaled[hi] < 1) {
      large++;
      stack[small++] = hi;
    }
  }
  // What is left is 1 up to rounding: always keep the slot.
  while (large < n) threshold[stack[large++]!] = 0xffffffff;
  while (small > 0) threshold[stack[--small]!] = 0xffffffff;
  return { threshold, alias };
}
