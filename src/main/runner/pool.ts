// A pool of worker threads with a queue: each worker runs one job at a time; a worker that throws
// or dies (out of memory included) fails only its own job, and is replaced when a job next needs it,
// so a worker that cannot even start fails each job once instead of respawning in a loop.
// Default size: cores - 1, at least 1.
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { FromWorker, RunJob, WorkerReady } from './messages.ts';
import { isWorkerOutOfMemory, outOfMemoryMessage } from './out-of-memory.ts';

export const DEFAULT_WORKER_URL = new URL('./worker.ts', import.meta.url);

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

export interface PoolListener {
  /** A worker took the job and is starting it. */
  onStart(runId: number): void;
  onMessage(message: FromWorker): void;
  /** The worker running `runId` died without reporting (crash, kill, out of memory): the run's error, one line. */
  onWorkerLost(runId: number, reason: string): void;
}

export interface PoolOptions {
  workerUrl?: URL | string;
  /** Passed to every worker; Node's defaults (shaped by --max-old-space-size) when absent. */
  resourceLimits?: ResourceLimits;
}

interface Slot {
  worker: Worker;
  runId: number | null;
  heapLimitMb: number | null;
}

export class WorkerPool {
  /** null: the worker there was lost, and none is started until a job waits. */
  private readonly slots: (Slot | null)[] = [];
  private readonly queue: RunJob[] = [];
  private closed = false;
  readonly size: number;
  private readonly listener: PoolListener;
  private readonly workerUrl: URL | string;
  private readonly resourceLimits: ResourceLimits | null;

  constructor(size: number, listener: PoolListener, options: PoolOptions = {}) {
    this.size = size;
    this.listener = listener;
    this.workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
    this.resourceLimits = options.resourceLimits ?? null;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  submit(job: RunJob): void {
    this.queue.push(job);
    this.dispatch();
  }

  /** Removes a job that has not started; returns false if it is not queued. */
  dequeue(runId: number): boolean {
    const i = this.queue.findIndex((j) => j.runId === runId);
    if (i < 0) return false;
    this.queue.splice(i, 1);
    return true;
  }

  /** Terminates the worker running `runId` at once (the run is lost as if it crashed). */
  async kill(runId: number): Promise<boolean> {
    const slot = this.slots.find((s) => s?.runId === runId);
    if (!slot) return false;
    await slot.worker.terminate();
    return true;
  }

  /** Worker threads alive now (a lost worker is replaced only when a job waits). */
  get nrWorkers(): number {
    return this.slots.filter((s) => s !== null).length;
  }

  get busy(): number {
    return this.slots.filter((s) => s && s.runId !== null).length + this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    const live = this.slots.filter((s) => s !== null);
    await Promise.all(live.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const limits = this.resourceLimits ? { resourceLimits: this.resourceLimits } : {};
    const slot: Slot = { worker: new Worker(this.workerUrl, limits), runId: null, heapLimitMb: null };
    slot.worker.on('message', (m: FromWorker | WorkerReady) => {
      if (m.type === 'ready') {
        slot.heapLimitMb = m.heapLimitMb;
        return;
      }
      if (m.type === 'done' || m.type === 'error') slot.runId = null;
      this.listener.onMessage(m);
      this.dispatch();
    });
    slot.worker.on('error', (e) => this.lose(slot, this.describeError(slot, e)));
    slot.worker.on('exit', (code) => this.lose(slot, `the worker running it exited with code ${code}`));
    return slot;
  }

  /** The run's error, one line: the worker's stack goes to stderr, not into the run. */
  private describeError(slot: Slot, e: Error): string {
    if (isWorkerOutOfMemory(e))
      return outOfMemoryMessage({ heapLimitMb: slot.heapLimitMb, resourceLimits: this.resourceLimits });
    if (e.stack) process.stderr.write(`tierlab worker: ${e.stack}\n`);
    return `the worker running it died: ${e.message.split('\n')[0]!}`;
  }

  /** Fails the slot's job (if any) and empties the slot, once. */
  private lose(slot: Slot, reason: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    const runId = slot.runId;
    slot.runId = null;
    this.slots[i] = null;
    void slot.worker.terminate();
    if (this.closed) return;
    if (runId !== null) this.listener.onWorkerLost(runId, reason);
    this.dispatch();
  }

  /** Hands queued jobs to idle workers, starting one in each empty slot a job waits for. */
  private dispatch(): void {
    for (let i = 0; i < this.slots.length && this.queue.length > 0; i++) {
      if (this.closed) return;
      const slot = this.slots[i] ?? (this.slots[i] = this.spawn());
      if (slot.runId !== null) continue;
      const job = this.queue.shift()!;
      slot.runId = job.runId;
      this.listener.onStart(job.runId);
      slot.worker.postMessage(job);
    }
  }
}
