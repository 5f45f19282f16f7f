import { describe, expect, it } from 'vitest';
import { createRng, rngFromState } from './rng.ts';

const take = (n: number, next: () => number): number[] => Array.from({ length: n }, next);

describe('createRng', () => {
  it('matches the xoshiro128** reference output for state 1,2,3,4', () => {
    const rng = rngFromState(1, 2, 3, 4);
    expect(take(6, () => rng.u32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('gives the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(take(100, () => a.u32())).toEqual(take(100, () => b.u32()));
  });

  it('gives different sequences for different seeds, including seeds that differ above 32 bits', () => {
    const first = (seed: number) => {
      const rng = createRng(seed);
      return take(4, () => rng.u32());
    };
    expect(first(1)).not.toEqual(first(2));
    expect(first(0)).not.toEqual(first(2 ** 32));
    expect(first(7)).not.toEqual(first(7 + 2 ** 40));
  });

  it('produces unsigned 32-bit integers and floats in [0, 1)', () => {
    const rng = createRng(3);
    for (let i = 0; i < 10_000; i++) {
      const u = rng.u32();
      expect(Number.isInteger(u) && u >= 0 && u < 2 ** 32).toBe(true);
      const f = rng.float();
      expect(f >= 0 && f < 1).toBe(true);
    }
  });

  it('int(n) stays in [0, n) and covers it evenly', () => {
    const rng = createRng(9);
    const counts = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let i = 0; i < draws; i++) {
      const k = rng.int(10);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    for (const c of counts) expect(Math.abs(c / draws - 0.1)).toBeLessThan(0.005);
    const big = 2 ** 32 - 1;
    for (let i = 0; i < 1000; i++) expect(rng.int(big)).toBeLessThan(big);
  });

  it('has a float mean near one half', () => {
    const rng = createRng(11);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += rng.float();
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
  });

  it('refuses the all-zero state, from which xoshiro never leaves', () => {
    expect(() => rngFromState(0, 0, 0, 0)).toThrow();
  });
});
