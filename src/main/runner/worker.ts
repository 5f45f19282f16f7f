// A worker thread: runs one scenario at a time through the engine and streams what it produces.
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerReady } from './messages.ts';
import { CONTROL_STOP } from './messages.ts';
import { allocationFailureMessage, isAllocationFailure } from './out-of-memory.ts';
import { runScenario } from './run-scenario.ts';
import { attachTraces } from '../trace/attach.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

function post(message: FromWorker | WorkerReady): void {
  port!.postMessage(message);
}

port.on('message', (job: ToWorker) => void runJob(job));
post({ type: 'ready', heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20) });

async function runJob(job: ToWorker): Promise<void> {
  const control = new Int32Array(job.control);
  try {
    await attachTraces(job.scenario);
    const { result, stopped } = runScenario(job.scenario, {
      shouldStop: () => Atomics.load(control, 0) === CONTROL_STOP,
      onSamples: (batch) => post({ type: 'samples', runId: job.runId, batch }),
      onProgress: (progress, latest) =>
        post({ type: 'progress', runId: job.runId, ...progress, latest: Array.from(latest) }),
    });
    post({ type: 'done', runId: job.runId, result, stopped });
  } catch (e) {
    post({ type: 'error', runId: job.runId, message: runError(e) });
  }
}

/** The run's error is shown to users: one line. An unexpected error's stack goes to the host's log. */
function runError(e: unknown): string {
  if (isAllocationFailure(e)) return allocationFailureMessage(e as RangeError);
  if (!(e instanceof Error)) return String(e);
  if (e.name !== 'TraceError') console.error(e.stack);
  return e.message;
}
