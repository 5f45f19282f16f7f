import { describe, expect, it } from 'vitest';
import { cutRound, FINE_ROUND_NS } from '../mm/kernel.ts';
import { wakeupKswapd } from '../mm/kswapd.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { buildWorld } from './setup.ts';

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
