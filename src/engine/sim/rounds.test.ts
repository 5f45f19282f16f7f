import { describe, expect, it } from 'vitest';
import { cutRound, FINE_ROUND_NS } from '../mm/kernel.ts';
import { SHORT_SLEEP_NS, wakeupKswapd } from '../mm/kswapd.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { buildWorld } from './setup.ts';
import { napping, planRound, QUIET_ROUND_NS, type RoundPlanner } from './rounds.ts';
import { createSimulation } from './simulation.ts';
import { TaskState } from './task.ts';

const kernel = () => buildWorld(twoTierScenario({ workload: { size: '32MiB' } })).k;

describe('rounds of turns', () => {
  it('a cut ends a long round at the first fine boundary after it', () => {
    const k = kernel();
    k.round = { startNs: 5_000_000, endNs: 6_000_000 };
    cutRound(k, 5_250_000);
    expect(k.round.endNs).toBe(5_300_000); // 250 us in: the third 100 us boundary
    cutRound(k, 5_280_000);
    expect(k.round.endNs).toBe(5_300_000); // a later cut in the same fine round changes nothing
  });

  it('a cut exactly on a fine boundary inside a long round lets the fine round starting there run', () => {
    const k = kernel();
    k.round = { startNs: 0, endNs: 1_000_000 };
    cutRound(k, 300_000);
    expect(k.round.endNs).toBe(400_000);
  });

  it('a cut at the very start of a round still lets it last one fine round', () => {
    const k = kernel();
    k.round = { startNs: 0, endNs: 1_000_000 };
    cutRound(k, 0);
    expect(k.round.endNs).toBe(FINE_ROUND_NS);
  });

  it('a cut outside the round, or in a fine round, leaves its end alone', () => {
    const k = kernel();
    k.round = { startNs: 1_000_000, endNs: 1_100_000 };
    cutRound(k, 1_050_000);
    cutRound(k, 999_000);
    cutRound(k, 1_200_000);
    expect(k.round.endNs).toBe(1_100_000);
  });

  it("waking kswapd cuts the round at the waker's time", () => {
    const k = kernel();
    k.m.nrFree[0] = k.layout.watermarks[0]!.min; // below high: not balanced, so kswapd wakes
    k.round = { startNs: 0, endNs: 1_000_000 };
    k.nowNs = 420_000;
    wakeupKswapd(k, 0);
    expect(k.kswapd[0]!.awake).toBe(true);
    expect(k.round.endNs).toBe(500_000);
  });
});

/** A world with kswapd 0 asleep since sleptAtNs (-1: never) and its one thread drawing: nothing else runs. */
function nappingWorld(sleptAtNs: number) {
  const world = buildWorld(
    twoTierScenario({ workload: { type: 'hotset', size: '32MiB' }, run: { engine: 'rate' } }),
  );
  const t = world.tasks[0]!;
  t.state = TaskState.Running;
  const populate = t.draws!.sequentialLeft(); // past the populate pass, to its draws
  t.source.fill(new Uint32Array(populate), populate, 0);
  world.k.kswapd[0]!.sleptAtNs = sleptAtNs;
  return world;
}

describe('rounds while kswapd naps (rate engine)', () => {
  const start = 200_000_000; // 200 ms
  it('a nap that ends inside a quiet round ends the round at the fine boundary after the nap', () => {
    // Asleep at 100.45 ms: the nap (100 ms) is over at 200.45 ms, first seen at the 200.5 ms boundary.
    const world = nappingWorld(start - SHORT_SLEEP_NS + 450_000);
    const step = planRound(world, start, start + 10_000_000);
    expect(world.k.round).toEqual({ startNs: start, endNs: start + 500_000 });
    expect(step).toBe(FINE_ROUND_NS);
  });

  it('a nap that ends exactly on a boundary ends the round there', () => {
    const world = nappingWorld(start - SHORT_SLEEP_NS + 300_000);
    planRound(world, start, start + 10_000_000);
    expect(world.k.round.endNs).toBe(start + 300_000);
  });

  it('a nap that lasts past the round leaves it a whole quiet round, taken in fine steps', () => {
    const world = nappingWorld(start - 20_000_000);
    expect(planRound(world, start, start + 10_000_000)).toBe(FINE_ROUND_NS);
    expect(world.k.round.endNs).toBe(start + QUIET_ROUND_NS);
  });

  it('without a nap one drawing thread takes a quiet round in one go', () => {
    const world = nappingWorld(-1);
    expect(planRound(world, start, start + 10_000_000)).toBe(Infinity);
    expect(world.k.round.endNs).toBe(start + QUIET_ROUND_NS);
  });

  it('a round never runs past its tick', () => {
    const world = nappingWorld(-1);
    planRound(world, start, start + 400_000);
    expect(world.k.round.endNs).toBe(start + 400_000);
  });

  it('gives byte-identical results to fine rounds for as long as kswapd naps', () => {
    // A swap-heavy hot set: kswapd wakes, reclaims, naps and is woken again all through the run.
    const s = twoTierScenario({
      knobs: { demotion_enabled: false },
      workload: { type: 'hotset', size: '200MiB', distribution: 'zipf' },
      run: { engine: 'rate', durationMs: 2000 },
    });
    let napRounds = 0;
    const counting: RoundPlanner = (world, startNs, tickEndNs) => {
      const step = planRound(world, startNs, tickEndNs);
      if (world.k.kswapd.some((k) => napping(k, startNs)) && world.k.round.endNs - startNs > FINE_ROUND_NS)
        napRounds++;
      return step;
    };
    // The reference: every round in which a kswapd naps is one fine round, as before quiet rounds.
    const fineWhileNapping: RoundPlanner = (world, startNs, tickEndNs) => {
      const step = planRound(world, startNs, tickEndNs);
      if (world.k.kswapd.some((k) => napping(k, startNs)))
        world.k.round.endNs = Math.min(startNs + FINE_ROUND_NS, tickEndNs);
      return step;
    };
    const run = (plan: RoundPlanner) => {
      const sim = createSimulation(s, plan);
      sim.advance(s.run.durationMs);
      return sim.result(0);
    };
    const coarse = run(counting);
    expect(napRounds).toBeGreaterThan(100);
    expect(coarse.vmstat.pswpin).toBeGreaterThan(0);
    expect(JSON.stringify(coarse)).toBe(JSON.stringify(run(fineWhileNapping)));
  });
});
