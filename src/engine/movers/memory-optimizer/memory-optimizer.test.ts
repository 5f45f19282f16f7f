import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../shared/result.ts';
import type { SampleBatch } from '../../../shared/samples.ts';
import { createSimulation } from '../../sim/simulation.ts';
import { hotset, moverScenario } from '../../../../tests/support/engine/mover-scenario.ts';

/** The daemon walks every 10 ms, so a round of 10 walks takes 100 ms. */
const FAST_WALKS = { memopt_interval_ms: 10 };
const PAGE = 4096;

function run(workload: Record<string, unknown>[], knobs: Record<string, unknown>, durationMs = 1000) {
  const s = moverScenario('wu-2018-daemon', workload, {
    knobs: { ...FAST_WALKS, ...knobs },
    run: { durationMs },
  });
  const sim = createSimulation(s);
  sim.advance(durationMs);
  const samples = sim.takeSamples()!;
  return { r: sim.result(0), samples };
}

const daemonPages = (r: RunResult, from: number, to: number) =>
  r.migrations
    .filter((m) => m.reason === 'daemon' && m.from === from && m.to === to)
    .reduce((n, m) => n + m.pages, 0);

/** DRAM the daemon may fill at dram_percent `pct`: the node above its high watermark, less kernel pages. */
const budgetOf = (r: RunResult, pct: number) => {
  const dram = r.nodes[0]!;
  const kernel = dram.vmstat.nr_page_table_pages! + dram.vmstat.nr_slab_reclaimable!;
  return Math.floor(((dram.capacityPages - dram.watermarks.high - kernel) * pct) / 100);
};

/** pgmigrate_success over both nodes at sample `row`. */
const migratedAt = (b: SampleBatch, row: number) =>
  b.nodes[0]!.pgmigrate_success![row]! + b.nodes[1]!.pgmigrate_success![row]!;

/**
 * A cold 60 MiB filler takes DRAM first; a 64 MiB hot set starting at 100 ms lands in PMEM. It
 * prefers PMEM: with the series' separate zonelists (patch 10) an unbound one would take DRAM by
 * having reclaim demote the filler, and never fall back into PMEM.
 */
const fillerThenHot = [
  { name: 'filler', type: 'usemem', size: '60MiB', repeats: 1 },
  hotset('hot', 64, { startMs: 100, load: 0.1, mempolicy: { mode: 'preferred', nodes: [1] } }),
];

describe('memory-optimizer daemon (wu-2018-daemon)', () => {
  it('moves a hot set from PMEM into DRAM and the cold filler out, as daemon migrations', () => {
    const { r } = run(fillerThenHot, {});
    const [filler, hot] = r.tasks;
    const hotPages = hot!.residentPages['0']! + hot!.residentPages['1']!;
    const hotPart = 0.25 * hotPages;
    // Populated while the filler held DRAM: mostly in PMEM at first (the sample at 200 ms).
    expect(hot!.residency.pages[4]![0]!).toBeLessThan(0.1 * hotPages);
    // Then its hot quarter, taking 95% of its references, and more moved up in place of the filler.
    expect(daemonPages(r, 1, 0)).toBeGreaterThan(hotPart);
    expect(hot!.residentPages['0']!).toBeGreaterThan(hotPart + 0.1 * hotPages);
    expect(hot!.fastTierHitRatio).toBeGreaterThan(0.85);
    expect(daemonPages(r, 0, 1)).toBeGreaterThan(0);
    expect(filler!.residentPages['0']!).toBeLessThan(0.6 * 15360);
    // move_pages counts pgmigrate_success only, never promotion or demotion.
    expect(r.vmstat.pgpromote_success!).toBe(0);
    const kernelDemoted = r.vmstat.pgdemote_kswapd! + r.vmstat.pgdemote_direct!;
    expect(daemonPages(r, 1, 0) + daemonPages(r, 0, 1) + kernelDemoted).toBe(r.vmstat.pgmigrate_success!);
  });

  it('keeps the process within dram_percent of DRAM after every round, filling it with the hot set', () => {
    const { r, samples } = run([hotset('hot', 96, { load: 0.1 })], { memopt_dram_percent: 50 });
    const budget = budgetOf(r, 50);
    const onDram = r.tasks[0]!.residency.pages.map((p) => p[0]!);
    // It populated DRAM first, over the budget; from the second round on it stays within it.
    expect(Math.max(...onDram)).toBeGreaterThan(budget);
    const rounds = r.tasks[0]!.residency.timesMs.map((t, i) => (t >= 200 ? onDram[i]! : 0));
    expect(Math.max(...rounds)).toBeLessThanOrEqual(budget);
    expect(r.tasks[0]!.residentPages['0']).toBe(budget);
    // The 24 MiB hot part fits the budget, so 95% of references hit DRAM once it is placed.
    expect(r.tasks[0]!.fastTierHitRatio).toBeGreaterThan(0.85);
    expect(samples.timesMs.length).toBeGreaterThan(0);
  });

  it('never moves more than bandwidth_mbps allows, give or take one interval', () => {
    const mbps = 8;
    const { r, samples } = run(fillerThenHot, { memopt_bandwidth_mbps: mbps, demotion_enabled: false });
    const perMs = (mbps * 2 ** 20) / PAGE / 1000;
    const slack = perMs * FAST_WALKS.memopt_interval_ms + 1;
    for (let row = 0; row < samples.timesMs.length; row++)
      expect(migratedAt(samples, row)).toBeLessThanOrEqual(perMs * samples.timesMs[row]! + slack);
    // The cap binds: after the first round it moves at the cap.
    expect(r.vmstat.pgmigrate_success!).toBeGreaterThan(0.9 * perMs * 800);
  });
});

