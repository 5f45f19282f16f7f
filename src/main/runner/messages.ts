// The typed messages between the run service and its worker threads. A sample batch travels as the
// engine took it (structured clone); cancellation is a shared flag, because a worker busy in the engine reads no messages.
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import type { RunResult } from '../../shared/result.ts';
import type { RunProgress } from '../../shared/progress.ts';
import type { SampleBatch } from '../../shared/samples.ts';

export interface RunJob {
  type: 'run';
  runId: number;
  scenario: ResolvedScenario;
  /** Int32Array over it: [0] = 1 asks the worker to stop. */
  control: SharedArrayBuffer;
}

export type ToWorker = RunJob;

export type FromWorker =
  | { type: 'samples'; runId: number; batch: SampleBatch }
  /** `latest`: the newest sample's machine-wide row, ordered as COUNTERS, as the event carries it. */
  | ({ type: 'progress'; runId: number; latest: number[] } & RunProgress)
  | { type: 'done'; runId: number; result: RunResult; stopped: boolean }
  | { type: 'error'; runId: number; message: string };

/** Sent once by a worker when it starts, before any job: what the pool reports if it runs out of memory. */
export interface WorkerReady {
  type: 'ready';
  /** V8's heap_size_limit in the worker, MiB (resourceLimits and --max-old-space-size both shape it). */
  heapLimitMb: number;
}

export const CONTROL_STOP = 1;
