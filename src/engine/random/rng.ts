// The engine's only source of randomness: a seeded generator, so the same seed gives the same run.
// (Implementation: xoshiro128**, seeded through splitmix32; all state is 32-bit integers.)

export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  u32(): number;
  /** Uniform in [0, 1), with 32 bits of resolution. */
  float(): number;
  /** Uniform integer in [0, n), for 1 <= n <= 2^32. */
  int(n: number): number;
}

const TWO_POW_32 = 4294967296;
const INV_TWO_POW_32 = 1 / TWO_POW_32;

/** The murmur3 finaliser over a Weyl sequence: spreads a weak seed over all 32 bits. */
function splitmix32(state: number): number {
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

class Xoshiro128 implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  u32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const s2 = this.s2 ^ this.s0;
    const s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = this.s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  float(): number {
    return this.u32() * INV_TWO_POW_32;
  }

  int(n: number): number {
    // floor(u32 * n / 2^32) never reaches n: the gap to n*2^32 is n, wider than the product's rounding.
    return Math.floor(this.u32() * INV_TWO_POW_32 * n);
  }
}

/**
 * A generator for `seed`. Integer seeds up to 2^53 are all distinct: the high 32 bits are folded
 * into the splitmix32 start, and four splitmix32 outputs (a bijection of distinct inputs, so never
 * all zero) fill the xoshiro state.
 */
export function createRng(seed: number): Rng {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / TWO_POW_32) >>> 0;
  let state = (lo ^ splitmix32(hi)) | 0;
  const words = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    state = (state + 0x9e3779b9) | 0;
    words[i] = splitmix32(state);
  }
  const [a = 0, b = 0, c = 0, d = 0] = words;
  return new Xoshiro128(a, b, c, d);
}

/** A generator started from raw xoshiro128** state (not all zero): for reference vectors. */
export function rngFromState(s0: number, s1: number, s2: number, s3: number): Rng {
  if ((s0 | s1 | s2 | s3) === 0) throw new Error('xoshiro128** state must not be all zero');
  return new Xoshiro128(s0, s1, s2, s3);
}
