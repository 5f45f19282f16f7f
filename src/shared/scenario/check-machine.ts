// Machine checks that need more than one field: node ids in order, a node with CPUs, capacities
// of at least a page, a power-of-two page size, and a SLIT-shaped distance matrix.
import { showBytes } from './errors.ts';
import { MAX_PAGE_SIZE } from './limits.ts';
import {
  LOCAL_DISTANCE,
  MAX_REMOTE_DISTANCE,
  MEMORY_KIND_DEFAULTS,
  MIN_REMOTE_DISTANCE,
} from './memory-kinds.ts';
import type { ParsedNode } from './schema.ts';
import type { Report } from './check.ts';
import type { ScenarioParts } from './salvage.ts';

/** Linux's smallest base page: every architecture it supports uses 4 KiB or more. */
const MIN_PAGE_SIZE = 4096;

function isPowerOfTwo(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}

/** The engine keeps a page's node id in five bits of its flags (as page->flags does). */
export const MAX_NODES = 32;

/** The page size when the machine's is one the engine runs, else undefined. */
export function validPageSize(pageSize: number | undefined): number | undefined {
  const ok =
    pageSize !== undefined &&
    isPowerOfTwo(pageSize) &&
    pageSize >= MIN_PAGE_SIZE &&
    pageSize <= MAX_PAGE_SIZE;
  return ok ? pageSize : undefined;
}

export function checkMachine(parts: ScenarioParts, report: Report): void {
  const { pageSize, nodes } = parts;
  const page = validPageSize(pageSize);
  if (pageSize !== undefined && page === undefined) {
    report(
      'machine.pageSize',
      pageSize > MAX_PAGE_SIZE
        ? `must be at most 1GiB, the largest page x86-64 maps; the engine shifts page sizes as 32-bit ints (got ${showBytes(pageSize)})`
        : `must be a power of two of at least 4KiB (got ${showBytes(pageSize)})`,
    );
  }
  if (nodes) checkNodes(nodes, page, report);
  if (nodes && nodes.length > MAX_NODES) {
    report('machine.nodes', `has ${nodes.length} nodes; Tierlab models at most ${MAX_NODES}`);
  }
  if (nodes && parts.distances) checkDistances(parts.distances, nodes.length, report);
  if (nodes && parts.weightedInterleave) checkInterleave(parts.weightedInterleave, nodes.length, report);
  if (page !== undefined && parts.swapCapacity !== undefined && parts.swapCapacity < page) {
    report(
      'machine.swap.capacity',
      `must be at least one page (${showBytes(page)}) (got ${showBytes(parts.swapCapacity)})`,
    );
  }
}

function checkNodes(
  nodes: NonNullable<ScenarioParts['nodes']>,
  page: number | undefined,
  report: Report,
): void {
  const seen = new Set<number>();
  nodes.forEach((node, i) => {
    if (!node) return;
    if (node.id !== undefined && node.id !== i) {
      report(
        `machine.nodes[${i}].id`,
        seen.has(node.id)
          ? `duplicate node id ${node.id}; ids are 0, 1, 2, ... in the order the nodes are listed`
          : `must be ${i}: ids are 0, 1, 2, ... in the order the nodes are listed (got ${node.id})`,
      );
    }
    if (node.id !== undefined) seen.add(node.id);
    checkCurveStart(node, i, report);
    if (page !== undefined && node.capacity !== undefined && node.capacity < page) {
      report(
        `machine.nodes[${i}].capacity`,
        `must be at least one page (${showBytes(page)}) (got ${showBytes(node.capacity)})`,
      );
    }
  });
  // Only a verdict when every node's cpus was readable: an unreadable one might be the node with CPUs.
  const cpus = nodes.map((n) => n?.cpus);
  if (cpus.length > 0 && cpus.every((c) => c === 0)) {
    report(
      'machine.nodes',
      'no node has CPUs; at least one needs "cpus" above 0 to run the workload ' +
        '(a CPU-less node only holds memory, like a PMEM or CXL expander)',
    );
  }
}

/** A loaded-latency curve starts from the idle read latency at 0 GB/s, so it cannot start below it. */
function checkCurveStart(node: Partial<ParsedNode>, i: number, report: Report): void {
  const first = node.loadedLatency?.[0];
  if (!first || node.memory === undefined) return;
  const idle = node.readLatencyNs ?? MEMORY_KIND_DEFAULTS[node.memory].readLatencyNs;
  if (first.latencyNs < idle) {
    report(
      `machine.nodes[${i}].loadedLatency[0].latencyNs`,
      `must be at least the node's idle read latency (${idle} ns): the curve rises from it at 0 GB/s ` +
        `(got ${first.latencyNs})`,
    );
  }
}

/** Weights name nodes of the machine; giving them turns auto off, so `auto: true` with them conflicts. */
function checkInterleave(
  wi: NonNullable<ScenarioParts['weightedInterleave']>,
  nrNodes: number,
  report: Report,
): void {
  const ids = Object.keys(wi.weights ?? {});
  for (const id of ids) {
    if (Number(id) >= nrNodes) {
      report(
        `machine.weightedInterleave.weights["${id}"]`,
        `node ${id} does not exist; the machine has ${nrNodes === 1 ? 'node 0 only' : `nodes 0-${nrNodes - 1}`}`,
      );
    }
  }
  if (wi.auto === true && ids.length > 0) {
    report(
      'machine.weightedInterleave.auto',
      'must be false (or left out) with weights: writing a nodeN weight turns weighted_interleave/auto off',
    );
  }
}

/** SLIT rules: n x n, LOCAL_DISTANCE on the diagonal, 11..254 elsewhere; asymmetry is allowed. */
function checkDistances(distances: number[][], n: number, report: Report): void {
  if (distances.length !== n) {
    report(
      'machine.distances',
      `must be a ${n} x ${n} matrix, one row per node (got ${distances.length} row${distances.length === 1 ? '' : 's'})`,
    );
  }
  distances.slice(0, n).forEach((row, i) => {
    if (row.length !== n) {
      report(`machine.distances[${i}]`, `must have ${n} entries, one per node (got ${row.length})`);
    }
    row.slice(0, n).forEach((d, j) => {
      const at = `machine.distances[${i}][${j}]`;
      if (i === j && d !== LOCAL_DISTANCE) {
        report(at, `a node's distance to itself must be ${LOCAL_DISTANCE} (got ${d})`);
      } else if (i !== j && (d < MIN_REMOTE_DISTANCE || d > MAX_REMOTE_DISTANCE)) {
        report(
          at,
          `a distance between two nodes must be from ${MIN_REMOTE_DISTANCE} to ${MAX_REMOTE_DISTANCE} ` +
            `(SLIT: 10 is local, 255 unreachable) (got ${d})`,
        );
      }
    });
  });
}
