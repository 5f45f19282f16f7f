import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../shared/result.ts';
import type { RunEngine } from '../../../shared/scenario/resolved.ts';
import { createSimulation } from '../../sim/simulation.ts';
import { hotset, moverScenario } from '../../../../tests/support/engine/mover-scenario.ts';

/** A cold 60 MiB filler takes DRAM first; a 64 MiB hot set starting at 100 ms lands in PMEM. */
const fillerThenHot = [
  { name: 'filler', type: 'usemem', size: '60MiB', repeats: 1 },
  hotset('hot', 64, { startMs: 100, load: 1 }),
];

function run(engine: RunEngine, knobs: Record<string, unknown>, durationMs: number, seed = 11): RunResult {
  const s = moverScenario('memtis', fillerThenHot, {
    knobs: { htmm_watermark_limits: false, ...knobs },
    run: { durationMs, engine, seed },
  });
  const sim = createSimulation(s);
  sim.advance(durationMs);
  return sim.result(0);
}

const moved = (r: RunResult, from: number, to: number) =>
  r.migrations
    .filter((m) => m.reason === 'memtis' && m.from === from && m.to === to)
    .reduce((n, m) => n + m.pages, 0);

describe('MEMTIS (memtis) in both engines', () => {
  it('samples one in htmm_sample_period references of each thread: exactly in exact, in mean in rate', () => {
    const period = 401;
    const exact = run('exact', { htmm_sample_period: period, ksampled_soft_cpu_quota: 0 }, 600);
    // Each thread's countdown starts at the period: floor(references / period) samples each.
    const perThread = exact.tasks.reduce((n, t) => n + Math.floor(t.references / period), 0);
    expect(exact.vmstat.htmm_nr_sampled).toBe(perThread);
    const rate = run('rate', { htmm_sample_period: period, ksampled_soft_cpu_quota: 0 }, 600);
    const mean = rate.tasks.reduce((n, t) => n + t.references, 0) / period;
    expect(Math.abs(rate.vmstat.htmm_nr_sampled! - mean)).toBeLessThanOrEqual(5 * Math.sqrt(mean) + 2);
    expect(rate.vmstat.htmm_sample_period).toBe(period);
  });

  it('promotes the hot set out of PMEM and demotes the cold filler, counting htmm_* and pgmigrate_success', () => {
    for (const engine of ['exact', 'rate'] as const) {
      // New pages start one bin above the hot threshold (2^2 at a threshold of 1): three coolings
      // make the unsampled cold. With the hot set under 75% of DRAM the warm threshold would be 0
      // and spare every page; htmm_nowarm keeps it at the hot threshold.
      const knobs = { htmm_adaptation_period: 1000, htmm_cooling_period: 4000, htmm_nowarm: true };
      const r = run(engine, knobs, 3000);
      const [filler, hot] = r.tasks;
      const promoted = moved(r, 1, 0);
      expect(promoted, engine).toBeGreaterThan(2048); // half the hot part (16 MiB) at least
      expect(promoted, engine).toBe(r.vmstat.htmm_nr_promoted);
      expect(moved(r, 0, 1), engine).toBe(r.vmstat.htmm_nr_demoted);
      expect(r.vmstat.htmm_nr_demoted, engine).toBeGreaterThan(0);
      expect(promoted + moved(r, 0, 1), engine).toBe(r.vmstat.pgmigrate_success);
      // Not a kernel promotion or demotion: no pgpromote_* / pgdemote_*.
      expect(r.vmstat.pgpromote_success, engine).toBe(0);
      expect(r.vmstat.pgdemote_kswapd, engine).toBe(0);
      expect(hot!.residentPages['0']!, engine).toBeGreaterThan(2048);
      expect(filler!.residentPages['0']! + hot!.residentPages['0']!, engine).toBeLessThanOrEqual(16384);
      expect(r.vmstat.htmm_active_threshold, engine).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives byte-identical results for the same scenario, seed and engine', () => {
    const knobs = { htmm_adaptation_period: 1000, htmm_cooling_period: 4000 };
    for (const engine of ['exact', 'rate'] as const) {
      const a = run(engine, knobs, 800, 5);
      const b = run(engine, knobs, 800, 5);
      expect(a.vmstat.htmm_nr_sampled, engine).toBeGreaterThan(1000);
      expect(JSON.stringify(a), engine).toBe(JSON.stringify(b));
    }
  });
});
