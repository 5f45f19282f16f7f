// A built kernel with the multi-gen LRU on, and pages put straight onto node 0's generations, for
// tests of MGLRU's bookkeeping, aging and eviction worked by hand from mm/vmscan.c.
import type { Kernel } from '../../../src/engine/mm/kernel.ts';
import { lruAdd } from '../../../src/engine/mm/lru.ts';
import { takeFreeFrame } from '../../../src/engine/mm/mem-state.ts';
import {
  GEN_MASK,
  PG_WORKINGSET,
  REFS_MASK,
  REFS_SHIFT,
  type LruGen,
} from '../../../src/engine/mm/lru-gen.ts';
import { buildWorld } from '../../../src/engine/sim/setup.ts';
import { lruGenRules, type LruGenKernel } from '../../../src/shared/scenario/lru-gen-kernels.ts';
import { twoTierScenario } from './scenarios.ts';

/**
 * A kernel (DRAM 64 MiB + PMEM 128 MiB, swap) with lru_gen_enabled and no pages yet, following
 * `rules`' MGLRU rules (default mainline's, after the v6.14 rework).
 */
export function mglruKernel(knobs: Record<string, unknown> = {}, rules: LruGenKernel = 'mainline'): Kernel {
  const k = buildWorld(twoTierScenario({ knobs: { lru_gen_enabled: true, ...knobs } })).k;
  k.m.lrugen!.rules = lruGenRules(rules === 'mainline' ? null : rules);
  return k;
}

/** What a page starts with: its PG bits, refs (0-3) and PG_workingset before it joins a generation. */
export interface PageSpec {
  flags?: number;
  refs?: number;
  workingset?: boolean;
}

/**
 * Maps vpage to a new DRAM frame with `spec` and adds it through lruAdd (lru_gen_add_folio).
 * Returns the pfn.
 */
export function addPage(k: Kernel, vpage: number, spec: PageSpec = {}): number {
  const pfn = takeFreeFrame(k.m, 0);
  k.m.flags[pfn] = spec.flags ?? 0;
  k.m.owner[pfn] = vpage;
  k.m.pte[vpage] = pfn + 1;
  k.m.lrugen!.genFlags[pfn] = ((spec.refs ?? 0) << REFS_SHIFT) | (spec.workingset ? PG_WORKINGSET : 0);
  lruAdd(k.m, pfn);
  return pfn;
}

export const genOf = (lg: LruGen, pfn: number): number => lg.genFlags[pfn]! & GEN_MASK;
export const refsOf = (lg: LruGen, pfn: number): number => (lg.genFlags[pfn]! & REFS_MASK) >> REFS_SHIFT;

/**
 * A kernel as mglruKernel's with two usemem workloads of 16 MiB in cgroups "a" (memcg 1) and "b"
 * (memcg 2, with `b`'s settings), on kernel 6.12.
 */
export function mglruMemcgKernel(b: Record<string, unknown> = {}): Kernel {
  const s = twoTierScenario({
    knobs: { lru_gen_enabled: true },
    workload: { size: '16MiB', cgroup: { name: 'a' } },
  });
  const second = { ...s.workload[0]!, name: 'other', cgroup: { ...s.workload[0]!.cgroup!, name: 'b', ...b } };
  return buildWorld({ ...s, workload: [s.workload[0]!, second] }).k;
}

/** addPage for a page charged to memcg (set before it joins that memcg's lruvec). */
export function addMemcgPage(k: Kernel, memcg: number, vpage: number, spec: PageSpec = {}): number {
  const pfn = takeFreeFrame(k.m, 0);
  k.m.memcg[pfn] = memcg;
  k.m.flags[pfn] = spec.flags ?? 0;
  k.m.owner[pfn] = vpage;
  k.m.pte[vpage] = pfn + 1;
  k.m.lrugen!.genFlags[pfn] = ((spec.refs ?? 0) << REFS_SHIFT) | (spec.workingset ? PG_WORKINGSET : 0);
  lruAdd(k.m, pfn);
  return pfn;
}
