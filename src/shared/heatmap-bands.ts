// The access heatmap split by node: one band per node, each with the workload's address buckets,
// ordered by tier (top tier first), for the run view, `tierlab show --heatmap` and the CSV export.
// A cell of node n's band is the references to the bucket in the interval times the share of the
// bucket's resident pages on n at the interval's end: where the references were served, taking the
// pages of a bucket as equally hot. Example: 1000 references to a bucket with 48 pages on DRAM and
// 16 on PMEM give 750 in DRAM's band and 250 in PMEM's; a bucket with nothing resident adds to none.
import type { AccessHeatmap, NodeResult } from './result.ts';

export interface HeatBand {
  /** The node's index in the result's `nodes` (and in `residentPages`), and the node itself. */
  index: number;
  node: NodeResult;
  /** The last band of its tier that is followed by another tier's band. */
  tierBoundaryAfter: boolean;
}

/** The bands in the order drawn: by tier (memory_tierN, top first), then node id. */
export function heatBands(nodes: readonly NodeResult[]): HeatBand[] {
  const order = nodes
    .map((node, index) => ({ index, node }))
    .sort((a, b) => a.node.tier - b.node.tier || a.node.id - b.node.id);
  return order.map((b, i) => ({
    ...b,
    tierBoundaryAfter: i + 1 < order.length && order[i + 1]!.node.tier !== b.node.tier,
  }));
}

/** Pages of the bucket resident on node index n at column c's end, and on all nodes. */
function residentOn(h: AccessHeatmap, c: number, b: number, n: number): { on: number; all: number } {
  const row = h.residentPages?.[c]?.[b];
  if (!row) return { on: 0, all: 0 };
  let all = 0;
  for (const p of row) all += p;
  return { on: row[n] ?? 0, all };
}

/**
 * References to bucket b in column c served from node index n (see the header), or null when none
 * of the bucket's pages were on n at the column's end (nothing there to reference).
 */
export function bandReferences(h: AccessHeatmap, c: number, b: number, n: number): number | null {
  const { on, all } = residentOn(h, c, b, n);
  if (!(on > 0)) return null;
  return ((h.references[c]?.[b] ?? 0) * on) / all;
}

/** The largest cell over every band: the top of the colour scale. */
export function maxBandReferences(h: AccessHeatmap, nrNodes: number): number {
  let max = 0;
  h.references.forEach((row, c) =>
    row.forEach((_, b) => {
      for (let n = 0; n < nrNodes; n++) max = Math.max(max, bandReferences(h, c, b, n) ?? 0);
    }),
  );
  return max;
}

/**
 * A band's cells in blocks: rows of buckets down, columns of intervals across. A block is the
 * references per interval to its buckets (summed over its buckets, averaged over its intervals),
 * so blocks of one and of two intervals compare alike when the intervals do not split evenly.
 */
export interface BandGrid {
  /** [row][column]: references per interval, or null where no bucket of the block had a page on the node. */
  cells: (number | null)[][];
  /** Per row, its first bucket; per column, its last column's end time. */
  firstBucket: number[];
  timesMs: number[];
}

/** Splits `count` items into at most `parts` nearly equal runs; returns each run's first item, then `count`. */
export function splitEvenly(count: number, parts: number): number[] {
  const k = Math.max(1, Math.min(count, parts));
  return Array.from({ length: k + 1 }, (_, i) => Math.round((i * count) / k));
}

/** Node index n's band in at most `rows` x `columns` blocks (see BandGrid), for a text rendering. */
export function bandGrid(h: AccessHeatmap, n: number, rows: number, columns: number): BandGrid {
  const buckets = h.references[0]?.length ?? 0;
  const rowEdges = splitEvenly(buckets, rows);
  const colEdges = splitEvenly(h.timesMs.length, columns);
  const cells: (number | null)[][] = [];
  for (let r = 0; r + 1 < rowEdges.length; r++) {
    const line: (number | null)[] = [];
    for (let k = 0; k + 1 < colEdges.length; k++) {
      let sum: number | null = null;
      for (let b = rowEdges[r]!; b < rowEdges[r + 1]!; b++) {
        for (let c = colEdges[k]!; c < colEdges[k + 1]!; c++) {
          const v = bandReferences(h, c, b, n);
          if (v !== null) sum = (sum ?? 0) + v;
        }
      }
      line.push(sum === null ? null : sum / (colEdges[k + 1]! - colEdges[k]!));
    }
    cells.push(line);
  }
  return {
    cells,
    firstBucket: rowEdges.slice(0, -1),
    timesMs: colEdges.slice(1).map((c) => h.timesMs[c - 1]!),
  };
}
