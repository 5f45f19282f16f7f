// Resolves workloads' `cgroup` fields: every entry (or VM) naming a cgroup gets the one settings
// object given for that name anywhere in the file (checkCgroups made sure there is at most one).
import type { ParsedCgroup, ParsedCgroupSettings } from './cgroup-schema.ts';
import type { ResolvedCgroup } from './resolved.ts';
import type { ParsedWorkload } from './workload-schema.ts';

/** A workload entry's own cgroup field (a bandwidth antagonist has none: it charges no memory). */
export function ownCgroup(w: ParsedWorkload): ParsedCgroup | undefined {
  return w.type === 'stream' ? undefined : w.cgroup;
}

/** Every cgroup field of a workload entry: its own, then its VMs'. */
export function cgroupFields(w: ParsedWorkload): ParsedCgroup[] {
  const field = ownCgroup(w);
  const own = field === undefined ? [] : [field];
  if (w.type !== 'multi-tenant') return own;
  return [...own, ...w.vms.flatMap((vm) => (vm.cgroup === undefined ? [] : [vm.cgroup]))];
}

function resolveSettings(c: ParsedCgroupSettings): ResolvedCgroup {
  return {
    name: c.name,
    maxBytes: c.max === 'max' ? null : c.max,
    highBytes: c.high === 'max' ? null : c.high,
    lowBytes: c.low,
    minBytes: c.min,
    reclaim: c.reclaim.map((r) => ({ atMs: r.atMs, bytes: r.size, nodes: r.nodes ? [...r.nodes] : null })),
  };
}

/** The resolved cgroups of a file by name: defined ones with their settings, named-only ones unlimited. */
export function resolveCgroups(workload: readonly ParsedWorkload[]): Map<string, ResolvedCgroup> {
  const byName = new Map<string, ResolvedCgroup>();
  const fields = workload.flatMap(cgroupFields);
  for (const c of fields) if (typeof c !== 'string') byName.set(c.name, resolveSettings(c));
  for (const c of fields) {
    if (typeof c === 'string' && !byName.has(c))
      byName.set(c, { name: c, maxBytes: null, highBytes: null, lowBytes: 0, minBytes: 0, reclaim: [] });
  }
  return byName;
}

/** The workload's cgroup field, as the spread `...cgroupOf(...)` of a resolved workload. */
export function cgroupOf(
  field: ParsedCgroup | undefined,
  cgroups: Map<string, ResolvedCgroup>,
): { cgroup?: ResolvedCgroup } {
  if (field === undefined) return {};
  const cgroup = cgroups.get(typeof field === 'string' ? field : field.name);
  return cgroup ? { cgroup } : {};
}
