// A run's samples as a file beside its result file (`x.result.json` -> `x.samples.json`), so a run
// imported from a sweep shard keeps its time series. The shape is the SampleBatch the engine emits,
// with the counter names spelled out so a file stays readable when the counter list grows.
import type { SampleBatch } from './samples.ts';
import { COUNTERS, NR_COUNTERS } from './vmstat.ts';

export const SAMPLES_FORMAT = 'tierlab.samples/1';

export interface SamplesFile {
  format: typeof SAMPLES_FORMAT;
  nrNodes: number;
  counters: string[];
  timesMs: number[];
  /** Row-major: values[(row * nrNodes + node) * counters.length + counter]. */
  values: number[];
}

/** The companion file's name for a result file: `.result.json` (or `.json`) becomes `.samples.json`. */
export function samplesFileFor(resultFile: string): string {
  return resultFile.replace(/(\.result)?\.json$/, '') + '.samples.json';
}

export function toSamplesFile(batch: SampleBatch): SamplesFile {
  return {
    format: SAMPLES_FORMAT,
    nrNodes: batch.nrNodes,
    counters: [...COUNTERS],
    timesMs: Array.from(batch.timesMs),
    values: Array.from(batch.values),
  };
}

export type SamplesFileRead = { ok: true; batch: SampleBatch } | { ok: false; problem: string };

/**
 * Checks a samples file against this build's counters and the run it belongs to (`nrNodes`): the
 * same counters in any order, whole rows, finite values, times increasing.
 */
export function readSamplesFile(json: unknown, nrNodes: number): SamplesFileRead {
  const bad = (problem: string): SamplesFileRead => ({ ok: false, problem });
  const f = json as Partial<SamplesFile> | null;
  if (typeof f !== 'object' || f === null || f.format !== SAMPLES_FORMAT)
    return bad(`not a ${SAMPLES_FORMAT} file`);
  if (f.nrNodes !== nrNodes) return bad(`nrNodes is ${String(f.nrNodes)}, but the run has ${nrNodes} nodes`);
  const { counters, timesMs, values } = f;
  if (!Array.isArray(counters) || !Array.isArray(timesMs) || !Array.isArray(values))
    return bad('counters, timesMs and values must be lists');
  const known = new Set<string>(COUNTERS);
  const unknown = counters.filter((c) => !known.has(c));
  const missing = COUNTERS.filter((c) => !counters.includes(c));
  if (unknown.length || missing.length || counters.length !== NR_COUNTERS) {
    const parts = [
      unknown.length ? `unknown counters ${unknown.slice(0, 5).join(', ')}` : '',
      missing.length ? `missing counters ${missing.slice(0, 5).join(', ')}` : '',
    ].filter(Boolean);
    return bad(`counters differ from this build's (${parts.join('; ') || 'a counter twice'})`);
  }
  const rows = timesMs.length;
  if (values.length !== rows * nrNodes * NR_COUNTERS)
    return bad(
      `${rows} samples of ${nrNodes} nodes need ${rows * nrNodes * NR_COUNTERS} values, not ${values.length}`,
    );
  for (let i = 0; i < rows; i++) {
    const t = timesMs[i] as unknown;
    if (typeof t !== 'number' || !Number.isFinite(t) || (i > 0 && t <= (timesMs[i - 1] as number)))
      return bad(`timesMs[${i}] must be a number after timesMs[${i - 1}]`);
  }
  // Reorder the file's counters into this build's order.
  const from = COUNTERS.map((c) => counters.indexOf(c));
  const out = new Float64Array(values.length);
  for (let r = 0; r < rows * nrNodes; r++) {
    for (let c = 0; c < NR_COUNTERS; c++) {
      const v = values[r * NR_COUNTERS + from[c]!] as unknown;
      if (typeof v !== 'number' || !Number.isFinite(v))
        return bad(`values[${r * NR_COUNTERS + from[c]!}] must be a number`);
      out[r * NR_COUNTERS + c] = v;
    }
  }
  return { ok: true, batch: { nrNodes, timesMs: Float64Array.from(timesMs), values: out } };
}
