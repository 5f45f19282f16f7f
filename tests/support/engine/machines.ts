// Machines for tests: the kernel's worked examples and a node builder with plain DRAM defaults.
import { defaultLatencyCurve } from '../../../src/shared/scenario/memory-kinds.ts';
import {
  nodeInterleaveBandwidth,
  reduceInterleaveWeights,
} from '../../../src/shared/scenario/interleave-weights.ts';
import type { MemoryKind, ResolvedMachine, ResolvedNode } from '../../../src/shared/scenario/resolved.ts';

const GiB = 1024 ** 3;

/** A 16 GiB node of the given kind: CPUs only when asked, perf of a typical DDR4 socket. */
export function makeNode(
  id: number,
  memory: MemoryKind,
  overrides: Partial<ResolvedNode> = {},
): ResolvedNode {
  const node = {
    id,
    memory,
    capacityBytes: 16 * GiB,
    cpus: 0,
    readLatencyNs: 80,
    writeLatencyNs: 80,
    readBandwidthGBps: 100,
    writeBandwidthGBps: 50,
    adistance: null,
    hmat: false,
    ...overrides,
  };
  // The kind's curve shape at the node's own bandwidth and latency, as resolveNode gives it.
  const loadedLatency =
    overrides.loadedLatency ?? defaultLatencyCurve(memory, node.readBandwidthGBps, node.readLatencyNs);
  return { ...node, loadedLatency };
}

export function makeMachine(nodes: ResolvedNode[], distances: number[][]): ResolvedMachine {
  const interleaveWeights = reduceInterleaveWeights(nodes.map(nodeInterleaveBandwidth));
  return { pageSize: 4096, nodes, distances, swap: null, interleaveWeights, interleaveAuto: true };
}

/** memory-tiers.c Example 1: nodes 0-1 CPU + DRAM, nodes 2-3 PMEM. */
export const example1 = (): ResolvedMachine =>
  makeMachine(
    [
      makeNode(0, 'dram', { cpus: 8 }),
      makeNode(1, 'dram', { cpus: 8 }),
      makeNode(2, 'pmem'),
      makeNode(3, 'pmem'),
    ],
    [
      [10, 20, 30, 40],
      [20, 10, 40, 30],
      [30, 40, 10, 40],
      [40, 30, 40, 10],
    ],
  );

/** memory-tiers.c Example 2: nodes 0-1 CPU + DRAM, node 2 memory-only DRAM. */
export const example2 = (): ResolvedMachine =>
  makeMachine(
    [makeNode(0, 'dram', { cpus: 8 }), makeNode(1, 'dram', { cpus: 8 }), makeNode(2, 'dram')],
    [
      [10, 20, 30],
      [20, 10, 30],
      [30, 30, 10],
    ],
  );

/**
 * memory-tiers.c Example 3: node 0 CPU + DRAM, node 1 HBM, node 2 PMEM. HBM reports its perf via
 * HMAT: same latency as DRAM, 400 GB/s against DRAM's 150, so
 * adist = 576 * 160 / 160 * 150000 / 400000 = 86400000 / 400000 = 216 (memory_tier1).
 */
export const example3 = (): ResolvedMachine =>
  makeMachine(
    [
      makeNode(0, 'dram', { cpus: 8 }),
      makeNode(1, 'hbm', { hmat: true, readBandwidthGBps: 200, writeBandwidthGBps: 200 }),
      makeNode(2, 'pmem'),
    ],
    [
      [10, 20, 30],
      [20, 10, 40],
      [30, 40, 10],
    ],
  );
