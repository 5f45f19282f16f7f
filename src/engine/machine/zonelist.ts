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
  separateTypes = false,
): number {
  if (!used[node] && states.memory[node]) {
    used[node] = true;
    return node;
  }
  let minVal = Number.POSITIVE_INFINITY;
  let bestNode = NUMA_NO_NODE;
  for (let n = 0; n < machine.nodes.length; n++) {
    if (!states.memory[n] || used[n]) continue;
    if (separateTypes && isNodePmem(machine, n) !== isNodePmem(machine, node)) continue;
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

/**
 * Fengguang Wu's series (seed 004) marks each node DRAM or PMEM from the SRAT (patches 02-06). It
 * predates CXL; we count a CXL node as PMEM, the slow kind the series is about, and HBM as DRAM.
 */
export function isNodePmem(machine: ResolvedMachine, nid: number): boolean {
  const kind = machine.nodes[nid]!.memory;
  return kind === 'pmem' || kind === 'cxl';
}

/**
 * build_zonelists(): per node, every node with memory in fallback order (local node first).
 *
 * `separateTypes` is patch 10/21 of Wu's series, "mm: build separate zonelist for PMEM and DRAM
 * node": a node's fallback list holds only nodes of its own kind, so an allocation on a DRAM node
 * never spills into PMEM and only migrations (demotion in reclaim, the daemon's move_pages) put
 * pages there. A memoryless node whose kind has no memory anywhere keeps the full list, since an
 * empty zonelist would make every allocation from its CPUs fail (the patch does not say; our choice).
 */
export function buildZonelists(
  machine: ResolvedMachine,
  states: NodeStates,
  separateTypes = false,
): number[][] {
  return machine.nodes.map((_, local) => {
    const order = fallbackOrder(machine, states, local, separateTypes);
    return order.length > 0 || !separateTypes ? order : fallbackOrder(machine, states, local, false);
  });
}

function fallbackOrder(
  machine: ResolvedMachine,
  states: NodeStates,
  local: number,
  separateTypes: boolean,
): number[] {
  const used = machine.nodes.map(() => false);
  const order: number[] = [];
  for (;;) {
    const next = findNextBestNode(machine, states, local, used, separateTypes);
    if (next === NUMA_NO_NODE) return order;
    order.push(next);
  }
}

/** The boot log line build_zonelists() prints (pr_cont leaves a space after every node). */
export function fallbackOrderLog(node: number, order: readonly number[]): string {
  return `Fallback order for Node ${node}: ${order.map((n) => `${n} `).join('')}`;
}
