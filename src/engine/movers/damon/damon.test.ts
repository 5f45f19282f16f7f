import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../shared/result.ts';
import { buildWorld } from '../../sim/setup.ts';
import { createSimulation } from '../../sim/simulation.ts';
import { hotset, moverScenario } from '../../../../tests/support/engine/mover-scenario.ts';
import { driveWorld } from '../../../../tests/support/engine/mover-world.ts';
import type { Kdamond } from './kdamond.ts';

/** On a 64 MiB node the watermarks alone keep ~1% free: a 5% free goal lets migrate_cold work. */
const SMALL_NODE_GOAL = { damos_demote_free_bp: 500 };

/** A cold 60 MiB filler takes DRAM first; a 64 MiB hot set starting at 100 ms lands in PMEM. */
const fillerThenHot = [
  { name: 'filler', type: 'usemem', size: '60MiB', repeats: 1 },
  hotset('hot', 64, { startMs: 100, load: 0.1 }),
];

function run(workload: Record<string, unknown>[], knobs: Record<string, unknown>, durationMs = 1000) {
  const s = moverScenario('damon-tiering', workload, { knobs, run: { durationMs } });
  const sim = createSimulation(s);
  sim.advance(durationMs);
  const samples = sim.takeSamples()!;
  return { r: sim.result(0), samples };
}

const damonPages = (r: RunResult, from: number, to: number) =>
  r.migrations
    .filter((m) => m.reason === 'damon' && m.from === from && m.to === to)
    .reduce((n, m) => n + m.pages, 0);

describe('DAMON tiering (damon-tiering)', () => {
  it('promotes the hot region and demotes the cold one, counting only pgmigrate_success', () => {
    const { r } = run(fillerThenHot, SMALL_NODE_GOAL);
    const [filler, hot] = r.tasks;
    expect(hot!.residency.pages[4]![0]!).toBeLessThan(0.1 * 16384);
    expect(damonPages(r, 1, 0)).toBeGreaterThan(4096);
    expect(hot!.residentPages['0']!).toBeGreaterThan(4096);
    expect(hot!.fastTierHitRatio).toBeGreaterThan(0.7);
    expect(damonPages(r, 0, 1)).toBeGreaterThan(0.9 * 15360);
    expect(filler!.residentPages['0']!).toBeLessThan(0.1 * 15360);
    // DAMOS migrations are plain migrations (skhynix/hmsdk#6): no pgpromote_* or pgdemote_*.
    expect(r.vmstat.pgpromote_success!).toBe(0);
    const demoted =
      r.vmstat.pgdemote_kswapd! +
      r.vmstat.pgdemote_direct! +
      r.vmstat.pgdemote_khugepaged! +
      r.vmstat.pgdemote_proactive!;
    expect(demoted).toBe(0);
    expect(r.migrations.every((m) => m.reason === 'damon')).toBe(true);
    expect(damonPages(r, 1, 0) + damonPages(r, 0, 1)).toBe(r.vmstat.pgmigrate_success!);
  });

  it('never moves more than damos_quota_mbps per second in either direction', () => {
    const mbps = 8;
    const { r, samples } = run(fillerThenHot, { ...SMALL_NODE_GOAL, damos_quota_mbps: mbps }, 2200);
    const quotaPages = (mbps * 2 ** 20) / 4096;
    for (let row = 0; row < samples.timesMs.length; row++) {
      // One quota interval starts per second (the first at the first aggregation).
      const windows = Math.floor(samples.timesMs[row]! / 1000) + 1;
      for (const node of [0, 1])
        expect(samples.nodes[node]!.pgmigrate_success![row]!).toBeLessThanOrEqual(quotaPages * windows);
    }
    expect(damonPages(r, 1, 0)).toBeGreaterThan(0);
    expect(damonPages(r, 0, 1)).toBeGreaterThan(0);
  });

  it('demotes nothing while the fast node has free memory far above its goal', () => {
    const half = [hotset('hot', 32, { load: 0.1 })];
    const { r } = run(half, {});
    expect(r.nodes[0]!.freePages).toBeGreaterThan(0.4 * 16384);
    expect(damonPages(r, 0, 1)).toBe(0);
    // With a goal of 90% free, the same half-empty node is short of it and its idle pages go down.
    expect(damonPages(run(half, { damos_demote_free_bp: 9000 }).r, 0, 1)).toBeGreaterThan(0);
  });

  it('keeps each node between min_nr_regions and max_nr_regions while the access pattern changes', () => {
    const s = moverScenario('damon-tiering', fillerThenHot, {
      knobs: { ...SMALL_NODE_GOAL, damon_min_nr_regions: 10, damon_max_nr_regions: 60 },
    });
    const w = buildWorld(s);
    const kdamonds = w.k.movers as Kdamond[];
    expect(kdamonds.map((d) => d.node)).toEqual([0, 1]);
    let least = Infinity;
    let most = 0;
    driveWorld(w, 0, 600e6, () => {
      for (const d of kdamonds) {
        least = Math.min(least, d.regions.nr);
        most = Math.max(most, d.regions.nr);
      }
    });
    expect(least).toBeGreaterThanOrEqual(10);
    expect(most).toBeLessThanOrEqual(60);
    expect(most).toBeGreaterThan(30);
  });

  it('spends about the same CPU on monitoring a node eight times larger', () => {
    const cpu = (dramMiB: number) => {
      const w = buildWorld(moverScenario('damon-tiering', [hotset('hot', 16, { load: 0.1 })], { dramMiB }));
      driveWorld(w, 0, 300e6);
      return w.k.movers[0]!.cpuNs();
    };
    const small = cpu(64);
    const large = cpu(512);
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeGreaterThan(0.5);
    expect(large / small).toBeLessThan(2);
  });
});
