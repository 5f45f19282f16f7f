// NOMAD end to end, in both engines: a uniform working set past an 8 MiB DRAM node that NUMA
// balancing keeps promoting while reclaim keeps demoting (4 simulated seconds, so promotions soon
// outnumber DRAM's first pages and promoted pages come up for demotion with their shadows).
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../shared/result.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import { ENGINES, runToEnd } from '../../../tests/support/engine/scenarios.ts';
import type { RunEngine } from '../../shared/scenario/resolved.ts';

interface Setup {
  pmemMiB: number;
  sizeMiB: number;
  readRatio: number;
  knobs?: Record<string, unknown>;
}

function run(engine: RunEngine, { pmemMiB, sizeMiB, readRatio, knobs = {} }: Setup): RunResult {
  const parsed = parseScenario({
    format: 'tierlab.scenario/1',
    name: 'nomad past DRAM',
    machine: {
      pageSize: '4KiB',
      nodes: [
        { id: 0, memory: 'dram', capacity: '8MiB', cpus: 2 },
        { id: 1, memory: 'pmem', capacity: `${pmemMiB}MiB`, cpus: 0 },
      ],
    },
    policy: { preset: 'nomad', knobs: { scan_delay_ms: 0, ...knobs } },
    workload: [
      { name: 'w', cpu: 0, type: 'hotset', size: `${sizeMiB}MiB`, distribution: 'uniform', readRatio },
    ],
    run: { durationMs: 4000, tickMs: 10, sampleEveryMs: 100, seed: 3, engine },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return runToEnd(parsed.scenario);
}

const v = (r: RunResult, name: string): number => r.vmstat[name as keyof typeof r.vmstat] ?? 0;
const readOnly: Setup = { pmemMiB: 32, sizeMiB: 10, readRatio: 1 };

describe.each(ENGINES)('%s engine', (engine) => {
  it('read-only: every promotion commits, keeps its shadow, and some demotions remap to one', () => {
    const r = run(engine, readOnly);
    expect(v(r, 'nomad_tpm_commit')).toBeGreaterThan(500);
    expect(v(r, 'nomad_tpm_commit')).toBe(v(r, 'pgpromote_success'));
    expect(v(r, 'nomad_tpm_abort')).toBe(0);
    expect(v(r, 'nomad_shadow_wp_free')).toBe(0);
    expect(v(r, 'nomad_shadow_demote')).toBeGreaterThan(20);
    // Every shadow made is still held, or was used by a demotion (PMEM is not short here).
    expect(v(r, 'nr_nomad_shadow') + v(r, 'nomad_shadow_demote')).toBe(v(r, 'nomad_tpm_commit'));
  });

  it('with writes: writes free shadows at their write-protect fault; few land in a 0.6 us copy', () => {
    const r = run(engine, { ...readOnly, readRatio: 0.7 });
    expect(v(r, 'nomad_shadow_wp_free')).toBeGreaterThan(0);
    // Each of 2560 pages is written some hundreds of times a second: 1 - e^(-rate x 620.6 ns) is
    // well under 1% of copies (a 100 us window would abort several in ten).
    expect(v(r, 'nomad_tpm_abort')).toBeLessThan(v(r, 'nomad_tpm_commit') / 100);
    expect(v(r, 'nr_nomad_shadow') + v(r, 'nomad_shadow_demote') + v(r, 'nomad_shadow_wp_free')).toBe(
      v(r, 'nomad_tpm_commit'),
    );
    expect(v(r, 'nr_nomad_shadow')).toBeLessThan(v(run(engine, readOnly), 'nr_nomad_shadow'));
  });

  it('a slow node short of memory frees shadows when it reclaims, before anything else', () => {
    const r = run(engine, { pmemMiB: 8, sizeMiB: 11, readRatio: 1 });
    expect(v(r, 'nomad_shadow_reclaim')).toBeGreaterThan(0);
    expect(v(r, 'oom_kill')).toBe(0);
    expect(v(r, 'nr_nomad_shadow') + v(r, 'nomad_shadow_demote') + v(r, 'nomad_shadow_reclaim')).toBe(
      v(r, 'nomad_tpm_commit'),
    );
  });

  it('without shadows it promotes exclusively: no shadow counters move', () => {
    const r = run(engine, { ...readOnly, knobs: { nomad_shadow_enabled: false } });
    expect(v(r, 'nomad_tpm_commit')).toBeGreaterThan(0);
    expect(v(r, 'nr_nomad_shadow') + v(r, 'nomad_shadow_demote') + v(r, 'nomad_shadow_reclaim')).toBe(0);
  });
});
