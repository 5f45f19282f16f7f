// Small scenarios for engine tests, written as users write scenario files and parsed the real way.
import { parseScenario } from '../../../src/shared/scenario/parse.ts';
import type { ResolvedScenario, RunEngine } from '../../../src/shared/scenario/resolved.ts';
import { RUN_ENGINES } from '../../../src/shared/scenario/schema.ts';
import type { RunResult } from '../../../src/shared/result.ts';
import { createSimulation } from '../../../src/engine/sim/simulation.ts';

type Json = Record<string, unknown>;

const usememDefaults = { type: 'usemem', size: '96MiB', repeats: 2 };

/** DRAM 64 MiB (1 CPU) + PMEM 128 MiB, 64 MiB SSD swap, one usemem thread on node 0, classic LRU. */
export function twoTierScenario(
  over: { knobs?: Json; workload?: Json; swap?: boolean; run?: Json; nodes?: Json[]; preset?: string } = {},
): ResolvedScenario {
  const file = {
    format: 'tierlab.scenario/1',
    name: 'test',
    machine: {
      pageSize: '4KiB',
      nodes: over.nodes ?? [
        { id: 0, memory: 'dram', capacity: '64MiB', cpus: 1 },
        { id: 1, memory: 'pmem', capacity: '128MiB', cpus: 0 },
      ],
      ...(over.swap === false ? {} : { swap: { capacity: '64MiB', device: 'ssd' } }),
    },
    // The classic LRU unless a test asks for MGLRU (6.12's default since issue 13).
    policy: {
      preset: over.preset ?? 'linux',
      knobs: { demotion_enabled: true, lru_gen_enabled: false, ...over.knobs },
    },
    workload: [{ name: 'hog', cpu: 0, ...(over.workload?.type ? {} : usememDefaults), ...over.workload }],
    run: { durationMs: 1000, tickMs: 10, sampleEveryMs: 100, seed: 7, ...over.run },
  };
  const parsed = parseScenario(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/** Both engines, for behaviour tests that must hold in each (`describe.each(ENGINES)`). */
export const ENGINES: readonly RunEngine[] = RUN_ENGINES;

/** Runs a scenario to its end (in `engine`, else its own); wallMs is fixed so results compare byte for byte. */
export function runToEnd(s: ResolvedScenario, engine?: RunEngine): RunResult {
  const sim = createSimulation(engine ? { ...s, run: { ...s.run, engine } } : s);
  sim.advance(s.run.durationMs);
  return sim.result(0);
}
