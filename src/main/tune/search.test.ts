import { describe, expect, it } from 'vitest';
import { parseKnobRange } from '../../shared/tune/knob-range.ts';
import { hmean } from '../compare/stats.ts';
import { search, type Evaluate, type RunItem, type SearchOptions } from './search.ts';

// A known objective, a test double for the runs: throughput peaking at hot_threshold_ms = 1000
// (a parabola in log10), rate limit helping a little, and the seed adding a fixed +-1% of noise.
function throughputOf(item: RunItem): number {
  const t = item.arm.settings.hot_threshold_ms as number;
  const rate = (item.arm.settings.numa_balancing_promote_rate_limit_MBps as number | undefined) ?? 0;
  const noise = 1 + ((item.seed % 3) - 1) / 100;
  return (1000 - 100 * (Math.log10(t) - 3) ** 2 + rate / 100) * noise;
}

const synthetic: Evaluate = (items) => Promise.resolve(items.map(throughputOf));

const OPTIONS: SearchOptions = {
  ranges: [
    parseKnobRange('hot_threshold_ms=100..10000'),
    parseKnobRange('numa_balancing_promote_rate_limit_MBps=16..1024'),
  ],
  seeds: [5, 6, 7],
  budget: 36,
  designSeed: 42,
  sense: { higherIsBetter: true, maximise: true },
};

describe('the tuner search', () => {
  it('gives the same arms for the same design seed, and other arms for another', async () => {
    const a = await search(OPTIONS, synthetic);
    const b = await search(OPTIONS, synthetic);
    const c = await search({ ...OPTIONS, designSeed: 43 }, synthetic);
    expect(b.arms.map((x) => x.settings)).toEqual(a.arms.map((x) => x.settings));
    expect(c.arms.map((x) => x.settings)).not.toEqual(a.arms.map((x) => x.settings));
  });

  it('spends the budget on distinct arms, each with every seed, in a first pass and refinement rounds', async () => {
    const seen: RunItem[] = [];
    const out = await search(OPTIONS, (items) => {
      seen.push(...items);
      return synthetic(items, 0);
    });
    // 36 runs / 3 seeds = 12 arms: 6 in the Latin hypercube, then rounds of 3.
    expect(out.arms).toHaveLength(12);
    expect(seen).toHaveLength(36);
    expect(out.arms.filter((a) => a.round === 0)).toHaveLength(6);
    expect(new Set(out.arms.map((a) => JSON.stringify(a.settings))).size).toBe(12);
    for (const arm of out.arms)
      expect(seen.filter((it) => it.arm === arm).map((it) => it.seed)).toEqual([5, 6, 7]);
  });

  it('summarises each arm from its own runs and finds the best near the known optimum', async () => {
    const out = await search(OPTIONS, synthetic);
    out.arms.forEach((arm, i) => {
      const values = OPTIONS.seeds.map((seed) => throughputOf({ index: 0, arm, seed }));
      expect(out.stats[i]!.mean).toBeCloseTo(hmean(values), 9);
    });
    const best = out.arms[out.stats.reduce((bi, s, i) => (s!.mean > out.stats[bi]!.mean ? i : bi), 0)]!;
    // The optimum is at 1000 ms; the first pass alone (strata of 100..10000 in log) lands within
    // one stratum, a factor 10^(2/6) = 2.15 either side, and refinement only gets closer.
    expect(best.settings.hot_threshold_ms).toBeGreaterThan(1000 / 2.16);
    expect(best.settings.hot_threshold_ms).toBeLessThan(1000 * 2.16);
  });

  it('runs the full grid when every knob is a short list, and stops there', async () => {
    const ranges = [parseKnobRange('demotion_enabled'), parseKnobRange('transparent_hugepage')];
    const out = await search({ ...OPTIONS, ranges, budget: 30 }, (items) =>
      Promise.resolve(items.map(() => 1)),
    );
    // 2 x 3 = 6 combinations fit the 10 arms the budget allows; no neighbour is new after them.
    expect(out.arms.map((a) => a.settings)).toHaveLength(6);
    expect(new Set(out.arms.map((a) => JSON.stringify(a.settings))).size).toBe(6);
  });

  it('splits the first pass between shards so that together they run it once', async () => {
    const whole: number[] = [];
    await search({ ...OPTIONS, shard: { index: 0, count: 1 } }, (items) => {
      whole.push(...items.map((it) => it.index));
      return synthetic(items, 0);
    });
    const parts: number[][] = [[], [], []];
    for (let i = 0; i < 3; i++)
      await search({ ...OPTIONS, shard: { index: i, count: 3 } }, (items) => {
        parts[i]!.push(...items.map((it) => it.index));
        return synthetic(items, 0);
      });
    expect(whole).toHaveLength(18);
    expect(parts.flat().sort((a, b) => a - b)).toEqual(whole);
    expect(parts[1]).toEqual(whole.filter((i) => i % 3 === 1));
  });

  it('refuses a budget of fewer than two arms', async () => {
    await expect(search({ ...OPTIONS, budget: 5 }, synthetic)).rejects.toThrow('give at least 6');
  });
});
