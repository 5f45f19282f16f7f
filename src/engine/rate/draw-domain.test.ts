import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.ts';
import { drawnBy } from './draw-domain.ts';

describe('drawnBy', () => {
  it('decides every u exactly as u < 1 - e^-a computed by expm1, bounds and all', () => {
    const rng = createRng(5);
    for (let i = 0; i < 200_000; i++) {
      const a = Math.exp(-40 + 45 * rng.float()); // 4e-18 .. 150
      const edge = -Math.expm1(-a);
      // Half the u at the threshold itself or a few ulps from it, half uniform.
      const u = i % 2 === 0 ? rng.float() : edge * (1 + (((i >> 1) % 9) - 4) * 2 ** -52);
      expect(drawnBy(u, a)).toBe(u < edge);
    }
  });

  it('never counts a page with no expected draws as drawn', () => {
    expect(drawnBy(0, 0)).toBe(false);
    expect(drawnBy(0.5, 0)).toBe(false);
  });
});
