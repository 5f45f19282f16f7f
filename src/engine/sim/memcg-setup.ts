// The memory cgroups of a scenario as the engine keeps them: one memcg per distinct cgroup name
// among the workloads, in order of first appearance after the root (memcg 0), limits in pages.
import type { ResolvedCgroup, ResolvedScenario } from '../../shared/scenario/resolved.ts';
import { createMemcgState, MEMCG_NO_LIMIT, type MemcgLimits, type MemcgState } from '../mm/memcg-state.ts';

/** The cgroups of s, each once, in memcg order (index 0 is memcg 1). */
export function scenarioCgroups(s: ResolvedScenario): ResolvedCgroup[] {
  const byName = new Map<string, ResolvedCgroup>();
  for (const w of s.workload) if (w.cgroup && !byName.has(w.cgroup.name)) byName.set(w.cgroup.name, w.cgroup);
  return [...byName.values()];
}

/** page_counter_memparse(): bytes to pages, rounded down; null is "max". */
function pages(bytes: number | null, pageSize: number): number {
  return bytes === null ? MEMCG_NO_LIMIT : Math.floor(bytes / pageSize);
}

export function buildMemcgs(s: ResolvedScenario): MemcgState {
  const cgroups = scenarioCgroups(s);
  const pageSize = s.machine.pageSize;
  const root: MemcgLimits = { max: MEMCG_NO_LIMIT, high: MEMCG_NO_LIMIT, low: 0, min: 0 };
  const limits = [
    root,
    ...cgroups.map((c) => ({
      max: pages(c.maxBytes, pageSize),
      high: pages(c.highBytes, pageSize),
      low: Math.floor(c.lowBytes / pageSize),
      min: Math.floor(c.minBytes / pageSize),
    })),
  ];
  const names = ['', ...cgroups.map((c) => c.name)];
  const ofGroup = Uint8Array.from(s.workload, (w) => (w.cgroup ? names.indexOf(w.cgroup.name) : 0));
  return createMemcgState(names, limits, ofGroup, s.machine.nodes.length);
}

/** A memory.reclaim write as the simulation runs it: when, which memcg, how much, which nodes. */
export interface MemoryReclaimWrite {
  atNs: number;
  memcg: number;
  name: string;
  bytes: number;
  nodemask: Uint8Array | null;
}

/** Every cgroup's memory.reclaim writes, by time (ties in cgroup order, then file order). */
export function memoryReclaimWrites(s: ResolvedScenario): MemoryReclaimWrite[] {
  const nrNodes = s.machine.nodes.length;
  const writes = scenarioCgroups(s).flatMap((c, i) =>
    c.reclaim.map((r) => ({
      atNs: r.atMs * 1e6,
      memcg: i + 1,
      name: c.name,
      bytes: r.bytes,
      nodemask: r.nodes
        ? Uint8Array.from({ length: nrNodes }, (_, n) => (r.nodes!.includes(n) ? 1 : 0))
        : null,
    })),
  );
  return writes.sort((a, b) => a.atNs - b.atNs);
}
