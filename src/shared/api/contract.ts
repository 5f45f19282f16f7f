// The one API contract: every request and event by `domain:verb` name, with its payload types.
// The Node side implements it once; Electron IPC, HTTP+WebSocket and in-process calls carry it.
import type {
  PartInfo,
  PartKind,
  RunStatus,
  RunInfo,
  RunDetail,
  ScenarioInfo,
  DerivedMachine,
  Validation,
  Comparison,
  CompareRequest,
} from './types.ts';
import type { TraceCounts } from '../scenario/resolved.ts';
import type { RunProgress } from '../progress.ts';
import type { RunResult } from '../result.ts';
import type { SamplesFile } from '../samples-file.ts';
import type { SampleBatch } from '../samples.ts';
import type { TuneProgress, TuneReport, TuneRequest, TuneSummary } from '../tune/report.ts';

/**
 * Which samples a CSV holds: machine-wide rows (/proc/vmstat) by default; with perNode one row per
 * sample per node (/sys/devices/system/node/nodeN/vmstat), and with node as well, that node's only.
 */
export interface SamplesExportRequest {
  runIds: number[];
  perNode?: boolean;
  node?: number;
  /** Lead each row with its run id (default true; a single run's own file leaves it out). */
  withRunId?: boolean;
  /** Where the previous chunk ended (its `next`); absent for the first chunk, which has the header. */
  from?: SamplesCursor;
}

/** A place in a samples export: the run (an index into runIds) and the last sample time written of it. */
export interface SamplesCursor {
  run: number;
  /** null: from the run's first sample. */
  afterMs: number | null;
}

/** One run's samples (or the columns asked for), as the engine's sampler took them. */
export type RunSampleBatch = { runId: number } & SampleBatch;

/** A result file and, when it has one, its samples file, as `tierlab import` reads them. */
export interface RunImport {
  result: unknown;
  samples?: unknown;
}

/**
 * What `run:start` runs: a stored scenario, or a scenario document that is saved as a new scenario
 * first (the CLI's `run --save` and each combination of a sweep), so every run has its scenario row.
 */
export type RunSource = { scenarioId: number; document?: never } | { document: unknown; scenarioId?: never };

export interface ApiRequests {
  'app:info': { req: Record<string, never>; res: { engineVersion: string; dbPath: string; workers: number } };
  /** What the kernel derives from a machine under a policy (the preset decides e.g. whether demotion exists). */
  'machine:derive': { req: { machine: unknown; policy?: unknown }; res: Validation<DerivedMachine> };
  'scenario:validate': { req: { document: unknown }; res: Validation<unknown> };
  'scenario:list': { req: Record<string, never>; res: ScenarioInfo[] };
  'scenario:get': { req: { id: number }; res: ScenarioInfo };
  /** Creates (no id) or replaces (id) a scenario; rejected with every problem if invalid. */
  'scenario:save': { req: { id?: number; document: unknown }; res: Validation<ScenarioInfo> };
  'part:list': { req: { kind: PartKind }; res: PartInfo[] };
  /** Saves (or with id, replaces) a machine, workload list or policy under a name; invalid ones are refused. */
  'part:save': {
    req: { kind: PartKind; name: string; document: unknown; id?: number };
    res: Validation<PartInfo>;
  };
  /** Deletes a part and returns it, so a client can offer undo by saving it again. */
  'part:delete': { req: { kind: PartKind; id: number }; res: PartInfo };
  /** Deletes a scenario and returns it, so a client can offer undo by saving it again. */
  'scenario:delete': { req: { id: number }; res: ScenarioInfo };
  /**
   * Queues one run per seed (or `repeat` runs with consecutive seeds from the scenario's). A document
   * that is not a valid scenario is refused with its problems, and nothing is saved or queued.
   */
  'run:start': { req: RunSource & { seeds?: number[]; repeat?: number }; res: { runIds: number[] } };
  /**
   * Answers once every run has ended (not queued or running), or after `timeoutMs` with the runs as
   * they are then, so a client over HTTP can wait in slices. In the order asked.
   */
  'run:wait': { req: { runIds: number[]; timeoutMs?: number }; res: { runs: RunInfo[] } };
  'run:cancel': { req: { runId: number }; res: { cancelled: boolean } };
  'run:list': {
    req: { status?: RunStatus; scenarioId?: number; tag?: string; limit?: number };
    res: RunInfo[];
  };
  'run:get': { req: { runId: number }; res: RunDetail };
  /**
   * A run's samples: machine-wide columns of `counters` (default all), and per node those of
   * `nodeCounters`, or with `nodes` the same counters as machine-wide (default none).
   */
  'run:samples': {
    req: { runId: number; counters?: string[]; nodes?: boolean; nodeCounters?: string[] };
    res: RunSampleBatch;
  };
  /**
   * Stores result files as runs, each with its samples when given. Every one is checked before any is
   * stored, so a bad one imports nothing; one already stored (same result) is left as it is.
   */
  'run:import': {
    req: { runs: RunImport[] };
    res: { runs: { runId: number; imported: boolean; samples: number }[] };
  };
  'run:delete': { req: { runId: number }; res: { deleted: boolean } };
  'run:tag': { req: { runId: number; add?: string[]; remove?: string[] }; res: { tags: string[] } };
  'run:note': { req: { runId: number; text: string }; res: { text: string } };
  'compare:runs': { req: CompareRequest; res: Comparison };
  /**
   * A samples CSV, one chunk a call so no export is ever one string: the header and the first rows,
   * then with `from: next` the rows after, until `next` is null (readSamplesCsv does the loop).
   */
  'export:samples': {
    req: SamplesExportRequest;
    res: { filename: string; csv: string; next: SamplesCursor | null };
  };
  'export:results': { req: { runIds: number[] }; res: { filename: string; csv: string } };
  /** The access heatmaps of runs (one task's with `task`): a row per interval and address bucket. */
  'export:heatmap': { req: { runIds: number[]; task?: string }; res: { filename: string; csv: string } };
  /** Per-cgroup samples (memory.current, memory.stat, memory.events, memory.numa_stat): a row per sample and cgroup. */
  'export:cgroups': { req: { runIds: number[] }; res: { filename: string; csv: string } };
  /** Each task's fleet metrics (working set over time, idle-time percentiles, cold-age bins, STRR, STAR): a row per point. */
  'export:fleet': { req: { runIds: number[] }; res: { filename: string; csv: string } };
  /**
   * One run as the files `tierlab import` reads: its result with the scenario it ran and that
   * scenario's hash, and its samples (to be saved beside it, under `samplesFileFor(filename)`).
   * A run without a result (failed, or cancelled before it started) is not_found.
   */
  'export:run': {
    req: { runId: number };
    res: { filename: string; result: RunResult; samples: SamplesFile };
  };
  /**
   * Stores a lackey trace (plain or gzip, base64) beside the lab database after reading it through;
   * returns the path a `trace` workload names and the trace's counts. A malformed line is an error.
   */
  'trace:import': { req: { name: string; base64: string }; res: { file: string; counts: TraceCounts } };
  'export:comparison': {
    req: CompareRequest;
    res: { filename: string; csv: string };
  };
  /**
   * Starts a tune: searches the knob ranges for the best objective, each arm a scenario of its own
   * run with every seed (`tierlab tune`, the Tune panel). Refused with the problem, naming the knob or
   * field, before any run starts. Progress comes as `tune:progress` events.
   */
  'tune:start': { req: TuneRequest; res: { tuneId: number } };
  /** Answers the tune's report once it has ended, or after `timeoutMs` as it stands. */
  'tune:wait': { req: { tuneId: number; timeoutMs?: number }; res: TuneReport };
  /**
   * Cancels a running tune: its unfinished arm runs are cancelled, no further round starts, and its
   * report keeps the rounds that finished (status `cancelled`). False when it had already ended.
   */
  'tune:cancel': { req: { tuneId: number }; res: { cancelled: boolean } };
  /** The lab's stored tunes, newest first; `tune:wait` answers any of their reports. */
  'tune:list': { req: { limit?: number }; res: TuneSummary[] };
}

