import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.ts';
import type { HotsetWorkload } from '../../shared/scenario/resolved.ts';
import { ZipfSampler } from '../random/zipf.ts';
import { makeHotset } from './hotset.ts';
import { forkRng } from './share.ts';
import { baseFields, drain } from '../../../tests/support/engine/workloads.ts';

const PAGE = 4096;

function hotset(over: Partial<HotsetWorkload>): HotsetWorkload {
  return {
    ...baseFields,
    type: 'hotset',
    sizeBytes: 100 * PAGE,
    distribution: 'hot',
    hotFraction: 0.2,
    hotProbability: 0.9,
    zipfS: 1,
    stddevFraction: 0.1,
    hotPosition: 'head',
    readRatio: 0.8,
    accesses: 50_000,
    phases: [],
    ...over,
  };
}

/** Thread 0's references at `nowMs`, split into the populate writes and the accesses after them. */
function run(w: HotsetWorkload, seed = 1, nowMs = 0) {
  const [t] = makeHotset(w, PAGE, 0).threads([0], createRng(seed));
  const out = drain(t!, 2_000_000, 4096, nowMs);
  const populated = Math.ceil(w.sizeBytes / PAGE);
  return { ...out, accesses: out.vpages.slice(populated), accessWrites: out.writes.slice(populated) };
}

const shareIn = (pages: number[], lo: number, hi: number) =>
  pages.filter((p) => p >= lo && p < hi).length / pages.length;

