// A run's samples, column-oriented: the one shape a sample has from the engine's sampler through the
// worker, the database and the API to the renderer's charts and the CSV writers. Plain arrays, so a
// batch is the same object over postMessage, Electron IPC and JSON.
import { COUNTERS, NR_COUNTERS } from './vmstat.ts';

/** One column per counter, under its kernel name: one value per sample. */
export type SampleColumns = Record<string, number[]>;

export interface SampleBatch {
  /** Simulated time of each sample, ms, increasing. */
  timesMs: number[];
  /**
   * Machine-wide (/proc/vmstat): each counter over the nodes, summed once, where the sample is
   * taken (sumOverNodes); never summed again downstream.
   */
  counters: SampleColumns;
  /** Per node id (/sys/devices/system/node/nodeN/vmstat): each counter's column. */
  nodes: Record<string, SampleColumns>;
  /**
   * Per memory cgroup name, when the run has cgroups: memory.current, memory.stat and memory.events
   * under MEMCG_SAMPLE_COLUMNS' names, and memory.numa_stat as `anon_N<id>` / `file_N<id>` per node.
   */
  cgroups?: Record<string, SampleColumns>;
}

/** memory.numa_stat's column of a cgroup sample: `anon_N0`, `file_N1`, ... as numa_stat writes N0=. */
export function numaStatColumn(kind: 'anon' | 'file', node: number): string {
  return `${kind}_N${node}`;
}

/** Empty columns for every counter, ready to be pushed to. */
export function emptyColumns(names: readonly string[] = COUNTERS): SampleColumns {
  return Object.fromEntries(names.map((name) => [name, [] as number[]]));
}

/**
 * The machine-wide row: out[c] = the sum over nodes of counter c, from rows laid out node after node
 * (rows[n * NR_COUNTERS + c]). The one place the machine-wide row is formed; nodes are added in order,
 * so the same nodes give the same doubles wherever it runs.
 */
export function sumOverNodes(rows: Float64Array, nrNodes: number, out: Float64Array): Float64Array {
  out.fill(0);
  for (let n = 0; n < nrNodes; n++) {
    const off = n * NR_COUNTERS;
    for (let c = 0; c < NR_COUNTERS; c++) out[c]! += rows[off + c]!;
  }
  return out;
}

/**
 * Appends `more`'s samples later than `into`'s last to `into`, column by column, for the columns
 * `into` has (a reader that asked for some counters keeps only those). Returns how many were added.
 * Postcondition: every column of `into` is as long as its timesMs.
 */
export function appendSamples(into: SampleBatch, more: SampleBatch): number {
  const last = into.timesMs.length ? into.timesMs[into.timesMs.length - 1]! : -Infinity;
  let from = 0;
  while (from < more.timesMs.length && more.timesMs[from]! <= last) from++;
  const take = more.timesMs.length - from;
  if (take <= 0) return 0;
  const extend = (to: SampleColumns, src: SampleColumns | undefined) => {
    for (const [name, column] of Object.entries(to)) {
      const add = src?.[name];
      for (let i = from; i < more.timesMs.length; i++) column.push(add?.[i] ?? NaN);
    }
  };
  for (let i = from; i < more.timesMs.length; i++) into.timesMs.push(more.timesMs[i]!);
  extend(into.counters, more.counters);
  for (const [node, columns] of Object.entries(into.nodes)) extend(columns, more.nodes[node]);
  for (const [name, columns] of Object.entries(into.cgroups ?? {})) extend(columns, more.cgroups?.[name]);
  return take;
}
