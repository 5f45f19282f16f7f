// The run service: queues runs, hands them to the worker pool, persists what comes back (one
// transaction per sample batch), publishes progress, and records how every run ended.
import type { ResourceLimits } from 'node:worker_threads';
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import type { ApiEvents, EventName } from '../../shared/api/contract.ts';
import type { SampleBatch } from '../../shared/samples.ts';
import { ENGINE_VERSION } from '../../engine/index.ts';
import {
  appendSampleBatch,
  createRun,
  describeStorageFailure,
  getRun,
  markInterruptedRuns,
  markRunCancelled,
  markRunDone,
  markRunFailed,
  markRunRunning,
  saveResult,
  setRunProgress,
  type Db,
  type Run,
} from '../db/index.ts';
import { CONTROL_STOP, type FromWorker } from './messages.ts';
import { defaultPoolSize, WorkerPool } from './pool.ts';

export type EventSink = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

export interface RunServiceOptions {
  db: Db;
  workers?: number;
  workerUrl?: URL | string;
  /** Per worker thread; see PoolOptions. */
  resourceLimits?: ResourceLimits;
  emit?: EventSink;
}

export interface RunRequest {
  scenario: ResolvedScenario;
  /** The scenario document as stored with the run. */
  document: unknown;
  scenarioId?: number | null;
  scenarioHash?: string | null;
}

/** Wall time between progress writes to the database and progress events, per run. */
const PROGRESS_EVERY_MS = 200;

interface Active {
  control: Int32Array;
  lastProgressAt: number;
  waiters: ((run: Run) => void)[];
}

/** The one-line reason a database write failed, "disk full" first when that is why. */
function storageFailure(db: Db, e: unknown): string {
  const detail = e instanceof Error ? e.message : String(e);
  return describeStorageFailure(db, e) ?? `the database could not store this run: ${detail}`;
}

export class RunService {
  readonly pool: WorkerPool;
  private readonly db: Db;
  private readonly emit: EventSink;
  private readonly active = new Map<number, Active>();

  constructor(options: RunServiceOptions) {
    this.db = options.db;
    this.emit = options.emit ?? (() => {});
    // A read-only lab cannot mark anything; its runs show as the file has them.
    if (this.db.readOnlyBecause === null) markInterruptedRuns(this.db);
    this.pool = new WorkerPool(options.workers ?? defaultPoolSize(), this, {
      workerUrl: options.workerUrl,
      resourceLimits: options.resourceLimits,
    });
  }

  /** Queues one run of the scenario (its own seed). Returns the run id. */
  enqueue(req: RunRequest): number {
    const run = createRun(this.db, {
      name: req.scenario.name,
      seed: req.scenario.run.seed,
      engineVersion: ENGINE_VERSION,
      engine: req.scenario.run.engine,
      scenarioId: req.scenarioId ?? null,
      scenarioHash: req.scenarioHash ?? null,
      scenario: req.document,
    });
    const control = new SharedArrayBuffer(4);
    this.active.set(run.id, { control: new Int32Array(control), lastProgressAt: 0, waiters: [] });
    this.emit('run:status', { runId: run.id, status: 'queued', error: null });
    this.pool.submit({ type: 'run', runId: run.id, scenario: req.scenario, control });
    return run.id;
  }

  /** Cancels a queued or running run; its samples so far are kept. */
  cancel(runId: number): boolean {
    const a = this.active.get(runId);
    if (!a) return false;
    if (this.pool.dequeue(runId)) {
      markRunCancelled(this.db, runId);
      this.finish(runId, 'cancelled', null);
    } else {
      Atomics.store(a.control, 0, CONTROL_STOP);
    }
    return true;
  }

  /** Resolves with the run once it has ended (done, failed or cancelled). */
  waitFor(runId: number): Promise<Run> {
    const a = this.active.get(runId);
    const run = getRun(this.db, runId);
    if (!a || !run) return run ? Promise.resolve(run) : Promise.reject(new Error(`no run ${runId}`));
    return new Promise((resolve) => a.waiters.push(resolve));
  }

  get pending(): number {
    return this.active.size;
  }

  async close(): Promise<void> {
    for (const runId of [...this.active.keys()])
      this.fail(runId, 'Tierlab was closed before the run finished.');
    await this.pool.close();
  }

  onStart(runId: number): void {
    try {
      if (markRunRunning(this.db, runId)) this.emit('run:status', { runId, status: 'running', error: null });
    } catch (e) {
      this.failOnStorage(runId, e);
    }
  }

  onMessage(m: FromWorker): void {
    const a = this.active.get(m.runId);
    if (!a) return;
    try {
      this.handle(a, m);
    } catch (e) {
      this.failOnStorage(m.runId, e);
    }
  }

  /**
   * A write for one run failed (a full disk, a database gone read-only): that run alone fails,
   * its worker is told to stop, and what was stored before stays. Nothing is thrown to the host.
   */
  private failOnStorage(runId: number, e: unknown): void {
    const a = this.active.get(runId);
    if (a) Atomics.store(a.control, 0, CONTROL_STOP);
    this.fail(runId, storageFailure(this.db, e));
  }

  /** Marks the run failed with `message` as far as the database allows, and ends it. */
  private fail(runId: number, message: string): void {
    try {
      markRunFailed(this.db, runId, message);
    } catch {
      // Even the status could not be written: the run is marked interrupted when the lab next opens.
    }
    this.finish(runId, 'failed', message);
  }

  private handle(a: Active, m: FromWorker): void {
    switch (m.type) {
      case 'samples':
        return this.onSamples(m.runId, m.batch);
      case 'progress': {
        const now = performance.now();
        if (now - a.lastProgressAt < PROGRESS_EVERY_MS && m.fraction < 1) return;
        a.lastProgressAt = now;
        setRunProgress(this.db, m.runId, m);
        this.emit('run:progress', {
          runId: m.runId,
          fraction: m.fraction,
          simulatedMs: m.simulatedMs,
          wallMs: m.wallMs,
          references: m.references,
          tasks: m.tasks,
          sampleMs: m.sampleMs,
          latest: m.latest,
        });
        return;
      }
      case 'done': {
        saveResult(this.db, m.runId, m.result);
        const timings = { wallMs: m.result.wallMs, simulatedMs: m.result.simulatedMs };
        if (m.stopped) markRunCancelled(this.db, m.runId, timings);
        else markRunDone(this.db, m.runId, timings);
        return this.finish(m.runId, m.stopped ? 'cancelled' : 'done', null);
      }
      case 'error':
        markRunFailed(this.db, m.runId, m.message);
        return this.finish(m.runId, 'failed', m.message);
    }
  }

  onWorkerLost(runId: number, reason: string): void {
    if (!this.active.has(runId)) return;
    this.fail(runId, reason);
  }

  private onSamples(runId: number, batch: SampleBatch): void {
    appendSampleBatch(this.db, runId, batch);
    this.emit('run:samples', { runId, ...batch });
  }

  private finish(runId: number, status: 'done' | 'failed' | 'cancelled', error: string | null): void {
    const a = this.active.get(runId);
    this.active.delete(runId);
    this.emit('run:status', { runId, status, error });
    const run = getRun(this.db, runId);
    if (a && run) for (const w of a.waiters) w(run);
  }
}
