import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../shared/result.ts';
import { createSimulation } from '../../sim/simulation.ts';
import { hotset, moverScenario } from '../../../../tests/support/engine/mover-scenario.ts';

/**
 * A cold 40 MiB filler takes DRAM first; a 64 MiB hot set spills into PMEM, its hot quarter (95%
 * of its references) at the tail, in PMEM. At load 0.2 it makes ~2 M references/s, and one sample
 * in 20 loads is ~80,000 samples/s.
 */
const fillerThenHot = [
  { name: 'filler', type: 'usemem', size: '40MiB', repeats: 1 },
  hotset('hot', 64, { startMs: 100, hotPosition: 'tail', load: 0.2 }),
];
const DURATION_MS = 1500;

function run(engine: 'exact' | 'rate', knobs: Record<string, unknown> = {}): RunResult {
  const all = { hybridtier_sample_period: 20, ...knobs };
  const s = moverScenario('hybridtier', fillerThenHot, {
    knobs: all,
    run: { engine, durationMs: DURATION_MS },
  });
  const sim = createSimulation(s);
  sim.advance(DURATION_MS);
  return sim.result(0);
}

const moved = (r: RunResult, from: number, to: number) =>
  r.migrations.filter((m) => m.from === from && m.to === to).reduce((n, m) => n + m.pages, 0);

describe.each(['exact', 'rate'] as const)('the hybridtier preset (%s engine)', (engine) => {
  it('brings the hot quarter into DRAM and the cold filler out, by move_pages alone', () => {
    const r = run(engine);
    const [filler, hot] = r.tasks;
    // The hot quarter is 4096 pages, all in PMEM at first: the hit ratio would be 5% left there.
    // The cold walk goes in address order, so the filler (10,240 pages in DRAM) makes the room.
    expect(hot!.fastTierHitRatio).toBeGreaterThan(0.6);
    expect(filler!.residentPages['0']!).toBeLessThan(10240 - 3000);
    // A user-space runtime's moves are plain migrations: no pgpromote_* or pgdemote_*.
    expect(r.vmstat.pgpromote_success).toBe(0);
    expect(r.vmstat.pgdemote_kswapd! + r.vmstat.pgdemote_direct!).toBe(0);
    expect(r.migrations.every((m) => m.reason === 'daemon')).toBe(true);
    expect(moved(r, 1, 0)).toBe(r.vmstat.hybridtier_promoted);
    expect(moved(r, 0, 1)).toBe(r.vmstat.hybridtier_demoted);
    expect(r.vmstat.hybridtier_samples!).toBeGreaterThan(0);
  });

  it('promotes nothing when no page can reach either threshold in a window', () => {
    // 15 is the most a 4-bit counter holds, but at one sample per 10^7 loads no page gets there.
    const r = run(engine, { hybridtier_sample_period: 10_000_000 });
    expect(r.vmstat.hybridtier_promoted).toBe(0);
  });
});

describe('the hybridtier preset, twice', () => {
  it.each(['exact', 'rate'] as const)(
    'gives byte-identical results for the same scenario and seed (%s)',
    (engine) => {
      expect(JSON.stringify(run(engine))).toBe(JSON.stringify(run(engine)));
    },
  );
});
