import { describe, expect, it } from 'vitest';
import { STAT, NR_COUNTERS } from '../../shared/vmstat.ts';
import { buildWorld } from '../sim/setup.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import type { Kernel } from './kernel.ts';
import { lruAdd } from './lru.ts';
import { takeFreeFrame } from './mem-state.ts';
import { taskNumaWork } from './numa-balancing.ts';
import { doNumaPage } from './numa-hint-fault.ts';
import { MPOL_F_MOF, MPOL_F_MORON, type AllocPolicy } from './page-alloc.ts';
import { PG } from './page-flags.ts';

/** usemem's 4 MiB is 1024 pages, one scan window: task_scan_min 1000 ms, task_scan_max 60000 ms. */
const PAGES = 1024;

/**
 * A kernel whose one workload (CPU on node 0, `mempolicy`) has all its pages mapped on `node`, with
 * the scanner due at 1000 ms (scan_delay). Returns it with the task's allocation policy.
 */
function mapped(
  node: number,
  knobs: Record<string, unknown>,
  mempolicy: Record<string, unknown> = {},
): { k: Kernel; p: AllocPolicy } {
  const s = twoTierScenario({ knobs, workload: { size: '4MiB', mempolicy }, run: { engine: 'exact' } });
  const { k, tasks } = buildWorld(s);
  const base = k.mms[0]!.base[0]!;
  for (let v = base; v < base + PAGES; v++) {
    const pfn = takeFreeFrame(k.m, node);
    k.m.owner[pfn] = v;
    k.m.pte[v] = pfn + 1;
    lruAdd(k.m, pfn);
  }
  return { k, p: tasks[0]!.policy };
}

const stat = (k: Kernel, name: keyof typeof STAT) =>
  k.stats[STAT[name]]! + k.stats[NR_COUNTERS + STAT[name]]!;

/** Hint faults on the first `n` pages of the mm that are still PROT_NONE, at `nowMs`. */
function touch(k: Kernel, p: AllocPolicy, n: number, nowMs: number): void {
  const base = k.mms[0]!.base[0]!;
  let done = 0;
  for (let v = base; v < base + PAGES && done < n; v++) {
    const pfn = k.m.pte[v]! - 1;
    if (!(k.m.flags[pfn]! & PG.protnone)) continue;
    doNumaPage(k, p, 0, pfn, nowMs);
    done++;
  }
}

describe('which tasks NUMA balancing scans (vma_policy_mof)', () => {
  it('gives the default policy MPOL_F_MOF | MPOL_F_MORON, as preferred_node_policy[] has', () => {
    expect(mapped(1, { numa_balancing: 2 }).p.flags).toBe(MPOL_F_MOF | MPOL_F_MORON);
  });

  it('leaves a task bound without MPOL_F_NUMA_BALANCING alone: no PTE updates, so no hint faults', () => {
    const { k, p } = mapped(1, { numa_balancing: 2 }, { mode: 'bind', nodes: [0, 1] });
    expect(p.flags).toBe(0);
    expect(taskNumaWork(k, k.mms[0]!, k.numab.mm[0]!, 1000, 0)).toBe(0);
    expect(stat(k, 'numa_pte_updates')).toBe(0);
    expect(k.numab.mm[0]!.nextScanMs).toBe(2000);
  });

  it('scans a task bound with MPOL_F_NUMA_BALANCING and promotes its hot pages to a node of its mask', () => {
    const { k, p } = mapped(
      1,
      { numa_balancing: 2 },
      { mode: 'bind', nodes: [0, 1], flags: ['numa_balancing'] },
    );
    taskNumaWork(k, k.mms[0]!, k.numab.mm[0]!, 1000, 0);
    expect(stat(k, 'numa_pte_updates')).toBe(PAGES);
    // Scanned at 1000 ms, touched at 1100 ms: 100 ms is under the 1000 ms hot threshold.
    touch(k, p, 8, 1100);
    expect(stat(k, 'numa_hint_faults')).toBe(8);
    expect(k.stats[STAT.pgpromote_success]).toBe(8);
  });

  it('never promotes a balanced bound task out of its nodemask: bound to the slow node, nothing moves', () => {
    // mpol_misplaced(): the CPU's node 0 is not in the mask, so no target and no candidate.
    const { k, p } = mapped(
      1,
      { numa_balancing: 2 },
      { mode: 'bind', nodes: [1], flags: ['numa_balancing'] },
    );
    taskNumaWork(k, k.mms[0]!, k.numab.mm[0]!, 1000, 0);
    touch(k, p, 8, 1100);
    expect(stat(k, 'numa_hint_faults')).toBe(8);
    expect(stat(k, 'pgpromote_candidate') + stat(k, 'pgpromote_success')).toBe(0);
    expect(stat(k, 'numa_pages_migrated')).toBe(0);
  });
});

describe('the scan period over passes (task_numa_fault -> update_task_scan_period)', () => {
  it('doubles at each pass in tiering mode 2, where every hint fault is remote', () => {
    const { k, p } = mapped(1, { numa_balancing: 2 });
    const st = k.numab.mm[0]!;
    // Pass 1 (1000 ms, period task_scan_min = 1000) marks every slow page and runs off the mm's end.
    taskNumaWork(k, k.mms[0]!, st, 1000, 0);
    expect([st.scanPeriodMs, st.nextScanMs, st.scanSeq]).toEqual([1000, 2000, 1]);
    // Its first fault places: no local and no shared fault yet, so 2000 ms, next scan 1100 + 2000.
    touch(k, p, 8, 1100);
    expect([st.scanPeriodMs, st.nextScanMs]).toEqual([2000, 3100]);
    expect([st.faultsLocal, st.faultsRemote]).toEqual([0, 8]);
    // Pass 2 finds the promoted pages on the top tier (skipped) and the rest still PROT_NONE.
    taskNumaWork(k, k.mms[0]!, st, 3100, 0);
    expect(stat(k, 'numa_pte_updates')).toBe(PAGES);
    touch(k, p, 1, 3200);
    expect([st.scanPeriodMs, st.nextScanMs]).toEqual([4000, 7200]);
  });

  it('grows by 3 slots a pass in mode 3 once local faults are counted', () => {
    const { k, p } = mapped(0, { numa_balancing: 3 });
    const st = k.numab.mm[0]!;
    taskNumaWork(k, k.mms[0]!, st, 1000, 0);
    touch(k, p, 10, 1100); // places with nothing counted: doubles to 2000, next scan 3100
    taskNumaWork(k, k.mms[0]!, st, 3100, 0);
    expect(stat(k, 'numa_pte_updates')).toBe(PAGES + 10); // the 10 pages faulted back in
    // 10 local private faults: ps_ratio 10, diff 3 * DIV_ROUND_UP(2000, 10) = 600.
    touch(k, p, 1, 3200);
    expect([st.scanPeriodMs, st.nextScanMs]).toEqual([2600, 5100]);
    expect([st.faultsLocal, st.faultsRemote]).toEqual([1, 0]);
  });
});
