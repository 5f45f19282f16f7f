// Where a mover runs and where it sends pages: the CPU it runs on, the top-tier node a slow page is
// promoted to and the lower-tier node a fast page is demoted to. Shared by the daemon and DAMON.
import type { Kernel } from '../mm/kernel.ts';

/** MB as the mover knobs count it (bandwidth_mbps, quota MB/s), like the kernel's MBps knobs. */
export const MB = 1024 * 1024;

/** The node of the CPU a mover runs on: the first node with CPUs (its local node for move_pages). */
export function moverCpuNode(k: Kernel): number {
  const n = k.machine.nodes.findIndex((node) => node.cpus > 0);
  return n < 0 ? 0 : n;
}

/** The node nearest to `from` by SLIT distance among those `accept` admits, lowest index on ties; -1 if none. */
function nearestNode(k: Kernel, from: number, accept: (n: number) => boolean): number {
  let best = -1;
  for (let n = 0; n < k.m.nrNodes; n++) {
    if (n === from || k.m.managedPages[n] === 0 || !accept(n)) continue;
    if (best < 0 || k.machine.distances[from]![n]! < k.machine.distances[from]![best]!) best = n;
  }
  return best;
}

/**
 * Per node: where its pages go when promoted, the nearest top-tier node (memory-optimizer's
 * numa_hw_config promote_to, DAMOS migrate_hot's target_nid); -1 for top-tier and memoryless nodes.
 */
export function promotionTargets(k: Kernel): Int32Array {
  const out = new Int32Array(k.m.nrNodes).fill(-1);
  for (let n = 0; n < k.m.nrNodes; n++) {
    if (k.layout.topTier[n] || k.m.managedPages[n] === 0) continue;
    out[n] = nearestNode(k, n, (t) => k.layout.topTier[t] === true);
  }
  return out;
}

/**
 * Per node: where its pages go when demoted, the kernel's first preferred demotion target, else the
 * nearest node of a lower tier (memory-optimizer's demote_to, DAMOS migrate_cold's target_nid); -1 if none.
 */
export function demotionTargets(k: Kernel): Int32Array {
  const out = new Int32Array(k.m.nrNodes).fill(-1);
  for (let n = 0; n < k.m.nrNodes; n++) {
    if (k.m.managedPages[n] === 0) continue;
    const preferred = k.layout.demotion[n]?.preferred[0];
    out[n] =
      preferred ??
      nearestNode(k, n, (t) => k.layout.tierOf[t]! >= 0 && k.layout.tierOf[t]! > k.layout.tierOf[n]!);
  }
  return out;
}