describe('makeHotset', () => {
  it('makes its zipf accesses in batches exactly as one draw after another would', () => {
    const w = hotset({ distribution: 'zipf', zipfS: 0.99, accesses: 5000 });
    const { accesses, accessWrites } = run(w, 3);
    // The thread's generator is the first fork of the seed's; per access: the read/write draw, then
    // the zipf draw (rank = page at the head).
    const rng = forkRng(createRng(3));
    const zipf = new ZipfSampler(100, 0.99);
    for (let i = 0; i < 5000; i++) {
      expect(accessWrites[i]).toBe(!(rng.float() < 0.8));
      expect(accesses[i]).toBe(zipf.sample(rng));
    }
  });

  it('populates by writing every page once in order, then makes exactly `accesses` accesses', () => {
    const out = run(hotset({ accesses: 1000 }));
    expect(out.vpages.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(out.writes.slice(0, 100).every(Boolean)).toBe(true);
    expect(out.accesses).toHaveLength(1000);
    expect(out.accesses.every((p) => p >= 0 && p < 100)).toBe(true);
  });

  it('splits population and accesses among threads that share one region', () => {
    const model = makeHotset(hotset({ threads: 3, accesses: 10 }), PAGE, 0);
    expect(model.regions).toEqual([{ pages: 100, file: false }]);
    const outs = model.threads([0], createRng(1)).map((t) => drain(t).vpages);
    expect(outs.map((o) => o.length)).toEqual([33 + 4, 33 + 3, 34 + 3]);
    expect(outs.flatMap((o, i) => o.slice(0, [33, 33, 34][i]))).toEqual(
      Array.from({ length: 100 }, (_, i) => i),
    );
  });

  it('reads with probability readRatio', () => {
    const reads = (readRatio: number) => {
      const { accessWrites } = run(hotset({ readRatio }));
      return accessWrites.filter((wr) => !wr).length / accessWrites.length;
    };
    expect(Math.abs(reads(0.8) - 0.8)).toBeLessThan(0.01);
    expect(reads(1)).toBe(1);
    expect(reads(0)).toBe(0);
  });

  it('puts hotProbability of accesses in the hot part at the head, the tail or an offset', () => {
    expect(Math.abs(shareIn(run(hotset({})).accesses, 0, 20) - 0.9)).toBeLessThan(0.01);
    expect(Math.abs(shareIn(run(hotset({ hotPosition: 'tail' })).accesses, 80, 100) - 0.9)).toBeLessThan(
      0.01,
    );
    const atOffset = run(hotset({ hotPosition: 30 * PAGE })).accesses;
    expect(Math.abs(shareIn(atOffset, 30, 50) - 0.9)).toBeLessThan(0.01);
    // The cold rest is uniform: pages below and above the hot part share its 10% by size.
    expect(Math.abs(shareIn(atOffset, 0, 30) - 0.1 * (30 / 80))).toBeLessThan(0.01);
  });

  it('clamps an offset so the whole hot part fits in the region', () => {
    const out = run(hotset({ hotPosition: 95 * PAGE }));
    expect(Math.abs(shareIn(out.accesses, 80, 100) - 0.9)).toBeLessThan(0.01);
  });

  it('spreads uniform accesses evenly', () => {
    const out = run(hotset({ distribution: 'uniform' }));
    expect(Math.abs(shareIn(out.accesses, 0, 50) - 0.5)).toBeLessThan(0.01);
  });

  it('centres normal accesses on the hot position, truncated to the region', () => {
    const head = run(hotset({ distribution: 'normal' })).accesses;
    // Half-normal with standard deviation 10 pages: 68% within the first 10 pages.
    expect(Math.abs(shareIn(head, 0, 10) - 0.6827)).toBeLessThan(0.015);
    const mid = run(hotset({ distribution: 'normal', hotPosition: 50 * PAGE })).accesses;
    expect(Math.abs(shareIn(mid, 40, 60) - 0.6827)).toBeLessThan(0.015);
    expect(mid.every((p) => p >= 0 && p < 100)).toBe(true);
  });

  it('puts zipf rank 0 at the hot position: first page, last page, or the offset with wrapping', () => {
    const p0 = 1 / Array.from({ length: 100 }, (_, k) => 1 / (k + 1)).reduce((a, b) => a + b);
    const head = run(hotset({ distribution: 'zipf' })).accesses;
    expect(Math.abs(shareIn(head, 0, 1) - p0)).toBeLessThan(0.01);
    expect(Math.abs(shareIn(head, 1, 2) - p0 / 2)).toBeLessThan(0.01);
    const tail = run(hotset({ distribution: 'zipf', hotPosition: 'tail' })).accesses;
    expect(Math.abs(shareIn(tail, 99, 100) - p0)).toBeLessThan(0.01);
    expect(Math.abs(shareIn(tail, 98, 99) - p0 / 2)).toBeLessThan(0.01);
    const wrapped = run(hotset({ distribution: 'zipf', hotPosition: 99 * PAGE })).accesses;
    expect(Math.abs(shareIn(wrapped, 99, 100) - p0)).toBeLessThan(0.01);
    expect(Math.abs(shareIn(wrapped, 0, 1) - p0 / 2)).toBeLessThan(0.01);
  });

  it('moves the hot part when a phase’s time has come, checked at the start of each fill', () => {
    const w = hotset({ accesses: null, phases: [{ atMs: 100, hotPosition: 'tail' }] });
    const [t] = makeHotset(w, PAGE, 0).threads([0], createRng(3));
    drain(t!, 100, 100, 0);
    const before = drain(t!, 20_000, 4096, 99).vpages;
    const after = drain(t!, 20_000, 4096, 100).vpages;
    expect(Math.abs(shareIn(before, 0, 20) - 0.9)).toBeLessThan(0.02);
    expect(Math.abs(shareIn(after, 80, 100) - 0.9)).toBeLessThan(0.02);
  });

  it('applies phases in time order even when listed out of order', () => {
    const w = hotset({
      accesses: null,
      phases: [
        { atMs: 200, hotPosition: 40 * PAGE },
        { atMs: 100, hotPosition: 'tail' },
      ],
    });
    const [t] = makeHotset(w, PAGE, 0).threads([0], createRng(4));
    drain(t!, 100, 100, 0);
    expect(Math.abs(shareIn(drain(t!, 20_000, 4096, 150).vpages, 80, 100) - 0.9)).toBeLessThan(0.02);
    expect(Math.abs(shareIn(drain(t!, 20_000, 4096, 250).vpages, 40, 60) - 0.9)).toBeLessThan(0.02);
  });

  it('never finishes when accesses is null', () => {
    const [t] = makeHotset(hotset({ accesses: null }), PAGE, 0).threads([0], createRng(1));
    expect(drain(t!, 300_000, 4096).vpages).toHaveLength(300_000);
  });

  it('returns 0 once populated and done with its accesses', () => {
    const [t] = makeHotset(hotset({ accesses: 5 }), PAGE, 0).threads([0], createRng(1));
    const buf = new Uint32Array(200);
    expect(t!.fill(buf, 200, 0)).toBe(105);
    expect(t!.fill(buf, 200, 0)).toBe(0);
  });

  it('repeats itself for the same seed and changes with another', () => {
    const w = hotset({ accesses: 1000 });
    expect(run(w, 7).vpages).toEqual(run(w, 7).vpages);
    expect(run(w, 7).vpages).not.toEqual(run(w, 8).vpages);
  });
});
