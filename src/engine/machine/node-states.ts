// Which nodes have memory and which have CPUs: the kernel's node_states[N_MEMORY] and [N_CPU],
// the two masks that memory tiering and zonelist building are computed from.
import type { ResolvedMachine } from '../../shared/scenario/resolved.ts';

/** NUMA_NO_NODE: "no such node" from a node search. */
export const NUMA_NO_NODE = -1;

export interface NodeStates {
  /** N_MEMORY: the node has at least one page of memory. */
  memory: boolean[];
  /** N_CPU: the node has CPUs (a CPU-less memory node is a "migrate target"). */
  cpu: boolean[];
}

/** At boot, or with `managed` pages per node as memory hot-plug has left them. */
export function nodeStates(machine: ResolvedMachine, managed?: readonly number[]): NodeStates {
  return {
    memory: managed
      ? managed.map((pages) => pages > 0)
      : machine.nodes.map((n) => !n.hotplug && Math.floor(n.capacityBytes / machine.pageSize) > 0),
    cpu: machine.nodes.map((n) => n.cpus > 0),
  };
}

/** node_distance(from, to) from the SLIT table; a missing entry is a scenario bug, not a default. */
export function nodeDistance(machine: ResolvedMachine, from: number, to: number): number {
  const d = machine.distances[from]?.[to];
  if (d === undefined) throw new Error(`no SLIT distance from node ${from} to node ${to}`);
  return d;
}
