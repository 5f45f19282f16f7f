// Qualitative agreement with published results (issue 5): the figures the README quotes.
// Huang Ying's hot-page selection (v6.1) promotes fewer pages than promoting on every hint fault at
// similar or better throughput; the promotion rate limit roughly halves promotion traffic for a few
// percent of throughput.
import { createSimulation } from '../src/engine/index.ts';
import type { RunResult } from '../src/shared/result.ts';
import { resolve } from './engine.ts';
import { papersKernel } from './published-run.ts';
import { benchPublishedTpp } from './published-tpp.ts';
import { benchPublishedPressure } from './published-pressure.ts';
import { benchPublishedHybridtier } from './published-hybridtier.ts';
import { benchColloid } from './colloid-result.ts';
import { benchNomadResult } from './nomad-result.ts';

/**
 * pmbench-like: a 3 GiB region on DRAM 1 GiB + PMEM 4 GiB whose hot quarter (768 MiB, fits in DRAM)
 * takes 99% of accesses and moves to the other end at 15 s, so promotion has real work twice.
 */
function tieringRun(knobs: Record<string, unknown>, phaseChange = true): RunResult {
  const s = resolve({
    format: 'tierlab.scenario/1',
    name: 'hot set on DRAM 1 GiB + PMEM 4 GiB',
    machine: {
      pageSize: '4KiB',
      nodes: [
        { id: 0, memory: 'dram', capacity: '1GiB', cpus: 2 },
        { id: 1, memory: 'pmem', capacity: '4GiB', cpus: 0 },
      ],
    },
    policy: { preset: 'linux-tiering', knobs: papersKernel(knobs) },
    workload: [
      {
        name: 'db',
        type: 'hotset',
        size: '3GiB',
        distribution: 'hot',
        hotFraction: 0.25,
        hotProbability: 0.99,
        hotPosition: 'head',
        phases: phaseChange ? [{ atMs: 15000, hotPosition: 'tail' }] : [],
        readRatio: 0.8,
        cpu: 0,
      },
    ],
    run: { durationMs: 30000, tickMs: 10, sampleEveryMs: 1000, seed: 1 },
  });
  const sim = createSimulation(s);
  sim.advance(s.run.durationMs);
  return sim.result(0);
}

function line(label: string, r: RunResult): string {
  const t = r.tasks[0]!;
  const promotedMiB = (r.vmstat.pgpromote_success! * 4096) / 2 ** 20;
  return (
    `  ${label.padEnd(34)} promoted ${promotedMiB.toFixed(0).padStart(6)} MiB, ` +
    `throughput ${(t.throughput / 1e6).toFixed(2)} M refs/s, fast-tier hits ${(t.fastTierHitRatio * 100).toFixed(1)}%, ` +
    `ping-pong ${r.pingPong.promotedThenDemoted}`
  );
}

export function benchQualitative(): void {
  console.log('== qualitative agreement (30 s simulated each)');
  const everyFault = tieringRun({ hot_threshold_ms: 3_600_000 });
  const hot = tieringRun({});
  console.log(line('promote every hint fault', everyFault));
  console.log(line('hot-page selection (1000 ms)', hot));
  console.log(
    line('hot-page selection, 64 MB/s limit', tieringRun({ numa_balancing_promote_rate_limit_MBps: 64 })),
  );
  console.log('  the same without the phase change (a steady hot set):');
  console.log(line('hot-page selection (1000 ms)', tieringRun({}, false)));
  console.log(
    line(
      'hot-page selection, 64 MB/s limit',
      tieringRun({ numa_balancing_promote_rate_limit_MBps: 64 }, false),
    ),
  );
  benchPublishedTpp();
  benchPublishedPressure();
  benchPublishedHybridtier();
  benchColloid();
  console.log('');
  benchNomadResult();
}
