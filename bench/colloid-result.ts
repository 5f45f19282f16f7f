// Colloid's result (Vuppalapati & Agarwal, SOSP'24, Fig. 6, GUPS): as background load on the
// default tier rises, placing the hot set in DRAM (TPP) gets worse and balancing the tiers'
// latencies wins, by more the higher the load. Its artifact's table (sosp24-artifact/tpp/README.md)
// gives TPP+colloid / TPP at the alternate tier's lowest unloaded latency, 135 ns, for 0x-3x
// background load (0, 5, 10, 15 antagonist cores): 1.03, 1.10, 1.42, 1.81. Here the load is a
// STREAM antagonist at 0, 1/3 and 2/3 of DRAM's read bandwidth. `npm run bench -- --colloid` runs
// this alone.
import { createSimulation } from '../src/engine/index.ts';
import type { RunResult } from '../src/shared/result.ts';
import { resolve } from './engine.ts';

/** DRAM's read bandwidth (the dram kind's default), and the loads as shares of it. */
const DRAM_GBPS = 15;
const LOADS = [
  { label: '0', share: 0, published: 1.03 },
  { label: '1/3', share: 1 / 3, published: 1.1 },
  { label: '2/3', share: 2 / 3, published: 1.42 },
] as const;

const POLICIES = [
  { label: 'linux-tiering', preset: 'linux-tiering', knobs: {} },
  { label: 'tpp', preset: 'tpp', knobs: {} },
  { label: "colloid's kernel, numa_balancing 2 (TPP)", preset: 'colloid', knobs: { numa_balancing: 2 } },
  { label: 'colloid (numa_balancing 6)', preset: 'colloid', knobs: {} },
] as const;

/**
 * GUPS in the paper's shape: 8 threads over 1.5 GiB, a hot third (512 MiB, fits in DRAM) taking
 * 90% of the accesses, read-write; DRAM 1 GiB and a 135 ns alternate tier of 2 GiB (the paper
 * emulates it with the other socket's DRAM, so its bandwidth is DRAM's).
 */
function gupsRun(preset: string, knobs: Record<string, unknown>, loadGBps: number, seed: number): RunResult {
  const s = resolve({
    format: 'tierlab.scenario/1',
    name: `gups, ${preset}, ${loadGBps} GB/s on DRAM`,
    machine: {
      pageSize: '4KiB',
      nodes: [
        { id: 0, memory: 'dram', capacity: '1GiB', cpus: 8 },
        {
          id: 1,
          memory: 'cxl',
          capacity: '2GiB',
          cpus: 0,
          readLatencyNs: 135,
          writeLatencyNs: 135,
          readBandwidthGBps: 15,
          writeBandwidthGBps: 12,
        },
      ],
    },
    policy: { preset, knobs },
    workload: [
      {
        name: 'gups',
        type: 'hotset',
        size: '1536MiB',
        threads: 8,
        distribution: 'hot',
        hotFraction: 1 / 3,
        hotProbability: 0.9,
        readRatio: 0.5,
        cpu: 0,
      },
      ...(loadGBps > 0 ? [{ name: 'stream', type: 'stream', node: 0, bandwidthGBps: loadGBps }] : []),
    ],
    run: { durationMs: 20000, tickMs: 10, sampleEveryMs: 1000, seed },
  });
  const sim = createSimulation(s);
  sim.advance(s.run.durationMs);
  return sim.result(0);
}

const SEEDS = [1, 2, 3];

interface Cell {
  throughput: number;
  dramLatencyNs: number;
  fastTierHits: number;
  demoted: number;
}

/** Mean over seeds of the figures the table prints. */
function measure(preset: string, knobs: Record<string, unknown>, loadGBps: number): Cell {
  const runs = SEEDS.map((seed) => gupsRun(preset, knobs, loadGBps, seed));
  const mean = (f: (r: RunResult) => number) => runs.reduce((s, r) => s + f(r), 0) / runs.length;
  return {
    throughput: mean((r) => r.tasks[0]!.throughput),
    dramLatencyNs: mean((r) => r.nodes[0]!.vmstat.mem_read_latency_ns ?? 0),
    fastTierHits: mean((r) => r.tasks[0]!.fastTierHitRatio),
    demoted: mean((r) => r.vmstat.colloid_demote ?? 0),
  };
}

/** Agree when within a fifth of the published ratio's gain, partly when the direction holds. */
function verdict(measured: number, published: number): string {
  const gain = measured - 1;
  const claimed = published - 1;
  if (Math.abs(gain - claimed) <= Math.max(0.02, Math.abs(claimed) * 0.2)) return 'agree';
  return Math.sign(Math.round(gain * 100)) === Math.sign(Math.round(claimed * 100)) ? 'partly' : 'disagree';
}

export function benchColloid(): void {
  console.log(
    `== Colloid's result: GUPS under background load on DRAM (rate engine, 20 s, seeds ${SEEDS.join(',')})`,
  );
  const ratios: number[] = [];
  for (const load of LOADS) {
    const gbps = load.share * DRAM_GBPS;
    const cells = POLICIES.map((p) => measure(p.preset, p.knobs, gbps));
    console.log(`  load ${load.label} of DRAM (${gbps.toFixed(1)} GB/s antagonist):`);
    POLICIES.forEach((p, i) => {
      const c = cells[i]!;
      console.log(
        `    ${p.label.padEnd(42)} ${(c.throughput / 1e6).toFixed(2).padStart(6)} M refs/s, DRAM ` +
          `${c.dramLatencyNs.toFixed(0)} ns, fast-tier hits ${(c.fastTierHits * 100).toFixed(1)}%` +
          (c.demoted > 0 ? `, ${c.demoted.toFixed(0)} pages demoted hot` : ''),
      );
    });
    const ratio = cells[3]!.throughput / cells[2]!.throughput;
    ratios.push(ratio);
    const vsTpp = cells[3]!.throughput / cells[1]!.throughput;
    console.log(
      `    colloid / TPP: ${ratio.toFixed(2)} (vs preset tpp ${vsTpp.toFixed(2)}); published ` +
        `${load.published.toFixed(2)}: ${verdict(ratio, load.published)}`,
    );
  }
  const rising = ratios.every((r, i) => i === 0 || r >= ratios[i - 1]! - 0.01);
  console.log(
    `  the gain grows with the load: ${rising ? 'yes' : 'no'} (${ratios.map((r) => r.toFixed(2)).join(', ')})`,
  );
}
