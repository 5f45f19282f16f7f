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
 * Its only state is the alias table built on first use, the same whoever builds it, so threads may share one.
 */
export class ZipfSampler {
  readonly n: number;
  readonly s: number;
  private readonly hIntegralX1: number;
  private readonly hIntegralN: number;
  /** Squeeze: a candidate within this distance of its real value is accepted without a log. */
  private readonly squeeze: number;
  /**
   * Alias table, slot i at [2i, 2i + 1]: item i is kept if a u32 draw is below the first word, else
   * the second (its alias) is taken. One array, so a draw misses the cache once, not twice (the
   * exact engine's hot loop waits on these misses). Built on the first sample, so a run that never
   * samples (the rate engine's draws use the law's p) does not pay its 8 bytes an item; empty past
   * ALIAS_MAX_ITEMS.
   */
  private table: Uint32Array | null = null;

  constructor(n: number, s: number) {
    if (!(n >= 1) || !Number.isInteger(n)) throw new Error(`zipf needs a positive item count, got ${n}`);
    if (!(s >= 0)) throw new Error(`zipf exponent must be >= 0, got ${s}`);
    this.n = n;
    this.s = s;
    this.hIntegralX1 = this.hIntegral(1.5) - 1;
    this.hIntegralN = this.hIntegral(n + 0.5);
    this.squeeze = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  /** A rank in [0, n): 0 is the most popular item. */
  sample(rng: Rng): number {
    if (!this.hasTable()) return this.sampleByRejection(rng);
    const i = rng.int(this.n);
    return this.resolve(i, rng.u32());
  }

  /** Whether draws go through the alias table (then drawSlot + resolve make the same draw as sample). */
  hasTable(): boolean {
    return (this.table ?? this.buildTable()).length > 0;
  }

  /**
   * sample() in two halves, for a batch: the random words first (no memory touched), the table
   * reads after, as a run of independent loads that the CPU overlaps instead of waiting on each.
   * drawSlot takes sample()'s two draws, returning the slot and leaving its u32 in us[j].
   */
  drawSlot(rng: Rng, us: Uint32Array, j: number): number {
    const i = rng.int(this.n);
    us[j] = rng.u32();
    return i;
  }

  /** The rank that slot i and its draw u stand for. Branch-free: the word was just loaded. */
  resolve(i: number, u: number): number {
    const table = this.table!;
    const alias = table[2 * i + 1]!;
    const keep = +(u < table[2 * i]!);
    return alias ^ ((alias ^ i) & -keep);
  }

  /** The alias table, or an empty one past ALIAS_MAX_ITEMS (rejection sampling then). */
  private buildTable(): Uint32Array {
    this.table = this.n <= ALIAS_MAX_ITEMS ? buildAliasTable(this.n, this.s) : new Uint32Array(0);
    return this.table;
  }

  private sampleByRejection(rng: Rng): number {
    const n = this.n;
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
 * Vose's alias method for P(i) proportional to 1/(i+1)^s: slot i holds its own item with
 * probability table[2i]/2^32 and otherwise its alias table[2i + 1]; "small" slots are topped up by
 * "large" ones.
 */
function buildAliasTable(n: number, s: number): Uint32Array {
  const scaled = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += scaled[i] = Math.exp(-s * Math.log(i + 1));
  for (let i = 0; i < n; i++) scaled[i]! *= n / sum;
  const table = new Uint32Array(2 * n);
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
    table[2 * lo] = Math.floor(scaled[lo]! * 2 ** 32);
    table[2 * lo + 1] = hi;
    scaled[hi] = scaled[hi]! + scaled[lo]! - 1;
    if (scaled[hi] < 1) {
      large++;
      stack[small++] = hi;
    }
  }
  // What is left is 1 up to rounding: always keep the slot.
  while (large < n) table[2 * stack[large++]!] = 0xffffffff;
  while (small > 0) table[2 * stack[--small]!] = 0xffffffff;
  return table;
}
