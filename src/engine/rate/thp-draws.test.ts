import { describe, expect, it } from 'vitest';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { buildWorld } from '../sim/setup.ts';
import { handleFault } from '../mm/fault.ts';
import { syncAccessBits } from '../mm/reference-model.ts';
import { PG } from '../mm/page-flags.ts';

// A uniform 64 MiB hot set (16384 pages, p = 1/16384 each) with THPs, in the rate engine.

function thpWorld() {
  const s = twoTierScenario({
    workload: { type: 'hotset', size: '64MiB', distribution: 'uniform', thp: true },
    run: { engine: 'rate' },
  });
  const { k, tasks, rate } = buildWorld(s);
  const t = tasks[0]!;
  const head = handleFault(k, t.policy, 0, false, false, () => false);
  const d = rate!.domainFor(k, t.draws!.law, 0);
  k.m.flags[head] = k.m.flags[head]! & ~PG.young;
  return { k, d, head };
}

describe('the accessed bit of a THP in the rate engine', () => {
  it("is the PMD's: touched by a draw of any of its 512 pages (p summed over the folio)", () => {
    const { k, d, head } = thpWorld();
    // 800 draws: one page alone is missed with probability e^(-800/16384) = 0.95, but the folio's
    // 512 pages are missed together only with e^(-800 * 512/16384) = e^-25 (about 1e-11).
    d.drawn += 800;
    syncAccessBits(k, head);
    expect(k.m.flags[head]! & PG.young).toBe(PG.young);
  });
});