describe('per-process DRAM shares (seed 003)', () => {
  /** A busy 64 MiB VM and a quiet 32 MiB one that started first; all pages equally hot within each. */
  const vms = (big: number | null, small: number | null) => [
    hotset('big', 64, { load: 0.1, distribution: 'uniform', startMs: 100, dramShare: big }),
    hotset('small', 32, { load: 0.01, distribution: 'uniform', dramShare: small }),
  ];

  it('leaves the low-load VM in PMEM when hotness is ranked across all processes', () => {
    const { r } = run(vms(null, null), {});
    const [big, small] = r.tasks;
    expect(small!.residency.pages[2]![0]!).toBeGreaterThan(0.9 * 8192);
    expect(small!.residentPages['0']!).toBeLessThan(0.1 * 8192);
    expect(big!.residentPages['0']!).toBeGreaterThan(0.9 * budgetOf(r, 100));
  });

  it('splits DRAM 3:1 between VMs with dramShare 0.75 and 0.25', () => {
    const { r } = run(vms(0.75, 0.25), {});
    const [big, small] = r.tasks;
    const budget = budgetOf(r, 100);
    expect(big!.residentPages['0']).toBe(Math.floor(budget * 0.75));
    expect(small!.residentPages['0']).toBe(Math.floor(budget * 0.25));
  });
});

describe('weighing written pages (memopt_weigh_dirty, seed 003 question 2)', () => {
  /**
   * A cold filler takes DRAM; then two equally hot 8 MiB sets land in PMEM, one only written, one
   * only read, each page touched in every 10 ms walk. Their scores tie at nr_walks unless the walk
   * also counts dirty bits, when the written set scores 2 x nr_walks. DRAM room: about one set.
   */
  const twoSets = (firstWritten: boolean) => [
    { name: 'filler', type: 'usemem', size: '60MiB', repeats: 1 },
    ...[firstWritten, !firstWritten].map((written, i) =>
      hotset(`set${i}`, 8, {
        distribution: 'uniform',
        readRatio: written ? 0 : 1,
        startMs: 100,
        load: 0.1,
        mempolicy: { mode: 'preferred', nodes: [1] },
      }),
    ),
  ];
  const SET_PAGES = 2048;
  const onDram = (firstWritten: boolean, weighDirty: boolean, engine: string) => {
    const s = moverScenario('wu-2018-daemon', twoSets(firstWritten), {
      knobs: { ...FAST_WALKS, memopt_dram_percent: 15, memopt_weigh_dirty: weighDirty },
      run: { durationMs: 600, engine },
    });
    const sim = createSimulation(s);
    sim.advance(600);
    const [, a, b] = sim.result(0).tasks;
    const pages = [a!.residentPages['0']!, b!.residentPages['0']!];
    return { written: pages[firstWritten ? 0 : 1]!, read: pages[firstWritten ? 1 : 0]! };
  };

  for (const engine of ['exact', 'rate']) {
    it(`promotes the written set before the read-only one when on (${engine} engine)`, () => {
      for (const firstWritten of [true, false]) {
        const { written, read } = onDram(firstWritten, true, engine);
        expect(written).toBeGreaterThan(0.95 * SET_PAGES);
        expect(read).toBeLessThan(0.5 * SET_PAGES);
      }
    });

    it(`ranks them by address alone when off, whichever is written (${engine} engine)`, () => {
      // Off, the scores tie and the queue takes a score's pages in address order: the first set
      // gets the DRAM room whether it is the written one or the read-only one.
      for (const firstWritten of [true, false]) {
        const { written, read } = onDram(firstWritten, false, engine);
        const [first, second] = firstWritten ? [written, read] : [read, written];
        expect(first).toBeGreaterThan(0.8 * SET_PAGES);
        expect(second).toBeLessThan(0.3 * SET_PAGES);
      }
    });
  }
});
