import { describe, expect, it } from 'vitest';
import { STAT, NR_COUNTERS } from '../../shared/vmstat.ts';
import type { KernelVersion } from '../../shared/scenario/kernels.ts';
import { buildWorld } from '../sim/setup.ts';
import { ENGINES, runToEnd, twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import type { Kernel } from './kernel.ts';
import { lruAdd } from './lru.ts';
import { takeFreeFrame } from './mem-state.ts';
import { taskNumaWork } from './numa-balancing.ts';
import { doNumaPage } from './numa-hint-fault.ts';
import type { AllocPolicy } from './page-alloc.ts';
import { PG } from './page-flags.ts';

/** usemem -t 3 of 2 MiB: three VMAs of 512 pages, well inside one 256 MB scan window. */
const VMA_PAGES = 512;

/** Three threads each with its own VMA, every page mapped on DRAM (node 0), NUMA balancing mode 1. */
function threeVmas(kernel: KernelVersion): { k: Kernel; p: AllocPolicy } {
  const s = twoTierScenario({
    knobs: { numa_balancing: 1 },
    workload: { size: '2MiB', threads: 3 },
    run: { engine: 'exact' },
  });
  const { k, tasks } = buildWorld({ ...s, policy: { ...s.policy, kernel } });
  for (const base of k.mms[0]!.base) {
    for (let v = base; v < base + VMA_PAGES; v++) {
      const pfn = takeFreeFrame(k.m, 0);
      k.m.owner[pfn] = v;
      k.m.pte[v] = pfn + 1;
      lruAdd(k.m, pfn);
    }
  }
  return { k, p: tasks[0]!.policy };
}

const updates = (k: Kernel) =>
  k.stats[STAT.numa_pte_updates]! + k.stats[NR_COUNTERS + STAT.numa_pte_updates]!;

/** Thread `pid` touches every page of VMA r: a hint fault on each still PROT_NONE. */
function touchVma(k: Kernel, p: AllocPolicy, r: number, pid: number): void {
  const base = k.mms[0]!.base[r]!;
  for (let v = base; v < base + VMA_PAGES; v++) {
    const pfn = k.m.pte[v]! - 1;
    if (k.m.flags[pfn]! & PG.protnone) doNumaPage(k, p, 0, pfn, k.numab.mm[0]!.nextScanMs, pid);
  }
}

/** Thread 0's scan when it is due, of a process of 3 threads; returns the PTEs it updated. */
function scan(k: Kernel): number {
  const before = updates(k);
  const st = k.numab.mm[0]!;
  taskNumaWork(k, k.mms[0]!, st, st.nextScanMs, 0, 0, 3);
  return updates(k) - before;
}

/** Two passes (every VMA scanned, start_scan_seq) with each thread faulting on its own VMA after each. */
function twoPasses(kernel: KernelVersion): { k: Kernel; p: AllocPolicy } {
  const w = threeVmas(kernel);
  for (let pass = 0; pass < 2; pass++) {
    expect(scan(w.k)).toBe(3 * VMA_PAGES);
    for (let r = 0; r < 3; r++) touchVma(w.k, w.p, r, r);
  }
  return w;
}

describe('task_numa_work on 6.12: per-VMA scan filtering', () => {
  it('skips the VMAs other threads fault on from the third pass, scans one of them anyway, the last next time', () => {
    const { k } = twoPasses('6.12');
    const st = k.numab.mm[0]!;
    expect(st.scanSeq).toBe(2);
    // Pass 2: VMA 0 is thread 0's; 1 and 2 were completed in pass 1 (2 > 1 + 3 threads fails), so
    // they are pid_inactive; the walk ends, retries from offset 0 and forces VMA 1 only.
    expect(scan(k)).toBe(2 * VMA_PAGES);
    expect(Array.from(st.vmas!.prevScanSeq)).toEqual([2, 2, 1]);
    expect(st.scanOffset).toBe(2 * VMA_PAGES);
    // Its next scan resumes at VMA 2's start (not inside it): inactive, then forced on the retry.
    expect(scan(k)).toBe(VMA_PAGES);
    expect(Array.from(st.vmas!.prevScanSeq)).toEqual([2, 2, 2]);
    expect(st.scanSeq).toBe(2);
  });

  it('starts a new pass for its forced scan when every VMA after the skipped ones is done', () => {
    const { k, p } = twoPasses('6.12');
    const st = k.numab.mm[0]!;
    scan(k); // pass 2: VMAs 0 and 1
    touchVma(k, p, 0, 0);
    // Resume at VMA 1's start with VMA 2 done: 1 is inactive, 2 seq_completed (numa_scan_offset
    // moves to its end), so the retry finds no VMA there, resets the scan and forces VMA 0.
    st.scanOffset = VMA_PAGES;
    st.vmas!.prevScanSeq[1] = 1;
    st.vmas!.prevScanSeq[2] = 2;
    expect(scan(k)).toBe(VMA_PAGES);
    expect(st.scanSeq).toBe(3);
    expect(st.vmas!.prevScanSeq[0]).toBe(3);
    expect(st.scanOffset).toBe(VMA_PAGES);
  });

  it('scans a VMA of its own thread every pass', () => {
    const { k, p } = twoPasses('6.12');
    scan(k);
    scan(k);
    touchVma(k, p, 0, 0);
    // Pass 3 begins at the mm's end: VMA 0 is thread 0's, the others forced one at a time.
    expect(scan(k)).toBe(VMA_PAGES);
    expect(k.numab.mm[0]!.scanSeq).toBe(3);
    expect(k.numab.mm[0]!.vmas!.prevScanSeq[0]).toBe(3);
  });
});

describe('task_numa_work on 6.1', () => {
  it('keeps no per-VMA state and scans every VMA in every pass', () => {
    const { k } = twoPasses('6.1');
    expect(k.numab.mm[0]!.vmas).toBeNull();
    expect(scan(k)).toBe(3 * VMA_PAGES);
    expect(k.numab.mm[0]!.scanSeq).toBe(3);
  });
});

describe.each(ENGINES)('a 4-thread usemem under NUMA balancing (%s engine)', (engine) => {
  it('updates fewer PTEs on 6.12 than on 6.1, each thread skipping the VMAs of the others', () => {
    // One 16 MB window covers the four 4 MiB VMAs; scans every 100 ms. On 6.12 the scans within
    // scan_delay of the first are all scan_delay skips, and later ones leave out most foreign VMAs.
    const s = twoTierScenario({
      knobs: { numa_balancing: 1, scan_size_mb: 16, scan_period_min_ms: 100 },
      workload: { size: '4MiB', threads: 4, repeats: 100000 },
      run: { durationMs: 3000, engine },
    });
    const on = (kernel: KernelVersion) =>
      runToEnd({ ...s, policy: { ...s.policy, kernel } }).vmstat.numa_pte_updates ?? 0;
    const v61 = on('6.1');
    const v612 = on('6.12');
    expect(v61).toBeGreaterThan(0);
    expect(v612).toBeLessThan(v61);
  });
});
