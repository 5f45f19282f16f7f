// Edits to a draft machine that keep it coherent: node ids 0..n-1 in order, and an explicit distance
// matrix (when there is one) square with 10 on the diagonal. Each returns a new machine.
import {
  LOCAL_DISTANCE,
  MEMORY_KIND_DEFAULTS,
  REMOTE_DISTANCE,
  type MemoryKind,
} from '../../shared/scenario/index.ts';
import type { DraftMachine, DraftNode } from '../scenario/draft.ts';

const PERF_FIELDS = ['readLatencyNs', 'writeLatencyNs', 'readBandwidthGBps', 'writeBandwidthGBps'] as const;

/** Postcondition: the new node is last, with id n and CPUs only if it is DRAM; distances stay square. */
export function addNode(m: DraftMachine, memory: MemoryKind): DraftMachine {
  const n = m.nodes.length;
  const node: DraftNode = { id: n, memory, capacity: '1GiB', cpus: memory === 'dram' ? 2 : 0 };
  const distances = m.distances?.map((row) => [...row, REMOTE_DISTANCE]);
  distances?.push(Array.from({ length: n + 1 }, (_, j) => (j === n ? LOCAL_DISTANCE : REMOTE_DISTANCE)));
  return { ...m, nodes: [...m.nodes, node], ...(distances && { distances }) };
}

/** Postcondition: later nodes move down one id; node `index`'s row and column leave the matrix. */
export function removeNode(m: DraftMachine, index: number): DraftMachine {
  const nodes = m.nodes.filter((_, i) => i !== index).map((node, i) => ({ ...node, id: i }));
  const distances = m.distances
    ?.filter((_, i) => i !== index)
    .map((row) => row.filter((_, j) => j !== index));
  return { ...m, nodes, ...(distances && { distances }) };
}

/** A new kind; latency and bandwidth left at the old kind's defaults follow the new kind's. */
export function changeKind(node: DraftNode, memory: MemoryKind): DraftNode {
  const old = MEMORY_KIND_DEFAULTS[node.memory as MemoryKind] as unknown as
    Record<string, number> | undefined;
  const next: DraftNode = { ...node, memory };
  for (const f of PERF_FIELDS) if (old && next[f] === old[f]) delete next[f];
  if (memory === 'dram') delete next.hmat;
  return next;
}

/** The kernel's default matrix for the machine's size: 10 local, 20 remote. */
export function defaultMatrix(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 10 : 20)));
}

/** Sets one distance, and its mirror when `symmetric`. */
export function setDistance(
  matrix: (number | string)[][],
  i: number,
  j: number,
  value: number | string,
  symmetric: boolean,
): (number | string)[][] {
  const out = matrix.map((row) => [...row]);
  if (out[i]) out[i][j] = value;
  if (symmetric && out[j]) out[j][i] = value;
  return out;
}
