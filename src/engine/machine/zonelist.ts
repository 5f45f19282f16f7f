// Allocation fallback order per node, as mm/page_alloc.c build_zonelists() builds it with
// find_next_best_node(). memory-tiers.c reuses find_next_best_node() to pick demotion targets.
import type { ResolvedMachine } from '../../shared/scenario/resolved.ts';
import { NUMA_NO_NODE, nodeDistance, type NodeStates } from './node-states.ts';

/** Nodes with CPUs are chosen last among equals: headless nodes see less allocation pressure. */
export const PENALTY_FOR_NODE_WITH_CPUS = 1;

/**
 * find_next_best_node(): the next node for `node`'s fallback list, or NUMA_NO_NODE.
 * The local node comes first if it has memory and is not yet used. Otherwise the lowest
 * val = distance + (n < node) + (n has CPUs ? PENALTY_FOR_NODE_WITH_CPUS : 0) wins; ties go to the
 * lowest index because the kernel only replaces its best on a strictly smaller val.
 *
 * The kernel also adds node_load[n] (after scaling val by MAX_NUMNODES) so that equal nodes are
 * spread round-robin over the zonelists of different nodes. We ignore node_load: its only effect is
 * to break those ties differently, and a fixed lowest-index rule keeps layouts easy to predict.
 *
 * Postcondition: the returned node (if any) is marked in `used`.
 */
export function findNextBestNode(
  machine: ResolvedMachine,
  states: NodeStates,
  node: number,
  used: boolean[],
): number {
  if (!used[node] && states.memory[node]) {
    used[node] = true;
    return node;
  }
  let minVal = Number.POSITIVE_INFINITY;
  let bestNode = NUMA_NO_NODE;
  for (let n = 0; n < machine.nodes.length; n++) {
    if (!states.memory[n] || used[n]) continue;
    let val = nodeDistance(machine, node, n);
    // "Penalize nodes under us" so that equal nodes above us come first.
    if (n < node) val += 1;
    if (states.cpu[n]) val += PENALTY_FOR_NODE_WITH_CPUS;
    if (val < minVal) {
      minVal = val;
      bestNode = n;
    }
  }
  if (bestNode !== NUMA_NO_NODE) used[bestNode] = true;
  return bestNode;
}

/** build_zonelists(): per node, every node with memory in fallback order (local node first). */
export function buildZonelists(machine: ResolvedMachine, states: NodeStates): number[][] {
  return machine.nodes.map((_, local) => {
    const used = machine.nodes.map(() => false);
    const order: number[] = [];
    for (;;) {
      const next = findNextBestNode(machine, states, local, used);
      if (next === NUMA_NO_NODE) return order;
      order.push(next);
    }
  });
}

/** The boot log line build_zonelists() prints (pr_cont leaves a space after every node). */
export function fallbackOrderLog(node: number, order: readonly number[]): string {
  return `Fallback order for Node ${node}: ${order.map((n) => `${n} `).join('')}`;
}
