import { describe, expect, it } from 'vitest';
import { buildWorld } from '../sim/setup.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { freeWorkloadMemory } from '../sim/oom.ts';
import { handleFault } from './fault.ts';
import { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE, pageblockOf } from './free-area.ts';
import { pageCacheDeleted } from './kmem.ts';
import type { Kernel } from './kernel.ts';

const alive = () => false;

function world(workload: Record<string, unknown>, preset = 'linux') {
  const s = twoTierScenario({ workload });
  s.policy.preset = preset;
  const { k, tasks } = buildWorld(s);
  return { k, policy: tasks[0]!.policy };
}

const typeOf = (k: Kernel, pfn: number) => k.m.area.type[pageblockOf(k.m.area, 0, 0, pfn)];

describe('page-table pages', () => {
  it('come one per 512 mapped pages, from an unmovable pageblock, and count in nr_page_table_pages', () => {
    const { k, policy } = world({ size: '96MiB' });
    for (let v = 0; v < 1024; v++) handleFault(k, policy, v, true, false, alive);
    expect(k.kmem.nrPageTablePages[0]).toBe(2);
    handleFault(k, policy, 1024, true, false, alive);
    expect(k.kmem.nrPageTablePages[0]).toBe(3);
    expect(k.m.nrFree[0]).toBe(16384 - 1025 - 3);
    expect(typeOf(k, k.kmem.pteTable[0]!)).toBe(MIGRATE_UNMOVABLE);
    // The user pages stay out of the page tables' pageblock.
    expect(typeOf(k, k.m.pte[0]! - 1)).not.toBe(MIGRATE_UNMOVABLE);
  });

  it('are freed with the rest of the memory at exit, and not before', () => {
    const { k, policy } = world({ size: '96MiB' });
    for (let v = 0; v < 600; v++) handleFault(k, policy, v, true, false, alive);
    freeWorkloadMemory(k, 0);
    expect(k.kmem.nrPageTablePages[0]).toBe(0);
    expect(k.m.nrFree[0]).toBe(16384);
  });
});

describe("page-table pages under Wu's series (patches 11-12)", () => {
  const pmemBound = { size: '8MiB', mempolicy: { mode: 'bind', nodes: [1] } };

  it('follow the task policy in mainline: a task bound to PMEM gets its page tables there', () => {
    const { k, policy } = world(pmemBound);
    for (let v = 0; v < 1024; v++) handleFault(k, policy, v, true, false, alive);
    expect([k.kmem.nrPageTablePages[0], k.kmem.nrPageTablePages[1]]).toEqual([0, 2]);
  });

  it('come from DRAM in wu-2018-daemon, whatever node the task is bound to', () => {
    const { k, policy } = world(pmemBound, 'wu-2018-daemon');
    for (let v = 0; v < 1024; v++) handleFault(k, policy, v, true, false, alive);
    expect([k.kmem.nrPageTablePages[0], k.kmem.nrPageTablePages[1]]).toEqual([2, 0]);
    // The user pages still follow the bind.
    expect(k.m.nrFree[1]).toBe(32768 - 1024);
    expect(k.m.nrFree[0]).toBe(16384 - 2);
  });
});

describe('page-cache slab (xarray nodes)', () => {
  it('takes a reclaimable slab page per 448 cached pages (64 slots a node, 7 nodes a page) and frees it with them', () => {
    const { k, policy } = world({ type: 'grep', corpus: '8MiB' });
    const r = k.vmas.file.indexOf(true);
    const base = k.vmas.base[r]!;
    for (let i = 0; i < 448; i++) handleFault(k, policy, base + i, false, true, alive);
    expect(k.kmem.nrSlabReclaimable[0]).toBe(1);
    const slab = k.kmem.slabTop[0]!;
    expect(typeOf(k, slab)).toBe(MIGRATE_RECLAIMABLE);
    handleFault(k, policy, base + 448, false, true, alive);
    expect(k.kmem.nrSlabReclaimable[0]).toBe(2);
    pageCacheDeleted(k, base + 448);
    expect(k.kmem.nrSlabReclaimable[0]).toBe(1);
    expect(k.m.nrFree[0]).toBe(16384 - 449 - 1);
  });
});
