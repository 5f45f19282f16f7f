// HybridTier's access samples: PEBS events MEM_LOAD_L3_MISS_RETIRED.LOCAL_DRAM / REMOTE_DRAM, one
// sample every `hybridtier_sample_period` loads of a thread, each naming the page it loaded. Both
// engines make a thread's independent draws from its page law, so a sampled load is a draw from
// that law: every period loads, the sampler draws one page from a private copy of the law (the
// engines' own laws are advanced by the rate engine alone) and keeps it if the page is present.
// Loads are the references that read (1 - writeShare). A thread's sequential part (its populate
// pass) and workloads without a law (usemem, grep, traces) are not sampled: see the README.
// Example: 1,000 loads at period 100 are 10 samples, each page of a uniform 50-page law expecting 0.2.
import type { ResolvedScenario } from '../../../shared/scenario/resolved.ts';
import type { Kernel } from '../../mm/kernel.ts';
import { PTE_SWAPPED, pageToNid } from '../../mm/mem-state.ts';
import type { Rng } from '../../random/rng.ts';
import { createRng } from '../../random/rng.ts';
import type { Task } from '../../sim/task.ts';
import { makeWorkload } from '../../workloads/index.ts';
import type { PageLaw } from '../../workloads/types.ts';
import { buildAlias, drawAlias, type AliasTable } from './alias.ts';

/** One sampled thread: the task, its private law, and the loads not yet sampled. */
interface SampledThread {
  task: Task;
  law: PageLaw;
  seenRefs: number;
  loadsOwed: number;
}

/** A law's table; `builtFor` is its nextChangeMs() when built: another value means the law moved. */
interface LawTable {
  table: AliasTable;
  builtFor: number;
}

export interface Pebs {
  threads: SampledThread[];
  /** One table per law (the threads of a region share theirs). */
  tables: Map<PageLaw, LawTable>;
  period: number;
  rng: Rng;
}

/** Workload types whose threads draw from a page law. */
const WITH_LAW = new Set(['hotset', 'sysbench-memory']);

export function createPebs(k: Kernel, s: ResolvedScenario, tasks: readonly Task[], rng: Rng): Pebs {
  const threads: SampledThread[] = [];
  const totalRam = s.machine.nodes.reduce((sum, n) => sum + n.capacityBytes, 0);
  s.workload.forEach((w, g) => {
    if (!WITH_LAW.has(w.type)) return;
    const bases = k.vmas.base.filter((_, r) => k.vmas.group[r] === g);
    const copies = makeWorkload(w, k.pageSize, totalRam).threads(bases, createRng(0));
    const own = tasks.filter((t) => t.group === g);
    own.forEach((task, i) => {
      const law = copies[i]?.draws?.law;
      if (law) threads.push({ task, law, seenRefs: 0, loadsOwed: 0 });
    });
  });
  return { threads, tables: new Map(), period: k.knobs.hybridtier_sample_period, rng };
}

/**
 * Takes the samples the threads' loads since the last call owe, calling `sample(vpage, node)` for
 * each one that found its page present. Returns how many were taken.
 */
export function takeSamples(
  k: Kernel,
  p: Pebs,
  nowMs: number,
  sample: (vpage: number, node: number) => void,
): number {
  let taken = 0;
  for (const th of p.threads) {
    const t = th.task;
    const refs = t.references - th.seenRefs;
    th.seenRefs = t.references;
    const draws = t.source.draws;
    if (refs <= 0 || !draws || draws.sequentialLeft() > 0) continue;
    th.loadsOwed += refs * (1 - th.law.writeShare);
    const n = Math.floor(th.loadsOwed / p.period);
    if (n === 0) continue;
    th.loadsOwed -= n * p.period;
    const table = tableFor(p, th.law, nowMs);
    for (let i = 0; i < n; i++) {
      const vpage = th.law.base + drawAlias(table, p.rng);
      const e = k.m.pte[vpage]!;
      if (e === 0 || e >= PTE_SWAPPED) continue;
      sample(vpage, pageToNid(k.m, e - 1));
      taken++;
    }
  }
  return taken;
}

/** The table for `law` as it is at nowMs, rebuilt after a phase change. */
function tableFor(p: Pebs, law: PageLaw, nowMs: number): AliasTable {
  if (law.nextChangeMs() <= nowMs) law.advanceTo(nowMs);
  const key = law.nextChangeMs();
  let t = p.tables.get(law);
  if (t === undefined || t.builtFor !== key) {
    t = { table: buildAlias(law), builtFor: key };
    p.tables.set(law, t);
  }
  return t.table;
}

/** Forgets the loads made since the last look: sampling was off, or its ring buffers overflowed. */
export function discardSamples(p: Pebs): void {
  for (const th of p.threads) {
    th.seenRefs = th.task.references;
    th.loadsOwed = 0;
  }
}
