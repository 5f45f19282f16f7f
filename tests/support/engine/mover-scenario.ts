// Small scenarios for the movers' tests: a DRAM + PMEM machine under a named preset, written as
// users write scenario files and parsed the real way.
import { parseScenario } from '../../../src/shared/scenario/parse.ts';
import type { ResolvedScenario } from '../../../src/shared/scenario/resolved.ts';

type Json = Record<string, unknown>;

/** A hotset workload entry: `size` MiB, its hot part `hot` of it, starting at `startMs`. */
export function hotset(name: string, sizeMiB: number, over: Json = {}): Json {
  return {
    name,
    type: 'hotset',
    size: `${sizeMiB}MiB`,
    distribution: 'hot',
    hotFraction: 0.25,
    hotProbability: 0.95,
    readRatio: 0.8,
    ...over,
  };
}

/** DRAM `dramMiB` (2 CPUs) + PMEM `pmemMiB`, no swap, under `preset` with `knobs`. */
export function moverScenario(
  preset: string,
  workload: Json[],
  over: { knobs?: Json; run?: Json; dramMiB?: number; pmemMiB?: number } = {},
): ResolvedScenario {
  const file = {
    format: 'tierlab.scenario/1',
    name: `movers-${preset}`,
    machine: {
      pageSize: '4KiB',
      nodes: [
        { id: 0, memory: 'dram', capacity: `${over.dramMiB ?? 64}MiB`, cpus: 2 },
        { id: 1, memory: 'pmem', capacity: `${over.pmemMiB ?? 256}MiB`, cpus: 0 },
      ],
    },
    policy: { preset, knobs: { ...over.knobs } },
    workload: workload.map((w) => ({ cpu: 0, ...w })),
    run: { durationMs: 1000, tickMs: 10, sampleEveryMs: 50, seed: 11, ...over.run },
  };
  const parsed = parseScenario(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}
