// Samplers for workload access patterns, cheap enough for the per-reference loop: parameters are
// precomputed by the caller or held in a sampler object built once, and no call allocates.
import type { Rng } from './rng.ts';

export { ZipfSampler } from './zipf.ts';

/** Uniform integer in [0, n). */
export const uniformInt = (rng: Rng, n: number): number => rng.int(n);

/** sysbench's exponent for --rand-pareto-h: log(h) / log(1 - h). Compute once per workload. */
export const paretoPower = (h: number): number => Math.log(h) / Math.log(1 - h);

/**
 * sysbench's sb_rand_pareto over [0, n): floor(n * u^power). With power = paretoPower(h), a fraction
 * 1-h of picks lands in the first h of the range (h = 0.2: 80% of picks in the first 20%).
 */
export function paretoInt(rng: Rng, n: number, power: number): number {
  // u^power as exp(power * log u): the same value, measurably faster than Math.pow in V8. u = 0 gives 0.
  const k = Math.floor(n * Math.exp(power * Math.log(rng.float())));
  return k < n ? k : n - 1;
}

/** sysbench's --rand-spec-iter default: its "gaussian" averages this many uniforms. */
export const SYSBENCH_GAUSSIAN_ITER = 12;
const GAUSSIAN_SCALE = 1 / (SYSBENCH_GAUSSIAN_ITER * 4294967296);

/**
 * sysbench's sb_rand_gaussian over [0, n): the mean of 12 uniforms scaled to the range (Irwin-Hall,
 * so mean n/2 and standard deviation n/12, with no tails past the range).
 */
export function sysbenchGaussianInt(rng: Rng, n: number): number {
  // Summing the raw 32-bit draws (exact in a double) and scaling once saves a multiply per draw.
  let sum = 0;
  for (let i = 0; i < SYSBENCH_GAUSSIAN_ITER; i++) sum += rng.u32();
  const k = Math.floor(sum * GAUSSIAN_SCALE * n);
  return k < n ? k : n - 1;
}

/** Rejection tries before NormalSampler.truncated gives up and clamps (only for a deviation far wider than the range). */
const TRUNCATION_TRIES = 64;

/**
 * Standard normal deviates by the Box-Muller transform. Each transform yields two deviates; the
 * second is kept for the next call, so one sampler belongs to one thread (its state is the spare).
 */
export class NormalSampler {
  private spare = 0;
  private hasSpare = false;

  /** A standard normal deviate (mean 0, standard deviation 1). */
  next(rng: Rng): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    // 1 - float() lies in (0, 1], so the log is finite.
    const r = Math.sqrt(-2 * Math.log(1 - rng.float()));
    const theta = 2 * Math.PI * rng.float();
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
  }

  /**
   * A normal deviate with this mean and standard deviation, truncated to [lo, hi) by rejection so
   * the shape inside the range is kept (clamping would pile mass on the edges). The bounds are index
   * bounds: after 64 misses, possible only when the deviation dwarfs the range, the last try is
   * clamped into [lo, hi - 1].
   */
  truncated(rng: Rng, mean: number, stddev: number, lo: number, hi: number): number {
    let x = mean;
    for (let i = 0; i < TRUNCATION_TRIES; i++) {
      x = mean + stddev * this.next(rng);
      if (x >= lo && x < hi) return x;
    }
    return x < lo ? lo : Math.max(lo, hi - 1);
  }
}
