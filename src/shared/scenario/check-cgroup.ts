// Checks of workloads' cgroups across entries: a cgroup's settings are given once (other entries
// name it), memory.reclaim's nodes exist, and there are no more cgroups than a page can name.
import { quote } from './errors.ts';
import type { Report } from './check.ts';
import type { ScenarioParts } from './salvage.ts';
import type { ParsedCgroup } from './cgroup-schema.ts';
import { ownCgroup } from './resolve-cgroup.ts';

/** A page's memcg is one byte (mem-state.ts), the root included. */
export const MAX_CGROUPS = 255;

interface Field {
  path: string;
  cgroup: ParsedCgroup;
}

function fieldsOf(parts: ScenarioParts): Field[] {
  const out: Field[] = [];
  parts.workload?.forEach((w, i) => {
    const whole = w?.whole;
    if (!whole) return;
    const own = ownCgroup(whole);
    if (own !== undefined) out.push({ path: `workload[${i}].cgroup`, cgroup: own });
    if (whole.type === 'multi-tenant')
      whole.vms.forEach((vm, j) => {
        if (vm.cgroup !== undefined) out.push({ path: `workload[${i}].vms[${j}].cgroup`, cgroup: vm.cgroup });
      });
  });
  return out;
}

export function checkCgroups(parts: ScenarioParts, report: Report): void {
  const defined = new Map<string, string>();
  const names = new Set<string>();
  for (const { path, cgroup } of fieldsOf(parts)) {
    const name = typeof cgroup === 'string' ? cgroup : cgroup.name;
    names.add(name);
    if (typeof cgroup === 'string') continue;
    const first = defined.get(name);
    if (first !== undefined) {
      report(
        `${path}.name`,
        `cgroup ${quote(name)} is already set up by ${first}; give its settings once and name it ` +
          `elsewhere as "cgroup": ${quote(name)}`,
      );
      continue;
    }
    defined.set(name, path);
    const nodes = parts.nodes;
    cgroup.reclaim.forEach((r, j) => {
      r.nodes?.forEach((n, x) => {
        if (nodes && n >= nodes.length)
          report(
            `${path}.reclaim[${j}].nodes[${x}]`,
            `node ${n} does not exist; the machine has ${nodes.length} nodes`,
          );
      });
    });
  }
  if (names.size > MAX_CGROUPS) {
    report('workload', `has ${names.size} cgroups; at most ${MAX_CGROUPS} (a page's memcg is one byte)`);
  }
}
