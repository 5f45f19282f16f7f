// The fleet metrics on workloads whose access times are known by construction, in both engines.
import { describe, expect, it } from 'vitest';
import { damonIdleMs, NR_COLD_AGE_BINS } from '../../shared/fleet-metrics.ts';
import { ENGINES, runToEnd, twoTierScenario } from '../../../tests/support/engine/scenarios.ts';

const PAGE = 4096;

describe.each(ENGINES)('fleet metrics (%s engine)', (engine) => {
  it('a workload that touched each page once is idle since its pass, and out of the working set', () => {
    // usemem writes 16 MiB once, page by page, then ends: page i was last touched inside the pass.
    const s = twoTierScenario({ workload: { size: '16MiB', repeats: 1 }, run: { durationMs: 2000 } });
    const r = runToEnd(s, engine);
    const task = r.tasks[0]!;
    const f = task.fleet!;
    expect(task.finished).toBe(true);
    const pages = (16 * 2 ** 20) / PAGE;
    const youngest = damonIdleMs(2000 - task.runMs);
    expect(youngest).toBeGreaterThan(0);
    for (const p of f.idleMsPercentiles) {
      expect(p).toBeGreaterThanOrEqual(youngest);
      expect(p).toBeLessThanOrEqual(2000);
    }
    // Touched in order at an even pace: the median page was touched about halfway through the pass.
    expect(Math.abs(f.idleMsPercentiles[50]! - (2000 - task.runMs / 2))).toBeLessThanOrEqual(
      100 + task.runMs / 20,
    );
    expect(f.coldAgePages.reduce((a, b) => a + b, 0)).toBeCloseTo(pages, 6);
    expect(f.workingSetPages.at(-1)).toBe(0);
    // Everything fits in DRAM: nothing resides in the slow tier. Each page's one reference was its
    // first-touch fault, so no reference found its page present: no hits to share out.
    expect(f.strr).toBe(0);
    expect(Object.values(task.hitsByNode).every((h) => h === 0)).toBe(true);
    expect(f.star).toBeNull();
    expect(r.fleet!.idleMsPercentiles).toEqual(f.idleMsPercentiles);
    expect(r.vmstat.cold_age_pages_0).toBe(0);
  });

  it('a uniform hot set leaves a page idle past t with probability e^(-refs in t / pages)', () => {
    // 4096 pages drawn uniformly: a page is missed by n draws with probability (1 - 1/4096)^n.
    const s = twoTierScenario({
      workload: { type: 'hotset', size: '16MiB', distribution: 'uniform', load: 0.001 },
      run: { durationMs: 3000 },
    });
    const r = runToEnd(s, engine);
    const task = r.tasks[0]!;
    const f = task.fleet!;
    const pages = (16 * 2 ** 20) / PAGE;
    const refsPerMs = task.throughput / 1000;
    const total = f.coldAgePages.reduce((a, b) => a + b, 0);
    // Bins from b on hold the pages idle at least COLD_AGE_BIN_MS[b]: 100 ms for b = 1, 200 for 2.
    const idleAtLeast = (b: number) => f.coldAgePages.slice(b).reduce((a, x) => a + x, 0) / total;
    expect(refsPerMs * 100).toBeGreaterThan(pages * 0.3); // the figures below are far from 0 and 1
    expect(refsPerMs * 100).toBeLessThan(pages * 3);
    expect(idleAtLeast(1)).toBeCloseTo(Math.exp((-refsPerMs * 100) / pages), 1);
    expect(idleAtLeast(2)).toBeCloseTo(Math.exp((-refsPerMs * 200) / pages), 1);
    expect(f.coldAgePages).toHaveLength(NR_COLD_AGE_BINS);
    // The working set at the end is the pages not idle: what the histogram's first bin holds.
    expect(f.workingSetPages.at(-1)).toBeCloseTo(f.coldAgePages[0]!, 6);
  });

  it('a hot set that moves at 750 ms has both places in the 800 ms working set, the old one idle 200 ms at the end', () => {
    // 4096 pages, every draw on a quarter of them: pages 3072..4095 until 750 ms, then 0..1023.
    // Each hot page is drawn thousands of times in 50 ms, so by hand: at 800 ms both quarters were
    // touched in the last 100 ms (2048 pages), at 900 ms only the new one (1024); at 1000 ms the old
    // quarter's last touch came in (700, 750] ms, idle 200 ms by DAMON_STAT's whole intervals, and
    // the cold half was last touched by the populate pass.
    const s = twoTierScenario({
      workload: {
        type: 'hotset',
        size: '16MiB',
        distribution: 'hot',
        hotFraction: 0.25,
        hotProbability: 1,
        hotPosition: 'tail',
        phases: [{ atMs: 750, hotPosition: 'head' }],
      },
      swap: false,
    });
    const r = runToEnd(s, engine);
    const task = r.tasks[0]!;
    const f = task.fleet!;
    const at = (ms: number) => f.workingSetPages[task.residency.timesMs.indexOf(ms)];
    expect(at(700)).toBe(1024);
    expect(at(800)).toBe(2048);
    expect(at(900)).toBe(1024);
    expect(f.idleMsPercentiles[25]).toBe(0);
    expect(f.idleMsPercentiles[26]).toBe(200);
    expect(f.idleMsPercentiles[50]).toBe(200);
    expect(f.idleMsPercentiles[51]).toBeGreaterThan(500);
  });
});
