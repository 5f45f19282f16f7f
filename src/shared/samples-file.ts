// A run's samples as a file beside its result file (`x.result.json` -> `x.samples.json`), so a run
// imported from a sweep shard keeps its time series. The file is the SampleBatch itself with a format
// tag: columns under the counters' names, so a file stays readable when the counter list grows.
// Files of the first format (row-major values) are still read.
import { numaStatColumn, sumOverNodes, type SampleBatch, type SampleColumns } from './samples.ts';
import { MEMCG_SAMPLE_COLUMNS } from './memcg-stat.ts';
import { COUNTERS, NR_COUNTERS, type CounterName } from './vmstat.ts';

export const SAMPLES_FORMAT = 'tierlab.samples/2';
/** The first format: values[(row * nrNodes + node) * counters.length + counter], no machine-wide row. */
export const SAMPLES_FORMAT_V1 = 'tierlab.samples/1';

export type SamplesFile = { format: typeof SAMPLES_FORMAT } & SampleBatch;

/** The companion file's name for a result file: `.result.json` (or `.json`) becomes `.samples.json`. */
export function samplesFileFor(resultFile: string): string {
  return resultFile.replace(/(\.result)?\.json$/, '') + '.samples.json';
}

export function toSamplesFile(batch: SampleBatch): SamplesFile {
  return { format: SAMPLES_FORMAT, ...batch };
}

export type SamplesFileRead = { ok: true; batch: SampleBatch } | { ok: false; problem: string };

class Problem extends Error {}
const bad = (problem: string): never => {
  throw new Problem(problem);
};

/** The counters a run has, machine-wide and per node (recordedCounters of its kernel). */
export interface RunCounterSets {
  machine: readonly CounterName[];
  node: readonly CounterName[];
}

const EVERY_COUNTER: RunCounterSets = { machine: COUNTERS, node: COUNTERS };

/**
 * Checks a samples file against this build's counters and the run it belongs to (`nrNodes`, and
 * the counters its kernel records): each of the run's counters and no unknown one, for the machine
 * and for each node 0..nrNodes-1, one finite value per sample, times increasing, and each
 * machine-wide value the sum of its nodes'. Known counters the run's kernel lacks (a file written
 * before kernel versions has every counter) are dropped, so the batch has only the run's.
 */
export function readSamplesFile(
  json: unknown,
  nrNodes: number,
  sets: RunCounterSets = EVERY_COUNTER,
): SamplesFileRead {
  try {
    const f = json as { format?: unknown } | null;
    if (typeof f === 'object' && f !== null && f.format === SAMPLES_FORMAT_V1)
      return { ok: true, batch: onlyRecorded(readV1(json as V1File, nrNodes), sets) };
    if (typeof f !== 'object' || f === null || f.format !== SAMPLES_FORMAT)
      bad(`not a ${SAMPLES_FORMAT} file`);
    return { ok: true, batch: readV2(json as Partial<SamplesFile>, nrNodes, sets) };
  } catch (e) {
    if (e instanceof Problem) return { ok: false, problem: e.message };
    throw e;
  }
}

function readTimes(timesMs: unknown): number[] {
  if (!Array.isArray(timesMs)) bad('timesMs must be a list');
  const times = timesMs as unknown[];
  times.forEach((t, i) => {
    if (typeof t !== 'number' || !Number.isFinite(t) || (i > 0 && t <= (times[i - 1] as number)))
      bad(`timesMs[${i}] must be a number after timesMs[${i - 1}]`);
  });
  return times as number[];
}

/** Problems with a set of counter names: those this build lacks, then those the run has and the file lacks. */
function checkCounterNames(
  names: readonly string[],
  where: string,
  wanted: readonly CounterName[] = COUNTERS,
): void {
  const known = new Set<string>(COUNTERS);
  const unknown = names.filter((c) => !known.has(c));
  const missing = wanted.filter((c) => !names.includes(c));
  if (!unknown.length && !missing.length && new Set(names).size === names.length) return;
  const parts = [
    unknown.length ? `unknown counters ${unknown.slice(0, 5).join(', ')}` : '',
    missing.length ? `missing counters ${missing.slice(0, 5).join(', ')}` : '',
  ].filter(Boolean);
  bad(`${where}: counters differ from this build's (${parts.join('; ') || 'a counter twice'})`);
}

/** The columns of `wanted` (checked), the file's other known columns dropped. */
function readColumns(
  value: unknown,
  rows: number,
  where: string,
  wanted: readonly CounterName[],
): SampleColumns {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    bad(`${where} must map each counter to its values`);
  const columns = value as Record<string, unknown>;
  checkCounterNames(Object.keys(columns), where, wanted);
  const out: SampleColumns = {};
  for (const name of wanted) {
    const column = columns[name];
    if (!Array.isArray(column) || column.length !== rows)
      bad(`${where}.${name} needs ${rows} values, one per sample`);
    (column as unknown[]).forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) bad(`${where}.${name}[${i}] must be a number`);
    });
    out[name] = column as number[];
  }
  return out;
}

/** A batch with only the run's counters. */
function onlyRecorded(batch: SampleBatch, sets: RunCounterSets): SampleBatch {
  const pick = (columns: SampleColumns, names: readonly CounterName[]): SampleColumns =>
    Object.fromEntries(names.map((name) => [name, columns[name]!]));
  const nodes: SampleBatch['nodes'] = {};
  for (const [id, columns] of Object.entries(batch.nodes)) nodes[id] = pick(columns, sets.node);
  return { timesMs: batch.timesMs, counters: pick(batch.counters, sets.machine), nodes };
}

