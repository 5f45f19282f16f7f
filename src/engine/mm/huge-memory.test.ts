import { describe, expect, it } from 'vitest';
import { stat } from '../../../tests/support/engine/kernel-pages.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { buildWorld } from '../sim/setup.ts';
import { freePgtables } from './kmem.ts';
import { handleFault } from './fault.ts';
import { findWholeFreeBlock, MIGRATE_MOVABLE, nrFreePageblocks, takeFromBlock } from './free-area.ts';
import { folioNrPages } from './folio.ts';
import { splitHugePage, zapHugePmd } from './huge-memory.ts';
import type { Kernel } from './kernel.ts';
import { lruSize } from './lru.ts';
import { NIL, PTE_NONE } from './mem-state.ts';
import { makeAllocPolicy, type AllocPolicy } from './page-alloc.ts';
import { LRU_INACTIVE_ANON, PG } from './page-flags.ts';

// twoTierScenario: DRAM 64 MiB (16384 frames, 32 pageblocks of 512) + PMEM 128 MiB (64 pageblocks).
const HPAGE = 512;
const never = () => false;

function world(knobs: Record<string, unknown> = {}, workload: Record<string, unknown> = { thp: true }) {
  const { k } = buildWorld(twoTierScenario({ knobs, workload: { size: '8MiB', ...workload } }));
  const p = makeAllocPolicy(k.m.nrNodes, 0, { mode: 'default', nodes: [], flags: [] });
  return { k, p };
}

/** Leaves node n no wholly free pageblock: one frame taken from each (free base pages stay). */
function fragment(k: Kernel, n: number): void {
  for (let b = findWholeFreeBlock(k.m.area, n); b >= 0; b = findWholeFreeBlock(k.m.area, n)) {
    takeFromBlock(k.m.area, k.m.lruNext, k.m.nodeStart[n]!, n, b, MIGRATE_MOVABLE);
    k.m.nrFree[n]!--;
  }
}

function fault(k: Kernel, p: AllocPolicy, vpage: number): number {
  return handleFault(k, p, vpage, true, false, never);
}

describe('the THP fault (do_huge_pmd_anonymous_page)', () => {
  it('maps a whole PMD range with one 2 MiB folio, counted as 512 pages on the LRU', () => {
    const { k, p } = world();
    const head = fault(k, p, 5);
    expect(stat(k, 0, 'thp_fault_alloc')).toBe(1);
    expect(stat(k, 0, 'pgfault')).toBe(1);
    expect(folioNrPages(k.m, head)).toBe(HPAGE);
    expect((head - k.m.nodeStart[0]!) % HPAGE).toBe(0);
    for (let v = 0; v < HPAGE; v++) expect(k.m.pte[v]).toBe(head + 1);
    expect(k.m.pte[HPAGE]).toBe(PTE_NONE);
    expect(lruSize(k.m, 0, LRU_INACTIVE_ANON)).toBe(HPAGE);
    expect(k.resident[0]).toBe(HPAGE);
    // 16384 frames less the THP and the page-table page, which took a pageblock of its own.
    expect(k.m.nrFree[0]).toBe(16384 - HPAGE - 1);
    expect(nrFreePageblocks(k.m.area, 0)).toBe(32 - 2);
  });

  it('gives a workload without MADV_HUGEPAGE base pages under "madvise", and THPs under "always"', () => {
    const madvise = world({}, {});
    fault(madvise.k, madvise.p, 0);
    expect(stat(madvise.k, 0, 'thp_fault_alloc') + stat(madvise.k, 0, 'thp_fault_fallback')).toBe(0);
    expect(lruSize(madvise.k.m, 0, LRU_INACTIVE_ANON)).toBe(1);
    const always = world({ transparent_hugepage: 'always' }, {});
    fault(always.k, always.p, 0);
    expect(stat(always.k, 0, 'thp_fault_alloc')).toBe(1);
    const off = world({ transparent_hugepage: 'never' });
    fault(off.k, off.p, 0);
    expect(stat(off.k, 0, 'thp_fault_alloc')).toBe(0);
  });

  it('falls back to a base page, counting thp_fault_fallback, when no node has a free pageblock', () => {
    const { k, p } = world();
    fragment(k, 0);
    fragment(k, 1);
    const pfn = fault(k, p, 0);
    expect(pfn).not.toBe(NIL);
    expect(folioNrPages(k.m, pfn)).toBe(1);
    expect(stat(k, 0, 'thp_fault_fallback')).toBe(1);
    expect(k.m.pte[1]).toBe(PTE_NONE);
  });

  it('does not try a huge page once a page of the range is mapped (the PMD has a PTE table)', () => {
    const { k, p } = world();
    k.thpAllowed[0] = 0;
    fault(k, p, 7);
    k.thpAllowed[0] = 1;
    fault(k, p, 8);
    expect(stat(k, 0, 'thp_fault_alloc') + stat(k, 0, 'thp_fault_fallback')).toBe(0);
    expect(lruSize(k.m, 0, LRU_INACTIVE_ANON)).toBe(2);
  });

  it('maps only ranges that lie wholly inside the VMA', () => {
    // 9 MiB: PMD ranges 0..3 are whole; the last 1 MiB (256 pages) can only have base pages.
    const { k, p } = world({}, { thp: true, size: '9MiB' });
    fault(k, p, 4 * HPAGE + 3);
    expect(stat(k, 0, 'thp_fault_alloc') + stat(k, 0, 'thp_fault_fallback')).toBe(0);
  });
});

describe('split_huge_page and freeing a THP', () => {
  it('splits into 512 base pages in the same frames, each with the PMD bits, on the same LRU', () => {
    const { k, p } = world();
    const head = fault(k, p, 0);
    splitHugePage(k, head);
    expect(stat(k, 0, 'thp_split_page')).toBe(1);
    expect(folioNrPages(k.m, head)).toBe(1);
    expect(lruSize(k.m, 0, LRU_INACTIVE_ANON)).toBe(HPAGE);
    for (let i = 0; i < HPAGE; i++) {
      expect(k.m.pte[i]).toBe(head + i + 1);
      expect(k.m.owner[head + i]).toBe(i);
      expect(k.m.flags[head + i]! & (PG.lru | PG.young | PG.dirty)).toBe(PG.lru | PG.young | PG.dirty);
    }
  });

  it('frees a THP at exit as one whole pageblock', () => {
    const { k, p } = world();
    const head = fault(k, p, 0);
    zapHugePmd(k, head);
    freePgtables(k, 0);
    expect(k.m.nrFree[0]).toBe(16384);
    expect(stat(k, 0, 'pgfree')).toBe(HPAGE); // the folio's pages; free_pgtables counts none
    expect(lruSize(k.m, 0, LRU_INACTIVE_ANON)).toBe(0);
    expect(k.resident[0]).toBe(0);
    for (let v = 0; v < HPAGE; v++) expect(k.m.pte[v]).toBe(PTE_NONE);
  });
});
