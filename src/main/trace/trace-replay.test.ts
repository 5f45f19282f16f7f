import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import { attachTraces } from './attach.ts';
import { LS_TRACE, lsOracle } from '../../../tests/fixtures/lackey.ts';
import { runToEnd } from '../../../tests/support/engine/scenarios.ts';

async function traceScenario(knobs: Record<string, unknown>, dram = '160KiB'): Promise<ResolvedScenario> {
  const p = parseScenario({
    format: 'tierlab.scenario/1',
    name: 'ls',
    machine: {
      pageSize: '4KiB',
      nodes: [
        { id: 0, memory: 'dram', capacity: dram, cpus: 1 },
        { id: 1, memory: 'pmem', capacity: '2MiB', cpus: 0 },
      ],
    },
    policy: { preset: 'linux', knobs: { min_free_kbytes: 128, ...knobs } },
    workload: [{ name: 'ls', type: 'trace', file: LS_TRACE, repeats: 20 }],
    run: { durationMs: 6000, tickMs: 10, sampleEveryMs: 100, seed: 1 },
  });
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  await attachTraces(p.scenario);
  return p.scenario;
}

describe('trace replay', () => {
  it('reports the trace counts of the fixture exactly as its oracle', async () => {
    const r = runToEnd(await traceScenario({}));
    const t = r.tasks[0]!.trace!;
    const { capacities, ...counts } = lsOracle();
    expect(capacities).toHaveLength(3);
    expect(t).toMatchObject(counts);
    expect(r.tasks[0]!.references).toBe(counts.pageRefs * 20);
  });

  it('never beats the optimal placement at the same fast-tier capacity, whatever the policy', async () => {
    for (const knobs of [
      {},
      { demotion_enabled: true },
      { demotion_enabled: true, numa_balancing: 2, scan_delay_ms: 0 },
    ]) {
      const r = runToEnd(await traceScenario(knobs));
      const t = r.tasks[0]!;
      expect(t.trace!.fastTierPages).toBe(40);
      expect(t.fastTierHitRatio).toBeGreaterThan(0);
      expect(t.fastTierHitRatio).toBeLessThanOrEqual(t.trace!.optimalFastTierHitRatio);
    }
  });
});
