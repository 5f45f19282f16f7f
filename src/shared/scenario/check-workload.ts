// Workload checks against the machine and each other: unique names, a CPU node that exists and has
// CPUs, mempolicy nodes that exist in the number the mode needs and flags the mode takes, start
// before stop, offsets in range, thp only where there is anonymous memory.
import { quote, showBytes } from './errors.ts';
import type { HotPosition, Mempolicy } from './resolved.ts';
import type { Report } from './check.ts';
import type { ScenarioParts, WorkloadPart } from './salvage.ts';
import type { ParsedWorkload } from './workload-schema.ts';
import { checkCgroups } from './check-cgroup.ts';

type Nodes = NonNullable<ScenarioParts['nodes']>;

function missingNode(id: number, nodes: Nodes): string {
  const have = nodes.length === 1 ? 'node 0 only' : `nodes 0-${nodes.length - 1}`;
  return `node ${id} does not exist; the machine has ${have}`;
}

export function checkWorkloads(parts: ScenarioParts, report: Report): void {
  checkNames(parts.workload ?? [], report);
  checkCgroups(parts, report);
  parts.workload?.forEach((w, i) => {
    if (!w) return;
    const at = `workload[${i}]`;
    const { startMs, stopMs } = w.common;
    if (parts.nodes) checkPlacement(w.common, at, parts.nodes, report);
    if (startMs !== undefined && stopMs != null && stopMs <= startMs) {
      report(`${at}.stopMs`, `must be later than startMs (${startMs}) (got ${stopMs})`);
    }
    // THPs are anonymous here (shmem and file THPs are not modelled); grep only reads the page cache.
    if (w.whole?.type === 'grep' && w.whole.thp === true) {
      report(
        `${at}.thp`,
        'grep reads files through the page cache; thp (MADV_HUGEPAGE) applies to anonymous memory',
      );
    }
    if (w.whole?.type === 'hotset') checkHotset(w.whole, at, report);
    if (w.whole?.type === 'multi-tenant') checkTenants(w.whole, at, report);
    if (w.whole?.type === 'stream') checkStream(w.whole, at, parts.nodes, report);
  });
}

/** A task's name and the path of the field that gives it, with the entry it belongs to. */
interface TaskName {
  task: string;
  path: string;
  entry: number;
}

/** The tasks an entry runs: itself, or `<name>/<vm>` per VM of a multi-tenant entry (vm0, vm1, ...). */
function taskNames(name: string, w: WorkloadPart, i: number): TaskName[] {
  if (w.whole?.type !== 'multi-tenant') return [{ task: name, path: `workload[${i}].name`, entry: i }];
  return w.whole.vms.map((vm, j) => ({
    task: `${name}/${vm.name ?? `vm${j}`}`,
    path: `workload[${i}].vms[${j}]${vm.name === undefined ? '' : '.name'}`,
    entry: i,
  }));
}

/**
 * Results name tasks, so entry names must differ and so must the tasks they run: a workload named
 * "mt/a" and the VM "a" of a multi-tenant "mt" would be two tasks of one name. Two VMs of one entry
 * are checkTenants' to report.
 */
function checkNames(workload: readonly (WorkloadPart | undefined)[], report: Report): void {
  const firstByName = new Map<string, number>();
  const firstByTask = new Map<string, TaskName>();
  workload.forEach((w, i) => {
    const name = w?.common.name;
    if (!w || name === undefined) return;
    const first = firstByName.get(name);
    if (first !== undefined) {
      report(
        `workload[${i}].name`,
        `duplicate name ${quote(name)} (also workload[${first}]); results name tasks by it`,
      );
      return;
    }
    firstByName.set(name, i);
    for (const t of taskNames(name, w, i)) {
      const other = firstByTask.get(t.task);
      if (!other) firstByTask.set(t.task, t);
      else if (other.entry !== t.entry) {
        report(
          t.path,
          `duplicate task name ${quote(t.task)} (also ${other.path}); results name tasks by it, ` +
            'and each VM of a multi-tenant workload runs as a task named <workload>/<vm>',
        );
      }
    }
  });
}

