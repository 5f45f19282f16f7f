import { describe, expect, it } from 'vitest';
import { splitDram } from './budget.ts';

describe('splitDram', () => {
  it('gives shared processes their share up to their footprint and the rest to the pool', () => {
    // The worked example in budget.ts.
    const out = new Float64Array(4);
    const pool = splitDram(16_000, [0.5, 0.25, null, null], [6000, 9000, 5000, 5000], out);
    expect(Array.from(out)).toEqual([6000, 4000, -1, -1]);
    expect(pool).toBe(6000);
  });

  it('scales shares that add up to more than the whole fast tier', () => {
    const out = new Float64Array(2);
    const pool = splitDram(1000, [1, 1], [5000, 5000], out);
    expect(Array.from(out)).toEqual([500, 500]);
    expect(pool).toBe(0);
  });
});
