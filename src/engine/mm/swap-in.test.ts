import { describe, expect, it } from 'vitest';
import { STAT } from '../../shared/vmstat.ts';
import type { SwapDevice } from '../../shared/scenario/resolved.ts';
import { buildWorld } from '../sim/setup.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { handleFault } from './fault.ts';
import type { Kernel } from './kernel.ts';
import { lruAdd } from './lru.ts';
import { PTE_SWAPPED, takeFreeFrame } from './mem-state.ts';
import type { AllocPolicy } from './page-alloc.ts';
import { LRU_INACTIVE_ANON, PG } from './page-flags.ts';
import { scanControl } from './scan-control.ts';
import { shrinkInactiveList } from './shrink-list.ts';
import { swapinNrPagesFor } from './swap-readahead.ts';
import { swapCachePfn } from './swap-state.ts';

/**
 * A kernel whose vpages 0..n-1 were mapped dirty on node 0 and then all swapped out, oldest first,
 * so vpage v holds swap slot v + 1 (slots are handed out in order; offset 0 is the header).
 */
function swappedOut(n: number, knobs = {}, device: SwapDevice = 'ssd'): { k: Kernel; policy: AllocPolicy } {
  const s = twoTierScenario({ knobs: { demotion_enabled: false, ...knobs } });
  const { k, tasks } = buildWorld({ ...s, machine: { ...s.machine, swap: { ...s.machine.swap!, device } } });
  for (let v = 0; v < n; v++) {
    const pfn = takeFreeFrame(k.m, 0);
    k.m.flags[pfn] = k.m.flags[pfn]! | PG.dirty;
    k.m.owner[pfn] = v;
    k.m.pte[v] = pfn + 1;
    lruAdd(k.m, pfn);
  }
  for (let left = n; left > 0; left -= 32) {
    shrinkInactiveList(k, 0, 0, Math.min(32, left), LRU_INACTIVE_ANON, scanControl('kswapd', 32));
  }
  return { k, policy: tasks[0]!.policy };
}

const stat = (k: Kernel, name: keyof typeof STAT) => k.stats[STAT[name]]!;
const fault = (k: Kernel, p: AllocPolicy, v: number, write = false) =>
  handleFault(k, p, v, write, false, () => false);
const cached = (k: Kernel, v: number) => swapCachePfn(k.m.pte[v]!) !== 0xffffffff;

describe('__swapin_nr_pages', () => {
  it('sizes the window from readahead hits as the kernel does', () => {
    expect(swapinNrPagesFor(10, 50, 0, 8, 0)).toBe(1); // no hits, not adjacent
    expect(swapinNrPagesFor(10, 11, 0, 8, 0)).toBe(2); // no hits, follows the last fault
    expect(swapinNrPagesFor(10, 9, 0, 8, 0)).toBe(2); // no hits, precedes it
    expect(swapinNrPagesFor(0, 50, 1, 8, 0)).toBe(4); // 3 rounded up to 4
    expect(swapinNrPagesFor(0, 50, 4, 8, 0)).toBe(8); // 6 rounded up to 8
    expect(swapinNrPagesFor(0, 50, 40, 8, 0)).toBe(8); // capped at 2^page-cluster
    expect(swapinNrPagesFor(0, 50, 0, 8, 8)).toBe(4); // shrinks to half the last window, no further
  });
});

describe('swap_vma_readahead (the default on an SSD)', () => {
  it('reads the 8-page window centred on a VMA first fault, and maps a neighbour as a minor fault', () => {
    const { k, policy } = swappedOut(64);
    expect(stat(k, 'pswpout')).toBe(64);
    fault(k, policy, 20);
    // No history reads as 4 hits: 6 -> 8 pages; not adjacent to vpage 0, so 3 behind and 4 ahead.
    expect(stat(k, 'pgmajfault')).toBe(1);
    expect(stat(k, 'swap_ra')).toBe(7);
    expect(stat(k, 'pswpin')).toBe(8);
    for (let v = 17; v <= 24; v++) expect(cached(k, v) || k.m.pte[v]! < PTE_SWAPPED).toBe(true);
    expect(k.m.pte[16]).toBe(PTE_SWAPPED);
    expect(k.m.pte[25]).toBe(PTE_SWAPPED);
    expect(k.swap!.nrSwapcached[0]).toBe(8);
    expect(k.swap!.nrUnmapped[0]).toBe(7); // read ahead, not mapped: not in nr_anon_pages
    fault(k, policy, 21);
    expect(k.swap!.nrUnmapped[0]).toBe(6);
    expect(stat(k, 'pgmajfault')).toBe(1);
    expect(stat(k, 'swap_ra_hit')).toBe(1);
    expect(stat(k, 'pswpin')).toBe(8);
    expect(stat(k, 'pgfault')).toBe(2);
  });

  it('reads nothing ahead with page-cluster 0', () => {
    const { k, policy } = swappedOut(64, { page_cluster: 0 });
    fault(k, policy, 20);
    expect(stat(k, 'swap_ra')).toBe(0);
    expect(stat(k, 'pswpin')).toBe(1);
  });
});

