// The weighted-interleave weight table (/sys/kernel/mm/mempolicy/weighted_interleave/nodeN), as
// mm/mempolicy.c derives it from bandwidth in auto mode (6.16+) or a scenario sets it by hand.
import type { ResolvedNode } from './resolved.ts';

/** mm/mempolicy.c `weightiness`: auto weights are whole numbers in [1, 32] before the GCD. */
export const WEIGHTINESS = 32;
/** A weight is a u8 in the kernel, and sysfs takes 1..255. */
export const MAX_IL_WEIGHT = 255;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * reduce_interleave_weights(): each node's bandwidth over the sum, scaled to [1, weightiness] by
 * integer division (a node with no bandwidth, or too little for 1, gets 1), then divided by the
 * weights' GCD. Example: 100000 and 30000 MB/s: 32 * 100000 / 130000 = 24, 32 * 30000 / 130000 = 7;
 * GCD 1, so 24:7. 20000 and 20000: 16:16, reduced to 1:1.
 */
export function reduceInterleaveWeights(bw: readonly number[]): number[] {
  const sum = bw.reduce((s, b) => s + b, 0);
  const iw = bw.map((b) => (b > 0 && sum < WEIGHTINESS * b ? Math.floor((WEIGHTINESS * b) / sum) : 1));
  const g = iw.reduce((a, w) => gcd(a, w), 0);
  return iw.map((w) => w / g);
}

/**
 * The bandwidth mempolicy_set_node_perf() records for a node: min(read, write) of its HMAT/CDAT
 * access coordinates, in MB/s. A node firmware reports nothing for has none (0): weight 1.
 */
export function nodeInterleaveBandwidth(node: ResolvedNode): number {
  if (!node.hmat) return 0;
  return Math.round(Math.min(node.readBandwidthGBps, node.writeBandwidthGBps) * 1000);
}

/**
 * The weight table a machine boots with: with `derive` the weights derived from bandwidth (6.16's
 * auto mode), else 1 for every node (6.9-6.15, before auto existed); either way with the scenario's
 * own weights written over it, as writing nodeN does (node_store copies the table, then sets one).
 */
export function interleaveWeights(
  nodes: readonly ResolvedNode[],
  derive: boolean,
  manual: Readonly<Record<number, number>>,
): number[] {
  const base = derive ? reduceInterleaveWeights(nodes.map(nodeInterleaveBandwidth)) : nodes.map(() => 1);
  return base.map((w, n) => manual[n] ?? w);
}