/** Each VM becomes a task named after it, so VM names must differ (unnamed ones are vm0, vm1, ...). */
function checkTenants(w: ParsedWorkload & { type: 'multi-tenant' }, at: string, report: Report): void {
  const seen = new Map<string, number>();
  w.vms.forEach((vm, j) => {
    const name = vm.name ?? `vm${j}`;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, j);
    else report(`${at}.vms[${j}].name`, `duplicate VM name ${quote(name)} (also vms[${first}])`);
  });
}

/** The antagonist's node exists; bursts need both their on and their off time. */
function checkStream(
  w: ParsedWorkload & { type: 'stream' },
  at: string,
  nodes: Nodes | undefined,
  report: Report,
): void {
  if (nodes && w.node >= nodes.length) report(`${at}.node`, missingNode(w.node, nodes));
  if ((w.onMs === undefined) !== (w.offMs === undefined)) {
    const [given, missing] = w.onMs === undefined ? ['offMs', 'onMs'] : ['onMs', 'offMs'];
    report(
      `${at}.${missing}`,
      `is required with ${given}: bursts are on for onMs, then off for offMs, over and over`,
    );
  }
}

function checkPlacement(
  { cpu, name, mempolicy }: WorkloadPart['common'],
  at: string,
  nodes: Nodes,
  report: Report,
) {
  if (cpu !== undefined) {
    if (cpu >= nodes.length) report(`${at}.cpu`, missingNode(cpu, nodes));
    else if (nodes[cpu]?.cpus === 0) {
      const task = name === undefined ? 'this workload' : quote(name);
      report(`${at}.cpu`, `node ${cpu} has no CPUs to run ${task} on; its "cpus" is 0`);
    }
  }
  if (!mempolicy) return;
  const { mode, nodes: allowed } = mempolicy;
  const path = `${at}.mempolicy.nodes`;
  if (mode === 'default' && allowed.length > 0) {
    report(
      path,
      `must be empty for mode "default", which allocates on the local node first (got ${allowed.length})`,
    );
  } else if (
    (mode === 'bind' || mode === 'interleave' || mode === 'weighted_interleave') &&
    allowed.length === 0
  ) {
    report(path, `mode "${mode}" needs at least one node`);
  } else if (mode === 'preferred' && allowed.length !== 1) {
    report(path, `mode "preferred" takes exactly one node (got ${allowed.length})`);
  }
  allowed.forEach((id, j) => {
    if (id >= nodes.length) report(`${path}[${j}]`, missingNode(id, nodes));
    else if (allowed.indexOf(id) !== j) report(`${path}[${j}]`, `node ${id} is listed twice`);
  });
  checkMempolicyFlags(mempolicy, `${at}.mempolicy.flags`, report);
}

/** sanitize_mpol_flags() in Linux 6.1: MPOL_F_NUMA_BALANCING with any mode but MPOL_BIND is EINVAL. */
function checkMempolicyFlags({ mode, flags }: Mempolicy, path: string, report: Report): void {
  flags.forEach((flag, j) => {
    if (flags.indexOf(flag) !== j) report(`${path}[${j}]`, `"${flag}" is listed twice`);
    else if (mode !== 'bind') {
      const already = mode === 'default' ? '; the default policy is balanced without it' : '';
      report(
        `${path}[${j}]`,
        `"numa_balancing" needs mode "bind": Linux 6.1 refuses MPOL_F_NUMA_BALANCING with mode "${mode}" (EINVAL)${already}`,
      );
    }
  });
}

function checkHotset(w: ParsedWorkload & { type: 'hotset' }, at: string, report: Report): void {
  const inside = (position: HotPosition, path: string) => {
    if (typeof position === 'number' && position >= w.size) {
      report(path, `must lie inside the ${showBytes(w.size)} region (got offset ${showBytes(position)})`);
    }
  };
  inside(w.hotPosition, `${at}.hotPosition`);
  w.phases.forEach((phase, j) => {
    const previous = w.phases[j - 1];
    if (previous && phase.atMs < previous.atMs) {
      report(
        `${at}.phases[${j}].atMs`,
        `phases must be in time order: ${phase.atMs} comes after ${previous.atMs}`,
      );
    }
    inside(phase.hotPosition, `${at}.phases[${j}].hotPosition`);
  });
}