function readV2(f: Partial<SamplesFile>, nrNodes: number, sets: RunCounterSets): SampleBatch {
  const timesMs = readTimes(f.timesMs);
  const rows = timesMs.length;
  if (typeof f.nodes !== 'object' || f.nodes === null) bad('nodes must map each node id to its counters');
  const ids = Object.keys(f.nodes!);
  const want = Array.from({ length: nrNodes }, (_, n) => String(n));
  if (ids.length !== nrNodes || want.some((id) => !ids.includes(id)))
    bad(`nodes are ${ids.join(', ') || 'none'}, but the run has nodes ${want.join(', ')}`);
  const nodes: SampleBatch['nodes'] = {};
  for (const id of want) nodes[id] = readColumns(f.nodes![id], rows, `nodes.${id}`, sets.node);
  const counters = readColumns(f.counters, rows, 'counters', sets.machine);
  // The machine-wide row is the sampler's sum over nodes: a file where it is not was edited. A
  // counter the kernel keeps machine-wide only (6.1's pgdemote_*) has no nodes to sum.
  const nodeRows = new Float64Array(nrNodes * NR_COUNTERS);
  const sum = new Float64Array(NR_COUNTERS);
  const perNode = new Set(sets.node);
  for (let r = 0; r < rows; r++) {
    for (let n = 0; n < nrNodes; n++)
      COUNTERS.forEach((name, c) => (nodeRows[n * NR_COUNTERS + c] = nodes[n]![name]?.[r] ?? 0));
    sumOverNodes(nodeRows, nrNodes, sum);
    COUNTERS.forEach((name, c) => {
      if (counters[name] === undefined || !perNode.has(name)) return;
      if (counters[name][r] !== sum[c]) bad(`counters.${name}[${r}] is not the sum of its nodes' values`);
    });
  }
  const cgroups = f.cgroups === undefined ? undefined : readCgroups(f.cgroups, rows, nrNodes);
  return { timesMs, counters, nodes, ...(cgroups && { cgroups }) };
}

/**
 * The optional per-cgroup columns: for each cgroup, memory.current, memory.stat and memory.events
 * (MEMCG_SAMPLE_COLUMNS) and memory.numa_stat's anon_N<id>/file_N<id> for each of the run's nodes.
 */
function readCgroups(value: unknown, rows: number, nrNodes: number): Record<string, SampleColumns> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    bad('cgroups must map each cgroup name to its columns');
  const nodes = Array.from({ length: nrNodes }, (_, n) => n);
  const want = [
    ...MEMCG_SAMPLE_COLUMNS,
    ...nodes.flatMap((n) => [numaStatColumn('anon', n), numaStatColumn('file', n)]),
  ];
  for (const [name, columns] of Object.entries(value as Record<string, unknown>)) {
    const where = `cgroups.${name}`;
    if (typeof columns !== 'object' || columns === null || Array.isArray(columns))
      bad(`${where} must map each memory.stat field to its values`);
    const have = Object.keys(columns as object);
    const other = have.find((c) => !want.includes(c));
    if (other !== undefined) bad(`${where}: unknown column ${other}`);
    for (const c of want) {
      const column = (columns as Record<string, unknown>)[c];
      if (!Array.isArray(column) || column.length !== rows)
        bad(`${where}.${c} needs ${rows} values, one per sample`);
      (column as unknown[]).forEach((v, i) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) bad(`${where}.${c}[${i}] must be a number`);
      });
    }
  }
  return value as Record<string, SampleColumns>;
}

interface V1File {
  nrNodes?: unknown;
  counters?: unknown;
  timesMs?: unknown;
  values?: unknown;
}

/** A first-format file, as a batch: columns taken from its rows, the machine-wide row summed here. */
function readV1(f: V1File, nrNodes: number): SampleBatch {
  if (f.nrNodes !== nrNodes) bad(`nrNodes is ${String(f.nrNodes)}, but the run has ${nrNodes} nodes`);
  if (!Array.isArray(f.counters) || !Array.isArray(f.values)) bad('counters and values must be lists');
  const counters = f.counters as string[];
  const values = f.values as unknown[];
  checkCounterNames(counters, 'counters');
  const timesMs = readTimes(f.timesMs);
  const rows = timesMs.length;
  if (values.length !== rows * nrNodes * NR_COUNTERS)
    bad(
      `${rows} samples of ${nrNodes} nodes need ${rows * nrNodes * NR_COUNTERS} values, not ${values.length}`,
    );
  const from = COUNTERS.map((c) => counters.indexOf(c));
  const batch: SampleBatch = { timesMs, counters: {}, nodes: {} };
  for (const name of COUNTERS) batch.counters[name] = [];
  for (let n = 0; n < nrNodes; n++)
    batch.nodes[n] = Object.fromEntries(COUNTERS.map((c) => [c, [] as number[]]));
  const nodeRows = new Float64Array(nrNodes * NR_COUNTERS);
  const sum = new Float64Array(NR_COUNTERS);
  for (let r = 0; r < rows; r++) {
    for (let n = 0; n < nrNodes; n++) {
      for (let c = 0; c < NR_COUNTERS; c++) {
        const at = (r * nrNodes + n) * NR_COUNTERS + from[c]!;
        const v = values[at];
        if (typeof v !== 'number' || !Number.isFinite(v)) bad(`values[${at}] must be a number`);
        nodeRows[n * NR_COUNTERS + c] = v as number;
        batch.nodes[n]![COUNTERS[c]!]!.push(v as number);
      }
    }
    sumOverNodes(nodeRows, nrNodes, sum);
    COUNTERS.forEach((name, c) => batch.counters[name]!.push(sum[c]!));
  }
  return batch;
}
