// The typed messages between the run service and its worker threads. Sample arrays travel as
// transferables; cancellation is a shared flag, because a worker busy in the engine reads no messages.
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import type { RunResult } from '../../shared/result.ts';
import type { RunProgress } from '../../shared/progress.ts';

export interface RunJob {
  type: 'run';
  runId: number;
  scenario: ResolvedScenario;
  /** Int32Array over it: [0] = 1 asks the worker to stop. */
  control: SharedArrayBuffer;
}

export type ToWorker = RunJob;

export type FromWorker =
  | { type: 'samples'; runId: number; nrNodes: number; timesMs: Float64Array; values: Float64Array }
  | ({ type: 'progress'; runId: number; latest: Float64Array } & RunProgress)
  | { type: 'done'; runId: number; result: RunResult; stopped: boolean }
  | { type: 'error'; runId: number; message: string };

/** Sent once by a worker when it starts, before any job: what the pool reports if it runs out of memory. */
export interface WorkerReady {
  type: 'ready';
  /** V8's heap_size_limit in the worker, MiB (resourceLimits and --max-old-space-size both shape it). */
  heapLimitMb: number;
}

export const CONTROL_STOP = 1;
