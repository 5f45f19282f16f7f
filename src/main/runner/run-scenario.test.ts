import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../shared/progress.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import { runScenario } from './run-scenario.ts';

/** Two tasks on DRAM + PMEM for 2 s, sampled every 100 ms (slices of 250 ms end between samples). */
function twoTasks() {
  const p = parseScenario({
    format: 'tierlab.scenario/1',
    name: 'progress',
    machine: {
      pageSize: '4KiB',
      nodes: [
        { id: 0, memory: 'dram', capacity: '8MiB', cpus: 2 },
        { id: 1, memory: 'pmem', capacity: '32MiB', cpus: 0 },
      ],
    },
    policy: { preset: 'linux', knobs: { demotion_enabled: true, min_free_kbytes: 128 } },
    workload: [
      { name: 'hot', type: 'hotset', size: '12MiB', cpu: 0 },
      { name: 'bound', type: 'hotset', size: '2MiB', cpu: 0, mempolicy: { mode: 'bind', nodes: [1] } },
    ],
    run: { durationMs: 2000, tickMs: 10, sampleEveryMs: 100, seed: 3 },
  });
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.scenario;
}

describe('a run’s progress reports', () => {
  it('carry each task’s references and top-tier hits as of the latest sample, as the result keeps them', () => {
    const seen: RunProgress[] = [];
    const { result } = runScenario(twoTasks(), { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(4);
    for (const p of seen) {
      expect(p.tasks.map((t) => t.name)).toEqual(['hot', 'bound']);
      // A slice ends at 250 ms steps; the latest sample is at or before it, on the 100 ms grid.
      expect(p.sampleMs).toBeLessThanOrEqual(p.simulatedMs);
      expect(p.simulatedMs - p.sampleMs).toBeLessThan(100);
      result.tasks.forEach((task, i) => {
        const at = task.residency.timesMs.indexOf(p.sampleMs);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(p.tasks[i]!.references).toBe(task.residency.references[at]);
        expect(p.tasks[i]!.fastTierHits).toBe(task.residency.fastTierHits![at]);
      });
    }
    // The task bound to PMEM never hits the top tier; the other does.
    expect(seen.at(-1)!.tasks[1]!.fastTierHits).toBe(0);
    expect(seen.at(-1)!.tasks[0]!.fastTierHits).toBeGreaterThan(0);
    expect(seen.at(-1)!.tasks[0]!.references).toBe(result.tasks[0]!.references);
  });
});
