import { describe, expect, it } from 'vitest';
import { fixedLaw } from '../../../../tests/support/engine/fixed-law.ts';
import { createRng } from '../../random/rng.ts';
import { buildAlias, drawAlias } from './alias.ts';

describe('alias table over a page law', () => {
  it('splits p = [1/2, 1/4, 1/4] as Vose does: offsets 1 and 2 keep 3/4 and alias to 0', () => {
    const t = buildAlias(fixedLaw([0.5, 0.25, 0.25]));
    expect(Array.from(t.prob)).toEqual([1, 0.75, 0.75]);
    expect(t.alias[1]).toBe(0);
    expect(t.alias[2]).toBe(0);
  });

  it('draws each offset about as often as its probability', () => {
    const t = buildAlias(fixedLaw([0.5, 0.25, 0.25]));
    const rng = createRng(3);
    const seen = [0, 0, 0];
    const n = 40_000;
    for (let i = 0; i < n; i++) seen[drawAlias(t, rng)]!++;
    // Three standard errors of a share near 1/2 over 40,000 draws: 0.0075.
    expect(Math.abs(seen[0]! / n - 0.5)).toBeLessThan(0.0075);
    expect(Math.abs(seen[1]! / n - 0.25)).toBeLessThan(0.0075);
  });
});
