import { describe, expect, it } from 'vitest';
import { DrawHeat } from './draw-heat.ts';

describe('DrawHeat', () => {
  it("pays each bucket its mass's share of every stretch (the header's worked example)", () => {
    const refs = new Float64Array(5);
    const heat = new DrawHeat(2, 2);
    heat.add(refs, 0, 0.5);
    heat.add(refs, 1, 0.25);
    heat.drew(refs, 100, 1);
    heat.drew(refs, 60, 0.75);
    heat.settle(refs);
    expect(refs[2]).toBeCloseTo(90, 12);
    expect(refs[3]).toBeCloseTo(45, 12);
    expect([refs[0], refs[1], refs[4]]).toEqual([0, 0, 0]);
  });

  it('pays a bucket at its old mass for the draws before its mass changed', () => {
    const refs = new Float64Array(1);
    const heat = new DrawHeat(0, 1);
    heat.add(refs, 0, 0.5);
    heat.drew(refs, 10, 1); // 5 references at mass 0.5
    heat.add(refs, 0, -0.25);
    heat.drew(refs, 10, 0.5); // 10 * 0.25 / 0.5 = 5 more
    heat.settle(refs);
    heat.settle(refs); // nothing is paid twice
    expect(refs[0]).toBeCloseTo(10, 12);
  });

  it('keeps a mass at 0 when more is taken than it holds, and clear() pays before emptying', () => {
    const refs = new Float64Array(1);
    const heat = new DrawHeat(0, 1);
    heat.add(refs, 0, 0.1);
    heat.drew(refs, 20, 0.1);
    heat.clear(refs);
    expect(refs[0]).toBeCloseTo(20, 12);
    heat.add(refs, 0, -0.3);
    expect(heat.mass[0]).toBe(0);
  });

  it('loses no small stretch after one drawn while the mass was tiny (nearly all PROT_NONE)', () => {
    const refs = new Float64Array(2);
    const heat = new DrawHeat(0, 2);
    heat.add(refs, 0, 1e-12);
    heat.drew(refs, 1e6, 1e-12); // a step of 1e18 on the clock: bucket 0 earns 1e6
    heat.add(refs, 1, 0.5);
    for (let i = 0; i < 1000; i++) heat.drew(refs, 1, 0.5); // bucket 1 earns 0.5 * 1 / 0.5 each
    heat.settle(refs);
    expect(refs[0]).toBeCloseTo(1e6, 6);
    expect(refs[1]).toBeCloseTo(1000, 9);
  });
});
