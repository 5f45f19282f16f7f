import { describe, expect, it } from 'vitest';
import { fixedLaw } from '../../../tests/support/engine/fixed-law.ts';
import type { AccessSampler } from '../mm/access-sampler.ts';
import { createRng } from '../random/rng.ts';
import { kernelWithPages } from '../../../tests/support/engine/kernel-pages.ts';
import { PebsDraws } from './pebs-draws.ts';
import type { Kernel } from '../mm/kernel.ts';

function countingSampler(period: number, n: number): AccessSampler & { counts: number[] } {
  const counts = new Array<number>(n).fill(0);
  return { period, epoch: 0, counts, record: (_k, v, m) => (counts[v]! += m), pteAllocated: () => {} };
}

/** Fires every sample due up to `until` draws. */
function drawTo(k: Kernel, q: PebsDraws, until: number): void {
  for (let key = q.nextKey(k, 0); key <= until; key = q.nextKey(k, key)) q.fire(k, key);
}

describe('PEBS samples of the rate engine', () => {
  it('samples each plainly mapped page p(v) / period times per draw, as every Nth reference would', () => {
    const p = [0.5, 0.3, 0.2, 0];
    const k = kernelWithPages(4, 0);
    const sampler = countingSampler(10, 4);
    const q = new PebsDraws(sampler, fixedLaw(p), createRng(7));
    q.rebuild(k, 0);
    const draws = 200_000;
    drawTo(k, q, draws);
    // Poisson counts of mean p * draws / period: 10,000, 6,000, 4,000, 0; within 5 sd.
    p.forEach((pv, v) => {
      const mean = (pv * draws) / 10;
      expect(Math.abs(sampler.counts[v]! - mean)).toBeLessThanOrEqual(5 * Math.sqrt(mean));
    });
    expect(sampler.counts[3]).toBe(0);
  });

  it('drops the samples due while a page is unmapped and queues it again when it is mapped', () => {
    const k = kernelWithPages(2, 0);
    const sampler = countingSampler(1, 2);
    const q = new PebsDraws(sampler, fixedLaw([0.5, 0.5]), createRng(3));
    q.rebuild(k, 0);
    const pte = k.m.pte[1]!;
    k.m.pte[1] = 0; // unmapped: its references would be faults, sampled as events
    drawTo(k, q, 10_000);
    expect(sampler.counts[1]).toBe(0);
    expect(Math.abs(sampler.counts[0]! - 5000)).toBeLessThanOrEqual(5 * Math.sqrt(5000));
    k.m.pte[1] = pte;
    q.schedule(10_000, 1);
    for (let key = q.nextKey(k, 10_000); key <= 20_000; key = q.nextKey(k, key)) q.fire(k, key);
    expect(Math.abs(sampler.counts[1]! - 5000)).toBeLessThanOrEqual(5 * Math.sqrt(5000));
  });

  it('reschedules at the new rate when the sample period changes', () => {
    const k = kernelWithPages(1, 0);
    const sampler = countingSampler(1, 1);
    const q = new PebsDraws(sampler, fixedLaw([1]), createRng(5));
    q.rebuild(k, 0);
    drawTo(k, q, 10_000);
    const before = sampler.counts[0]!;
    sampler.period = 100;
    sampler.epoch++;
    for (let key = q.nextKey(k, 10_000); key <= 110_000; key = q.nextKey(k, key)) q.fire(k, key);
    // 100,000 more draws at one in 100: about 1,000 more, not 100,000.
    const after = sampler.counts[0]! - before;
    expect(Math.abs(before - 10_000)).toBeLessThanOrEqual(500);
    expect(Math.abs(after - 1000)).toBeLessThanOrEqual(5 * Math.sqrt(1000));
  });
});
