import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../tests/support/engine/scenarios.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { RunEngine } from '../../shared/scenario/resolved.ts';
import { createSimulation } from './simulation.ts';

/** A hot set that fits in DRAM, and optionally a STREAM-like antagonist on DRAM from 500 ms. */
function scenario(engine: RunEngine, antagonist: boolean) {
  const parsed = parseScenario({
    format: 'tierlab.scenario/1',
    name: 'antagonist',
    machine: {
      nodes: [
        { id: 0, memory: 'dram', capacity: '64MiB', cpus: 1 },
        { id: 1, memory: 'pmem', capacity: '128MiB', cpus: 0 },
      ],
    },
    policy: { preset: 'linux', knobs: { demotion_enabled: true } },
    workload: [
      { name: 'app', type: 'hotset', size: '16MiB', cpu: 0 },
      ...(antagonist
        ? [{ name: 'bw', type: 'stream', node: 0, bandwidthGBps: 12, startMs: 500, stopMs: 800 }]
        : []),
    ],
    run: { engine, durationMs: 1000, tickMs: 10, sampleEveryMs: 100, seed: 3 },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

function run(engine: RunEngine, antagonist: boolean) {
  const s = scenario(engine, antagonist);
  const sim = createSimulation(s);
  sim.advance(s.run.durationMs);
  const batch = sim.takeSamples()!;
  return { batch, result: sim.result(0) };
}

describe.each(ENGINES)('a bandwidth antagonist (%s engine)', (engine) => {
  it("loads DRAM's latency while it runs, and only then", () => {
    const { batch } = run(engine, true);
    const latency = batch.nodes[0]!.mem_read_latency_ns!;
    const at = (ms: number) => latency[batch.timesMs.indexOf(ms)]!;
    // 12 GB/s at 2:1 reads to writes: 8 GB/s read + 4 GB/s written * 15/12 = 13 GB/s on the DRAM
    // curve, 1/3 of the way from (12 GB/s, 129.6 ns) to (13.5 GB/s, 178.2 ns): 145.8 ns, plus what
    // the hot set itself adds (under 1 GB/s, so below the next point's 178.2 ns).
    expect(at(600)).toBeGreaterThan(145.8);
    expect(at(600)).toBeLessThan(178.2);
    expect(at(400)).toBeLessThan(100);
    expect(at(900)).toBeLessThan(100);
  });

  it('counts its bytes on its node: 12 GB/s for 300 ms is 2.4 GB read and 1.2 GB written', () => {
    const a = run(engine, true).batch;
    const b = run(engine, false).batch;
    const extra = (name: string) => a.nodes[0]![name]!.at(-1)! - b.nodes[0]![name]!.at(-1)!;
    // The hot set's own bytes differ between the two runs (it runs slower), so only roughly.
    expect(extra('mem_read_bytes')).toBeGreaterThan(2.3e9);
    expect(extra('mem_read_bytes')).toBeLessThan(2.4e9);
    expect(extra('mem_write_bytes')).toBeGreaterThan(1.15e9);
  });

  it('slows the task whose memory it shares', () => {
    const loaded = run(engine, true).result.tasks[0]!.references;
    const quiet = run(engine, false).result.tasks[0]!.references;
    expect(loaded).toBeLessThan(quiet * 0.95);
  });
});
