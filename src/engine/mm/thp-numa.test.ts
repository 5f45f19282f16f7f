import { describe, expect, it } from 'vitest';
import { STAT, NR_COUNTERS } from '../../shared/vmstat.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { buildWorld } from '../sim/setup.ts';
import { handleFault } from './fault.ts';
import { folioNrPages } from './folio.ts';
import type { Kernel } from './kernel.ts';
import { lruSize } from './lru.ts';
import { makeAllocPolicy } from './page-alloc.ts';
import { taskNumaWork } from './numa-balancing.ts';
import { doNumaPage } from './numa-hint-fault.ts';
import { pageToNid } from './mem-state.ts';
import { LRU_INACTIVE_ANON, PG } from './page-flags.ts';

// A 4 MiB usemem (two PMD ranges) whose THPs sit on PMEM (node 1); its CPU is on DRAM (node 0).
const HPAGE = 512;

/** `watermark_scale_factor` 1000 puts DRAM's promo mark 1638 pages above high: room for a THP. */
function thpsOnPmem(knobs: Record<string, unknown> = {}) {
  const s = twoTierScenario({
    knobs: { numa_balancing: 2, watermark_scale_factor: 1000, ...knobs },
    workload: { size: '4MiB', thp: true },
    run: { engine: 'exact' },
  });
  const { k, tasks } = buildWorld(s);
  const onPmem = makeAllocPolicy(k.m.nrNodes, 0, { mode: 'bind', nodes: [1], flags: [] });
  const heads = [0, HPAGE].map((v) => handleFault(k, onPmem, v, false, false, () => false));
  return { k, p: tasks[0]!.policy, heads };
}

const stat = (k: Kernel, name: keyof typeof STAT) =>
  k.stats[STAT[name]]! + k.stats[NR_COUNTERS + STAT[name]]!;

describe('NUMA balancing of THPs (change_huge_pmd, do_huge_pmd_numa_page)', () => {
  it('makes each PMD PROT_NONE in one update that counts its 512 pages', () => {
    const { k, heads } = thpsOnPmem();
    taskNumaWork(k, k.mms[0]!, k.numab.mm[0]!, 1000, 0);
    expect(stat(k, 'numa_huge_pte_updates')).toBe(2);
    expect(stat(k, 'numa_pte_updates')).toBe(2 * HPAGE);
    for (const h of heads) expect(k.m.flags[h]! & PG.protnone).toBe(PG.protnone);
  });

  it('promotes a hot THP whole on one hint fault, counting its pages as promoted', () => {
    const { k, p, heads } = thpsOnPmem();
    taskNumaWork(k, k.mms[0]!, k.numab.mm[0]!, 1000, 0);
    // Scanned at 1000 ms, touched at 1100 ms: under the 1000 ms hot threshold.
    const dst = doNumaPage(k, p, 0, heads[0]!, 1100);
    expect(pageToNid(k.m, dst)).toBe(0);
    expect(folioNrPages(k.m, dst)).toBe(HPAGE);
    for (let v = 0; v < HPAGE; v++) expect(k.m.pte[v]).toBe(dst + 1);
    expect(stat(k, 'numa_hint_faults')).toBe(1);
    expect(stat(k, 'pgpromote_candidate')).toBe(HPAGE);
    expect(stat(k, 'pgpromote_success')).toBe(HPAGE);
    expect(stat(k, 'numa_pages_migrated')).toBe(HPAGE);
    expect(stat(k, 'thp_migration_success')).toBe(1);
    expect(lruSize(k.m, 0, LRU_INACTIVE_ANON)).toBe(HPAGE);
    expect(k.resident[0]).toBe(HPAGE);
  });

  it('does not split a misplaced THP the fast node cannot take, and wakes its kswapd at order 9', () => {
    // At the default scale factor DRAM's marks are 36 pages apart (min / 4 = 147 / 4): kswapd's
    // order-0 goal, promo = high + 36, would never leave room for high + 512; at order 9 it does.
    const { k, p, heads } = thpsOnPmem({ watermark_scale_factor: 10 });
    taskNumaWork(k, k.mms[0]!, k.numab.mm[0]!, 1000, 0);
    k.m.nrFree[0] = k.layout.watermarks[0]!.high + HPAGE; // just short: the check wants more
    const after = doNumaPage(k, p, 0, heads[0]!, 1100);
    expect(after).toBe(heads[0]);
    expect(stat(k, 'thp_split_page')).toBe(0);
    expect(stat(k, 'pgpromote_success')).toBe(0);
    expect(stat(k, 'pgmigrate_fail')).toBe(HPAGE);
    expect(k.m.flags[heads[0]!]! & PG.protnone).toBe(0);
    expect([k.kswapd[0]!.awake, k.kswapd[0]!.order]).toEqual([true, 9]);
  });
});