export interface ApiEvents {
  'run:status': { runId: number; status: RunStatus; error: string | null };
  /** `latest`: machine-wide counters of the newest sample, ordered as COUNTERS. */
  'run:progress': { runId: number; latest: number[] } & RunProgress;
  /** A running run's new samples, machine-wide and per node, as stored: `run:samples` answers the same shape. */
  'run:samples': RunSampleBatch;
  'tune:progress': TuneProgress;
}

export type Channel = keyof ApiRequests;
export type EventName = keyof ApiEvents;
export type Req<C extends Channel> = ApiRequests[C]['req'];
export type Res<C extends Channel> = ApiRequests[C]['res'];

/** Every channel at run time; a record so the compiler proves the list complete. */
const CHANNEL_SET: Record<Channel, true> = {
  'app:info': true,
  'machine:derive': true,
  'scenario:validate': true,
  'scenario:list': true,
  'scenario:get': true,
  'scenario:save': true,
  'scenario:delete': true,
  'part:list': true,
  'part:save': true,
  'part:delete': true,
  'run:start': true,
  'run:wait': true,
  'run:cancel': true,
  'run:list': true,
  'run:get': true,
  'run:samples': true,
  'run:import': true,
  'run:delete': true,
  'run:tag': true,
  'run:note': true,
  'compare:runs': true,
  'export:samples': true,
  'export:results': true,
  'export:heatmap': true,
  'export:cgroups': true,
  'export:fleet': true,
  'export:run': true,
  'export:comparison': true,
  'trace:import': true,
  'tune:start': true,
  'tune:wait': true,
  'tune:cancel': true,
  'tune:list': true,
};
export const CHANNELS = Object.keys(CHANNEL_SET) as Channel[];

const EVENT_SET: Record<EventName, true> = {
  'run:status': true,
  'run:progress': true,
  'run:samples': true,
  'tune:progress': true,
};
export const EVENT_NAMES = Object.keys(EVENT_SET) as EventName[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(CHANNEL_SET, name);
}

/** What every transport's client looks like to the renderer, the CLI and tests. */
export interface ApiClient {
  call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>>;
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/** An error a handler reports to the caller (bad input, missing record): its message is for users. */
export interface ApiErrorBody {
  error: string;
  code: 'invalid' | 'not_found' | 'conflict' | 'internal';
}
