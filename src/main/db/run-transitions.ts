// A run's status changes: queued -> running -> done | failed | cancelled (interrupted: see
// interrupted-runs.ts). A transition from a state its guard does not list (cancel after done, a late
// progress tick) changes nothing and returns false, so a worker's last message may race a cancel.
import { and, eq, inArray } from 'drizzle-orm';
import { ormOf, type Db } from './connection.ts';
import type { RunStatus } from '../../shared/api/types.ts';
import type { RunProgress } from '../../shared/progress.ts';
import { runs } from './schema.ts';

export interface RunTimings {
  /** Epoch ms; defaults to now. */
  finishedAt?: number;
  wallMs?: number | null;
  simulatedMs?: number | null;
}

type RunChanges = Partial<typeof runs.$inferInsert>;

function transition(db: Db, id: number, from: readonly RunStatus[], changes: RunChanges): boolean {
  const result = ormOf(db)
    .update(runs)
    .set(changes)
    .where(and(eq(runs.id, id), inArray(runs.status, [...from])))
    .run();
  return result.changes > 0;
}

function finished(timings: RunTimings): RunChanges {
  return {
    finishedAt: timings.finishedAt ?? Date.now(),
    ...(timings.wallMs !== undefined && { wallMs: timings.wallMs }),
    ...(timings.simulatedMs !== undefined && { simulatedMs: timings.simulatedMs }),
  };
}

/** queued -> running. The starting process becomes the owner. */
export function markRunRunning(db: Db, id: number, startedAt = Date.now(), ownerPid = process.pid): boolean {
  return transition(db, id, ['queued'], { status: 'running', startedAt, ownerPid });
}

/** While running: how far it is (0..1), and how much simulated and wall time has passed. */
export function setRunProgress(
  db: Db,
  id: number,
  p: Pick<RunProgress, 'fraction' | 'simulatedMs' | 'wallMs'>,
): boolean {
  return transition(db, id, ['running'], {
    progress: p.fraction,
    simulatedMs: p.simulatedMs,
    wallMs: p.wallMs,
  });
}

/** running -> done, progress 1. */
export function markRunDone(db: Db, id: number, timings: RunTimings = {}): boolean {
  return transition(db, id, ['running'], { status: 'done', progress: 1, ...finished(timings) });
}

/** queued|running -> failed, with the error as the user should read it. */
export function markRunFailed(db: Db, id: number, error: string, timings: RunTimings = {}): boolean {
  return transition(db, id, ['queued', 'running'], { status: 'failed', error, ...finished(timings) });
}

/** queued|running -> cancelled. Samples already written are kept. */
export function markRunCancelled(db: Db, id: number, timings: RunTimings = {}): boolean {
  return transition(db, id, ['queued', 'running'], { status: 'cancelled', ...finished(timings) });
}
