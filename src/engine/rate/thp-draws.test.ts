import { describe, expect, it } from 'vitest';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { buildWorld } from '../sim/setup.ts';
import { handleFault } from '../mm/fault.ts';
import { syncAccessBits } from '../mm/reference-model.ts';
import { PG } from '../mm/page-flags.ts';
import { changeHugePmdNuma, restoreHugePmd } from '../mm/thp-numa.ts';
import { pageToNid } from '../mm/mem-state.ts';

// A uniform 64 MiB hot set (16384 pages, p = 1/16384 each) with THPs, in the rate engine.

function thpWorld(size = '64MiB') {
  const s = twoTierScenario({
    workload: { type: 'hotset', size, distribution: 'uniform', thp: true },
    run: { engine: 'rate' },
  });
  const { k, tasks, rate } = buildWorld(s);
  const t = tasks[0]!;
  const head = handleFault(k, t.policy, 0, false, false, () => false);
  const d = rate!.domainFor(k, t.draws!.law, 0, t.policy.localNode, k.nowNs);
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

describe('the next touch of a PROT_NONE THP in the rate engine', () => {
  it('comes after Exp(p summed over the folio) draws: a mean of 1 for a 2 MiB uniform hot set', () => {
    // One THP is the whole region: 512 pages of p = 1/512, so the folio has p = 1.
    const { k, d, head } = thpWorld('2MiB');
    const node = pageToNid(k.m, head);
    const cycles = 1000;
    let sum = 0;
    for (let c = 0; c < cycles; c++) {
      // task_numa_work's change_huge_pmd(), then do_huge_pmd_numa_page() at the folio's next
      // touch: the first of its 512 pages' waits (the 511 left from the last cycle stay valid).
      changeHugePmdNuma(k, head);
      k.m.flags[head] = k.m.flags[head]! | PG.protnone;
      const scannedAt = d.drawn;
      const key = d.nextWait(k);
      d.drawn = key;
      d.popWait();
      sum += key - scannedAt;
      k.m.flags[head] = k.m.flags[head] & ~PG.protnone;
      restoreHugePmd(k, head, node);
    }
    // Exp(1) has mean 1 and standard deviation 1: 1000 cycles' mean has a standard error of
    // 1/sqrt(1000) = 0.032. A wait on one page's p alone would average 512 draws.
    expect(Math.abs(sum / cycles - 1)).toBeLessThan(4 * 0.032);
  });
});
