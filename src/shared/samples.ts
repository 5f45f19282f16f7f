// Sample batches: what a run emits every `sampleEveryMs`, as flat typed arrays so a batch crosses
// a worker boundary as transferables. Row-major: values[(row * nrNodes + node) * NR_COUNTERS + counter].
import { NR_COUNTERS } from './vmstat.ts';

export interface SampleBatch {
  nrNodes: number;
  /** Simulated time of each row, ms. */
  timesMs: Float64Array;
  /** Per-node counters, ordered as COUNTERS. */
  values: Float64Array;
}

export function sampleRows(batch: SampleBatch): number {
  return batch.timesMs.length;
}

/** The machine-wide row (/proc/vmstat) for one sample: the sum over nodes of each counter. */
export function globalRow(
  batch: SampleBatch,
  row: number,
  out = new Float64Array(NR_COUNTERS),
): Float64Array {
  out.fill(0);
  const base = row * batch.nrNodes * NR_COUNTERS;
  for (let n = 0; n < batch.nrNodes; n++) {
    const off = base + n * NR_COUNTERS;
    for (let c = 0; c < NR_COUNTERS; c++) out[c]! += batch.values[off + c]!;
  }
  return out;
}

/** One node's row for one sample (a view, no copy). */
export function nodeRow(batch: SampleBatch, row: number, node: number): Float64Array {
  const off = (row * batch.nrNodes + node) * NR_COUNTERS;
  return batch.values.subarray(off, off + NR_COUNTERS);
}
