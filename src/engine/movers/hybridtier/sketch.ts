// HybridTier's frequency sketch (tiering_runtime/frequency_sketch_block.hpp, after Caffeine's
// TinyLFU): a blocked count-min sketch of 4-bit counters. A page's four counters sit in one block
// of eight 64-bit words (one cache line); its estimate is the least of them. Counters saturate at
// 15; after `sampleSize` samples every counter is halved (aging), so the estimate is a frequency
// over a sliding window of samples. A histogram of estimates (`dist`) is kept as the runtime keeps
// it: updated on each increase, remapped by aging, approximate (collisions are not tracked).
//
// Example: with four free counters, increase(v, 3) sets each to 3 and returns 3; increase(v, 20)
// then saturates them at 15 and returns 15; after aging, frequency(v) is 7.

/** The most a 4-bit counter holds. */
export const MAX_FREQUENCY = 15;

export interface FrequencySketch {
  /** Counters, 16 per 64-bit word of the runtime's table: [word * 16 + nibble]. */
  counters: Uint8Array;
  /** (words >> 3) - 1: selects a block of eight words. */
  blockMask: number;
  /** Samples counted since the last aging (halved by it), and the window W that triggers it. */
  size: number;
  sampleSize: number;
  /** Pages by estimate, 1..15 (0 unused). */
  dist: Float64Array;
  /** Samples that raised no counter (all four already at 15): the runtime's "unuseful" samples. */
  unuseful: number;
  /** Scratch: the four counters' indices of the page being updated. */
  at: Uint32Array;
}

/** detail::nearest_power_of_two: the least power of two >= n. */
function nearestPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * `capacity` 64-bit words (rounded up to a power of two, at least one block of 8), `sampleSize`
 * samples between agings.
 */
export function createSketch(capacity: number, sampleSize: number): FrequencySketch {
  const words = Math.max(8, nearestPowerOfTwo(Math.max(1, Math.ceil(capacity))));
  return {
    counters: new Uint8Array(words * 16),
    blockMask: (words >>> 3) - 1,
    size: 0,
    sampleSize,
    dist: new Float64Array(MAX_FREQUENCY + 1),
    unuseful: 0,
    at: new Uint32Array(4),
  };
}

/**
 * Words for a sketch sized as the runtime sizes its LFU: the counters of a Bloom filter over
 * `items` with 4 hashes and a 0.001 false-positive rate (m_from_knp), 16 counters a word.
 */
export function lfuWords(items: number): number {
  const k = 4;
  const r = -k / Math.log(1 - Math.exp(Math.log(0.001) / k));
  return Math.ceil(items * r) / 16;
}

const spread = (x: number): number => {
  x = (x ^ (x >>> 17)) >>> 0;
  x = Math.imul(x, 0xed5ad4bb) >>> 0;
  x = (x ^ (x >>> 11)) >>> 0;
  x = Math.imul(x, 0xac4c1b51) >>> 0;
  return (x ^ (x >>> 15)) >>> 0;
};

const rehash = (x: number): number => {
  x = Math.imul(x, 0x31848bab) >>> 0;
  return (x ^ (x >>> 14)) >>> 0;
};

/** Fills s.at with the page's four counter indices, as the runtime's increase_frequency picks them. */
function locate(s: FrequencySketch, key: number): void {
  const blockHash = spread(key >>> 0);
  const counterHash = rehash(blockHash);
  const block = (blockHash & s.blockMask) << 3;
  for (let i = 0; i < 4; i++) {
    const h = counterHash >>> (i << 3);
    const word = block + (h & 1) + (i << 1);
    s.at[i] = word * 16 + ((h >>> 1) & 15);
  }
}

/** The page's estimate: the least of its four counters. */
export function frequency(s: FrequencySketch, key: number): number {
  locate(s, key);
  const c = s.counters;
  return Math.min(c[s.at[0]!]!, c[s.at[1]!]!, c[s.at[2]!]!, c[s.at[3]!]!);
}

/**
 * increase_frequency(): adds `amount` samples to each of the page's counters (saturating at 15)
 * and returns the new estimate; counts the samples toward the window and ages the sketch when it
 * is full (the estimate returned is then halved too, as the runtime returns it).
 */
export function increase(s: FrequencySketch, key: number, amount: number): number {
  locate(s, key);
  const add = Math.min(amount, MAX_FREQUENCY);
  let maxRaised = 0;
  let estimate = MAX_FREQUENCY;
  for (let i = 0; i < 4; i++) {
    const j = s.at[i]!;
    const before = s.counters[j]!;
    const after = Math.min(MAX_FREQUENCY, before + add);
    s.counters[j] = after;
    maxRaised = Math.max(maxRaised, after - before);
    estimate = Math.min(estimate, after);
  }
  s.size += amount;
  if (maxRaised === 0) s.unuseful += amount;
  else {
    s.dist[estimate]!++;
    if (estimate > maxRaised) s.dist[estimate - maxRaised]!--;
  }
  if (s.size >= s.sampleSize) {
    age(s);
    estimate >>= 1;
  }
  return estimate;
}

/** decrement_frequency(): one less on each of the page's counters (second-chance demotion's mark). */
export function decrement(s: FrequencySketch, key: number): void {
  locate(s, key);
  for (let i = 0; i < 4; i++) {
    const j = s.at[i]!;
    if (s.counters[j]! > 0) s.counters[j]!--;
  }
}

/** age(): halves every counter and the window count; estimates 2k and 2k+1 become k. */
export function age(s: FrequencySketch): void {
  const c = s.counters;
  for (let i = 0; i < c.length; i++) c[i] = c[i]! >>> 1;
  s.size = Math.floor(s.size / 2);
  for (let i = 1; i < 8; i++) s.dist[i] = s.dist[i * 2]! + s.dist[i * 2 + 1]!;
  for (let i = 8; i <= MAX_FREQUENCY; i++) s.dist[i] = 0;
}

/** get_num_hot_pages(): pages whose estimate is at least `threshold` (by the histogram). */
export function hotPages(s: FrequencySketch, threshold: number): number {
  if (threshold < 1 || threshold > MAX_FREQUENCY) return 0;
  let sum = 0;
  for (let i = threshold; i <= MAX_FREQUENCY; i++) sum += s.dist[i]!;
  return sum;
}
