// A worker thread: runs one scenario at a time through the engine and streams what it produces.
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './messages.ts';
import { CONTROL_STOP } from './messages.ts';
import { runScenario } from './run-scenario.ts';
import { attachTraces } from '../trace/attach.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

port.on('message', (job: ToWorker) => void runJob(job));

async function runJob(job: ToWorker): Promise<void> {
  const control = new Int32Array(job.control);
  try {
    await attachTraces(job.scenario);
    const { result, stopped } = runScenario(job.scenario, {
      shouldStop: () => Atomics.load(control, 0) === CONTROL_STOP,
      onSamples: (b) =>
        post(
          { type: 'samples', runId: job.runId, nrNodes: b.nrNodes, timesMs: b.timesMs, values: b.values },
          [b.timesMs.buffer as ArrayBuffer, b.values.buffer as ArrayBuffer],
        ),
      onProgress: (progress, latest) =>
        post({ type: 'progress', runId: job.runId, ...progress, latest: Float64Array.from(latest) }),
    });
    post({ type: 'done', runId: job.runId, result, stopped });
  } catch (e) {
    if (e instanceof Error && e.name !== 'TraceError') console.error(e.stack);
    post({
      type: 'error',
      runId: job.runId,
      // The run's error is shown to users: the message only. The stack goes to the host's log.
      message: e instanceof Error ? e.message : String(e),
    });
  }
}
