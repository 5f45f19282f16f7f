import { describe, expect, it } from 'vitest';
import { erfc, HarmonicSums, irwinHall12Cdf, normalMass } from './cdf.ts';

describe('distribution functions', () => {
  it('give erfc and normal masses as tables state them', () => {
    // Abramowitz & Stegun table 7.1: erfc(0.5) = 0.4795001222, erfc(2) = 0.004677734981.
    expect(erfc(0.5)).toBeCloseTo(0.4795001222, 7);
    expect(erfc(2) / 0.004677734981).toBeCloseTo(1, 6);
    expect(erfc(-1)).toBeCloseTo(2 - 0.1572992071, 7);
    // P(-1 <= Z < 1) = 0.6826894921; far in a tail the relative accuracy holds: P(6 <= Z) = 9.8659e-10.
    expect(normalMass(-1, 1)).toBeCloseTo(0.6826894921, 7);
    expect(normalMass(6, Infinity) / 9.8658765e-10).toBeCloseTo(1, 5);
  });

  it('gives the Irwin-Hall CDF of 12 uniforms: 1/2 at its mean, 1/12! at 1, symmetric', () => {
    expect(irwinHall12Cdf(6)).toBeCloseTo(0.5, 12);
    expect(irwinHall12Cdf(1)).toBeCloseTo(1 / 479001600, 18);
    expect(irwinHall12Cdf(4) + irwinHall12Cdf(8)).toBeCloseTo(1, 12);
    expect(irwinHall12Cdf(-1)).toBe(0);
    expect(irwinHall12Cdf(13)).toBe(1);
  });

  it('sums k^-s exactly past its table as term by term', () => {
    const h = new HarmonicSums(0.8, 1e6);
    let direct = 0;
    for (let k = 1; k <= 300_000; k++) direct += k ** -0.8;
    expect(h.at(300_000) / direct).toBeCloseTo(1, 12);
    expect(new HarmonicSums(1, 10).at(4)).toBeCloseTo(1 + 1 / 2 + 1 / 3 + 1 / 4, 14);
    expect(h.at(0)).toBe(0);
  });
});