describe('swap_cluster_readahead (a rotating disk)', () => {
  it('grows its window by swap offset from the hits of the last one', () => {
    const { k, policy } = swappedOut(64, {}, 'hdd');
    // Slot 1 follows prev_offset 0: 2 pages, but the aligned pair [0, 1] has only the header besides.
    fault(k, policy, 0);
    expect(stat(k, 'swap_ra')).toBe(0);
    // Slot 2 follows slot 1: the pair [2, 3] reads slot 3 (vpage 2) ahead.
    fault(k, policy, 1);
    expect(stat(k, 'swap_ra')).toBe(1);
    expect(cached(k, 2)).toBe(true);
    fault(k, policy, 2);
    expect(stat(k, 'swap_ra_hit')).toBe(1);
    // One hit: 3 pages, rounded up to 4: slots [4, 7] around slot 4, so vpages 4..6 come ahead.
    fault(k, policy, 3);
    expect(stat(k, 'swap_ra')).toBe(4);
    for (let v = 4; v <= 6; v++) expect(cached(k, v)).toBe(true);
    expect(k.m.pte[7]).toBe(PTE_SWAPPED);
    expect(stat(k, 'pgmajfault')).toBe(3);
  });
});

describe('the swap cache after swap-in', () => {
  it('keeps the slot of a page read back, so reclaiming it again while clean writes nothing', () => {
    const { k, policy } = swappedOut(32, { page_cluster: 0 });
    const pfn = fault(k, policy, 5);
    expect(k.swap!.usedPages).toBe(32);
    expect(k.swap!.nrSwapcached[0]).toBe(1);
    k.m.flags[pfn] = k.m.flags[pfn]! & ~PG.young; // not touched since
    shrinkInactiveList(k, 0, 0, 1, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(k.m.pte[5]).toBe(PTE_SWAPPED);
    expect(stat(k, 'pswpout')).toBe(32);
    expect(k.swap!.usedPages).toBe(32);
    expect(k.swap!.nrSwapcached[0]).toBe(0);
  });

  it('frees the slot on a write fault, so the page is written out again when reclaimed', () => {
    const { k, policy } = swappedOut(32, { page_cluster: 0 });
    const pfn = fault(k, policy, 5, true);
    expect(k.swap!.usedPages).toBe(31);
    expect(k.swap!.nrSwapcached[0]).toBe(0);
    k.m.flags[pfn] = k.m.flags[pfn]! & ~PG.young;
    shrinkInactiveList(k, 0, 0, 1, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(stat(k, 'pswpout')).toBe(33);
    expect(k.swap!.usedPages).toBe(32);
  });

  it('writes a page that was dirtied after a read fault, into the slot it kept', () => {
    const { k, policy } = swappedOut(32, { page_cluster: 0 });
    const pfn = fault(k, policy, 5);
    k.m.flags[pfn] = (k.m.flags[pfn]! & ~PG.young) | PG.dirty; // written through the kept mapping
    shrinkInactiveList(k, 0, 0, 1, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(stat(k, 'pswpout')).toBe(33);
    expect(k.swap!.usedPages).toBe(32);
  });

  it('gives the slot back on a read fault once swap is more than half full (vm_swap_full)', () => {
    // 64 MiB of swap is 16384 slots; 8200 in use is more than half.
    const { k, policy } = swappedOut(8200, { page_cluster: 0 });
    fault(k, policy, 5);
    expect(k.swap!.usedPages).toBe(8199);
    expect(k.swap!.nrSwapcached[0]).toBe(0);
  });

  it('drops an unused readahead page without a write and keeps its slot', () => {
    const { k, policy } = swappedOut(64);
    fault(k, policy, 20);
    const ahead = swapCachePfn(k.m.pte[24]!);
    // Everything on node 0's inactive anon list: the seven readahead pages sit behind the faulted one.
    shrinkInactiveList(k, 0, 0, 32, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(k.m.owner[ahead]).toBe(0xffffffff);
    expect(k.m.pte[24]).toBe(PTE_SWAPPED);
    expect(k.swap!.nrUnmapped[0]).toBe(0);
    expect(stat(k, 'pswpout')).toBe(64);
    expect(k.swap!.usedPages).toBe(64);
  });

  it('skips the swap cache and readahead on zram (SWP_SYNCHRONOUS_IO)', () => {
    const { k, policy } = swappedOut(64, {}, 'zram');
    fault(k, policy, 20);
    expect(stat(k, 'swap_ra')).toBe(0);
    expect(k.swap!.usedPages).toBe(63);
    expect(k.swap!.nrSwapcached[0]).toBe(0);
  });
});
