// A pool of worker threads with a queue: each worker runs one job at a time; a worker that throws
// or dies fails only its own job and is replaced. Default size: cores - 1, at least 1.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FromWorker, RunJob } from './messages.ts';

export const DEFAULT_WORKER_URL = new URL('./worker.ts', import.meta.url);

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

export interface PoolListener {
  /** A worker took the job and is starting it. */
  onStart(runId: number): void;
  onMessage(message: FromWorker): void;
  /** The worker running `runId` died without reporting (crash, kill, out of memory). */
  onWorkerLost(runId: number, reason: string): void;
}

interface Slot {
  worker: Worker;
  runId: number | null;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: RunJob[] = [];
  private closed = false;
  readonly size: number;
  private readonly listener: PoolListener;
  private readonly workerUrl: URL | string;

  constructor(size: number, listener: PoolListener, workerUrl: URL | string = DEFAULT_WORKER_URL) {
    this.size = size;
    this.listener = listener;
    this.workerUrl = workerUrl;
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
    const slot = this.slots.find((s) => s.runId === runId);
    if (!slot) return false;
    await slot.worker.terminate();
    return true;
  }

  get busy(): number {
    return this.slots.filter((s) => s.runId !== null).length + this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.workerUrl), runId: null };
    slot.worker.on('message', (m: FromWorker) => {
      if (m.type === 'done' || m.type === 'error') slot.runId = null;
      this.listener.onMessage(m);
      this.dispatch();
    });
    slot.worker.on('error', (e) => this.lose(slot, e.stack ?? e.message));
    slot.worker.on('exit', (code) => this.lose(slot, `worker exited with code ${code}`));
    return slot;
  }

  /** Fails the slot's job (if any) and replaces the worker, once. */
  private lose(slot: Slot, reason: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    const runId = slot.runId;
    slot.runId = null;
    void slot.worker.terminate();
    if (this.closed) return;
    this.slots[i] = this.spawn();
    if (runId !== null) this.listener.onWorkerLost(runId, reason);
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.runId !== null) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.runId = job.runId;
      this.listener.onStart(job.runId);
      slot.worker.postMessage(job);
    }
  }
}
