import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';
import {
  NormalSampler,
  ZipfSampler,
  paretoInt,
  paretoPower,
  sysbenchGaussianInt,
  uniformInt,
} from './distributions.ts';

/** Generalised harmonic number H(n, s) = sum of 1/k^s for k = 1..n. */
function harmonic(n: number, s: number): number {
  let h = 0;
  for (let k = n; k >= 1; k--) h += Math.pow(k, -s);
  return h;
}

function frequencies(n: number, draws: number, pick: () => number): number[] {
  const counts = new Array<number>(n).fill(0);
  for (let i = 0; i < draws; i++) {
    const k = pick();
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts.map((c) => c / draws);
}

describe('ZipfSampler', () => {
  it('gives rank 0 the frequency 1/H(n, s) and rank 1 half of that at s = 1', () => {
    const rng = createRng(1);
    const zipf = new ZipfSampler(1000, 1);
    const f = frequencies(1000, 200_000, () => zipf.sample(rng));
    const p0 = 1 / harmonic(1000, 1);
    expect(Math.abs((f[0] ?? 0) - p0)).toBeLessThan(0.004);
    expect(Math.abs((f[1] ?? 0) - p0 / 2)).toBeLessThan(0.003);
  });

  it('matches theory for ten million items at sysbench’s default exponent 0.8, with no table', () => {
    const n = 10_000_000;
    const rng = createRng(2);
    const zipf = new ZipfSampler(n, 0.8);
    const draws = 200_000;
    let rank0 = 0;
    let inTop1000 = 0;
    for (let i = 0; i < draws; i++) {
      const k = zipf.sample(rng);
      expect(k >= 0 && k < n).toBe(true);
      if (k === 0) rank0++;
      if (k < 1000) inTop1000++;
    }
    const total = harmonic(n, 0.8);
    expect(Math.abs(rank0 / draws - 1 / total)).toBeLessThan(0.001);
    expect(Math.abs(inTop1000 / draws - harmonic(1000, 0.8) / total)).toBeLessThan(0.005);
  });

  it('is uniform at exponent 0', () => {
    const rng = createRng(3);
    const zipf = new ZipfSampler(8, 0);
    for (const f of frequencies(8, 80_000, () => zipf.sample(rng))) {
      expect(Math.abs(f - 1 / 8)).toBeLessThan(0.006);
    }
  });

  it('draws in two halves (drawSlot, then resolve) exactly the ranks sample() draws', () => {
    const zipf = new ZipfSampler(5000, 0.99);
    const a = createRng(6);
    const b = createRng(6);
    const us = new Uint32Array(1);
    expect(zipf.hasTable()).toBe(true);
    for (let i = 0; i < 20_000; i++)
      expect(zipf.resolve(zipf.drawSlot(b, us, 0), us[0]!)).toBe(zipf.sample(a));
    expect(b.u32()).toBe(a.u32()); // and leaves the generator where sample() does
  });

  it('always returns rank 0 for a single item', () => {
    const rng = createRng(4);
    const zipf = new ZipfSampler(1, 1.2);
    for (let i = 0; i < 100; i++) expect(zipf.sample(rng)).toBe(0);
  });

  it('rejects an empty range and a negative exponent', () => {
    expect(() => new ZipfSampler(0, 1)).toThrow();
    expect(() => new ZipfSampler(10, -1)).toThrow();
  });
});

describe('paretoInt', () => {
  it('puts about 80% of picks in the first 20% of the range at h = 0.2', () => {
    const rng = createRng(5);
    const power = paretoPower(0.2);
    const n = 1_000_000;
    const draws = 100_000;
    let head = 0;
    for (let i = 0; i < draws; i++) {
      const k = paretoInt(rng, n, power);
      expect(k >= 0 && k < n).toBe(true);
      if (k < n * 0.2) head++;
    }
    expect(Math.abs(head / draws - 0.8)).toBeLessThan(0.01);
  });

  it('puts about 90% of picks in the first 10% at h = 0.1 (the memory-optimizer setting)', () => {
    const rng = createRng(6);
    const power = paretoPower(0.1);
    let head = 0;
    for (let i = 0; i < 100_000; i++) if (paretoInt(rng, 1000, power) < 100) head++;
    expect(Math.abs(head / 100_000 - 0.9)).toBeLessThan(0.01);
  });
});

describe('sysbenchGaussianInt', () => {
  it('centres on the middle of the range with standard deviation n/12', () => {
    const rng = createRng(7);
    const n = 1200;
    const draws = 100_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < draws; i++) {
      const k = sysbenchGaussianInt(rng, n);
      expect(k >= 0 && k < n).toBe(true);
      sum += k;
      sq += k * k;
    }
    const mean = sum / draws;
    const sd = Math.sqrt(sq / draws - mean * mean);
    expect(Math.abs(mean - n / 2)).toBeLessThan(2);
    expect(Math.abs(sd - n / 12)).toBeLessThan(2);
  });
});

describe('NormalSampler', () => {
  it('has mean 0 and standard deviation 1', () => {
    const rng = createRng(8);
    const normal = new NormalSampler();
    const draws = 200_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < draws; i++) {
      const x = normal.next(rng);
      sum += x;
      sq += x * x;
    }
    expect(Math.abs(sum / draws)).toBeLessThan(0.01);
    expect(Math.abs(Math.sqrt(sq / draws) - 1)).toBeLessThan(0.01);
  });

  it('truncates to the range by rejection, keeping half of a normal centred on an edge', () => {
    const rng = createRng(9);
    const normal = new NormalSampler();
    const draws = 100_000;
    let withinOneSd = 0;
    for (let i = 0; i < draws; i++) {
      const x = normal.truncated(rng, 0, 100, 0, 1000);
      expect(x >= 0 && x < 1000).toBe(true);
      if (x < 100) withinOneSd++;
    }
    // Half-normal: P(X < sd) = erf(1/sqrt(2)) = 0.6827.
    expect(Math.abs(withinOneSd / draws - 0.6827)).toBeLessThan(0.01);
  });

  it('clamps into the range when the deviation dwarfs it', () => {
    const rng = createRng(10);
    const normal = new NormalSampler();
    for (let i = 0; i < 1000; i++) {
      const x = normal.truncated(rng, 0, 1e12, 0, 4);
      expect(x >= 0 && x <= 3).toBe(true);
    }
  });
});

describe('uniformInt', () => {
  it('is the same stream for the same seed', () => {
    const a = createRng(12);
    const b = createRng(12);
    for (let i = 0; i < 100; i++) expect(uniformInt(a, 1000)).toBe(uniformInt(b, 1000));
  });
});
