// Memory tiers, top tier and demotion targets, as mm/memory-tiers.c builds them at boot
// (memory_tier_late_init -> establish_demotion_targets). Worked examples: memory-tiers.test.ts.
import type { PresetMechanisms } from '../../shared/scenario/presets.ts';
import type { ResolvedMachine } from '../../shared/scenario/resolved.ts';
import { MEMTIER_CHUNK_BITS, MEMTIER_CHUNK_SIZE, memtierId } from './adistance.ts';
import { NUMA_NO_NODE, nodeDistance, type NodeStates } from './node-states.ts';
import { formatNodelist } from './nodelist.ts';
import type { MemoryTierInfo, NodeDemotion } from './types.ts';
import { findNextBestNode } from './zonelist.ts';

/**
 * find_create_memory_tier() for every node with memory: one tier per adistance chunk, fastest
 * (smallest adistance_start) first, nodes ascending. Memoryless nodes join no tier.
 */
export function buildMemoryTiers(adistance: readonly number[], states: NodeStates): MemoryTierInfo[] {
  const byId = new Map<number, MemoryTierInfo>();
  adistance.forEach((adist, nid) => {
    if (!states.memory[nid]) return;
    const id = memtierId(adist);
    const tier = byId.get(id) ?? { id, adistanceStart: id << MEMTIER_CHUNK_BITS, nodes: [] };
    tier.nodes.push(nid);
    byId.set(id, tier);
  });
  return [...byId.values()].sort((a, b) => a.adistanceStart - b.adistanceStart);
}

/** Index into `tiers` of each node's tier, -1 for a memoryless node. */
export function tierIndexOf(tiers: readonly MemoryTierInfo[], nrNodes: number): number[] {
  const index = new Array<number>(nrNodes).fill(-1);
  tiers.forEach((tier, i) => tier.nodes.forEach((nid) => (index[nid] = i)));
  return index;
}

/**
 * top_tier_adistance: walking from the slowest tier up, the first tier holding a node with CPUs;
 * everything up to the end of its chunk is top tier. Promotion never leaves a tier with compute.
 * With no CPU node anywhere the kernel's static int keeps its initial 0.
 */
export function topTierAdistance(tiers: readonly MemoryTierInfo[], states: NodeStates): number {
  for (let i = tiers.length - 1; i >= 0; i--) {
    const tier = tiers[i] as MemoryTierInfo;
    if (tier.nodes.some((nid) => states.cpu[nid])) return tier.adistanceStart + MEMTIER_CHUNK_SIZE - 1;
  }
  return 0;
}

/** node_is_toptier() per node; a node with no tier (no memory) counts as top tier, as in the kernel. */
export function nodeIsToptier(tiers: readonly MemoryTierInfo[], states: NodeStates): boolean[] {
  const top = topTierAdistance(tiers, states);
  const index = tierIndexOf(tiers, states.memory.length);
  return index.map((i) => i < 0 || (tiers[i] as MemoryTierInfo).adistanceStart <= top);
}

/**
 * establish_demotion_targets(). preferred: the nodes of the next lower tier that find_next_best_node
 * returns at the first (smallest) distance it finds; fallback: lower_tier_mask, every node of every
 * tier below the node's own. Nodes of the last tier, and memoryless nodes, demote nowhere.
 */
export function establishDemotionTargets(
  machine: ResolvedMachine,
  states: NodeStates,
  tiers: readonly MemoryTierInfo[],
): NodeDemotion[] {
  const index = tierIndexOf(tiers, machine.nodes.length);
  return index.map((ti, node) => {
    if (ti < 0) return { preferred: [], fallback: [] };
    const fallback = tiers.slice(ti + 1).flatMap((t) => t.nodes);
    const lower = tiers[ti + 1];
    if (lower === undefined) return { preferred: [], fallback };
    // The 'used' mask skips every memory node outside the next lower tier.
    const used = states.memory.map((hasMemory, nid) => hasMemory && !lower.nodes.includes(nid));
    const preferred: number[] = [];
    let bestDistance = -1;
    for (;;) {
      const target = findNextBestNode(machine, states, node, used);
      if (target === NUMA_NO_NODE) break;
      const distance = nodeDistance(machine, node, target);
      if (bestDistance !== -1 && distance !== bestDistance) break;
      bestDistance = distance;
      preferred.push(target);
    }
    return { preferred: preferred.sort((a, b) => a - b), fallback: fallback.sort((a, b) => a - b) };
  });
}

/** dump_demotion_targets(): the boot log line for one memory node. */
export function demotionTargetsLog(node: number, demotion: NodeDemotion): string {
  if (demotion.preferred.length === 0) return `Demotion targets for Node ${node}: null`;
  const preferred = formatNodelist(demotion.preferred);
  return `Demotion targets for Node ${node}: preferred: ${preferred}, fallback: ${formatNodelist(demotion.fallback)}`;
}

/**
 * The demotion targets a kernel actually uses: none before the 2019 series, the closest one only in
 * the RFC kernels (one target per node, no fallback), mainline's preferred and fallback otherwise.
 */
export function effectiveDemotion(mechanisms: PresetMechanisms, demotion: NodeDemotion): NodeDemotion {
  if (mechanisms.reclaimMigrate) return { preferred: demotion.preferred.slice(0, 1), fallback: [] };
  if (!mechanisms.demotion) return { preferred: [], fallback: [] };
  return demotion;
}

/** [node * nrNodes + target]: target's zonelist restricted to node's lower-tier nodes. */
export function demoteOrders(zonelist: number[][], fallback: number[][]): number[][] {
  const nr = zonelist.length;
  const out: number[][] = [];
  for (let node = 0; node < nr; node++) {
    for (let target = 0; target < nr; target++) {
      out.push(zonelist[target]!.filter((n) => fallback[node]!.includes(n)));
    }
  }
  return out;
}
