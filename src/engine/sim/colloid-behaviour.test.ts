import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../tests/support/engine/scenarios.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { RunEngine } from '../../shared/scenario/resolved.ts';
import type { RunResult } from '../../shared/result.ts';
import type { CounterName } from '../../shared/vmstat.ts';
import { createSimulation } from './simulation.ts';

/**
 * Colloid's GUPS setup in small: a hot set whose hot quarter fits in DRAM, over DRAM (81 ns) and a
 * 135 ns alternate tier (the paper's remote-socket "CXL" at its lowest unloaded latency), with a
 * STREAM antagonist on DRAM at `bgGBps` (0: none).
 */
function run(engine: RunEngine, numaBalancing: 2 | 6, bgGBps: number): RunResult {
  const parsed = parseScenario({
    format: 'tierlab.scenario/1',
    name: 'colloid gups',
    machine: {
      nodes: [
        { id: 0, memory: 'dram', capacity: '32MiB', cpus: 4 },
        { id: 1, memory: 'cxl', capacity: '64MiB', cpus: 0, readLatencyNs: 135, writeLatencyNs: 135 },
      ],
    },
    policy: { preset: 'colloid', knobs: { numa_balancing: numaBalancing, scan_delay_ms: 200 } },
    workload: [
      {
        name: 'gups',
        type: 'hotset',
        size: '48MiB',
        threads: 4,
        cpu: 0,
        distribution: 'hot',
        hotFraction: 0.25,
        hotProbability: 0.9,
      },
      ...(bgGBps > 0 ? [{ name: 'bg', type: 'stream', node: 0, bandwidthGBps: bgGBps }] : []),
    ],
    run: { engine, durationMs: 2000, tickMs: 10, sampleEveryMs: 500, seed: 1 },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const sim = createSimulation(parsed.scenario);
  sim.advance(parsed.scenario.run.durationMs);
  return sim.result(0);
}

const node = (r: RunResult, n: number, name: CounterName) => r.nodes[n]!.vmstat[name]!;
const moved = (r: RunResult, from: number, to: number) =>
  r.migrations
    .filter((m) => m.reason === 'numa_misplaced' && m.from === from && m.to === to)
    .reduce((s, m) => s + m.pages, 0);

describe.each(ENGINES)('Colloid on its TPP kernel (%s engine)', (engine) => {
  const loaded = run(engine, 6, 12);
  const baseline = run(engine, 2, 12);
  const idle = run(engine, 6, 0);

  it('demotes hot DRAM pages at their hint faults while the antagonist makes DRAM the slower tier', () => {
    expect(loaded.vmstat.colloid_demote).toBeGreaterThan(0);
    // Every Colloid demotion is a NUMA-misplaced migration from DRAM down, counted where it moved.
    expect(moved(loaded, 0, 1)).toBe(loaded.vmstat.colloid_demote);
    expect(baseline.vmstat.colloid_demote).toBe(0);
    expect(moved(baseline, 0, 1)).toBe(0);
  });

  it('keeps fewer of the hot set in DRAM than plain tiering, and serves it faster', () => {
    expect(loaded.tasks[0]!.residentPages[1]!).toBeGreaterThan(baseline.tasks[0]!.residentPages[1]!);
    expect(loaded.tasks[0]!.throughput).toBeGreaterThan(baseline.tasks[0]!.throughput);
  });

  it('counts every promotion into DRAM as one Colloid let through', () => {
    expect(loaded.vmstat.colloid_promote).toBe(loaded.vmstat.pgpromote_success);
    expect(idle.vmstat.colloid_promote).toBe(idle.vmstat.pgpromote_success);
  });

  it('moves nothing down while DRAM stays the faster tier', () => {
    expect(idle.vmstat.colloid_demote).toBe(0);
    expect(node(idle, 0, 'colloid_latency_ns')).toBeLessThan(node(idle, 1, 'colloid_latency_ns'));
  });

  it("measures each tier at its node's loaded latency in a steady tick", () => {
    // Little's law on one node's own traffic gives back its latency; the EWMA keeps it within the
    // last ticks' spread.
    for (const r of [loaded, idle]) {
      for (const n of [0, 1]) {
        expect(node(r, n, 'colloid_latency_ns') / node(r, n, 'mem_read_latency_ns')).toBeCloseTo(1, 1);
      }
    }
  });
});
