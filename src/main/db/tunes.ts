// Tunes in the lab file: created when `tune:start` takes one, their report rewritten after each
// round and at the end, read back by `tune:wait`/`tune:list` once the process that ran them is gone.
import { desc, eq } from 'drizzle-orm';
import type { TuneReport, TuneRequest, TuneSummary } from '../../shared/tune/report.ts';
import { ormOf, transaction, type Db } from './connection.ts';
import { processIsAlive } from './interrupted-runs.ts';
import { tunes } from './schema.ts';

export const INTERRUPTED_TUNE_ERROR = 'The process running the tune exited before it finished.';

/** Stores a new tune (its report as it starts) and returns its id, which the report then carries. */
export function createTune(db: Db, request: TuneRequest, report: Omit<TuneReport, 'tuneId'>): number {
  const row = ormOf(db)
    .insert(tunes)
    .values({
      status: report.status,
      objective: report.objective.id,
      request: JSON.stringify(request),
      report: '{}',
      ownerPid: process.pid,
      createdAt: report.createdAt,
      updatedAt: report.createdAt,
    })
    .returning({ id: tunes.id })
    .get();
  saveTuneReport(db, { ...report, tuneId: row.id });
  return row.id;
}

export function saveTuneReport(db: Db, report: TuneReport, now = Date.now()): void {
  ormOf(db)
    .update(tunes)
    .set({ status: report.status, report: JSON.stringify(report), updatedAt: now })
    .where(eq(tunes.id, report.tuneId))
    .run();
}

export function getTuneReport(db: Db, tuneId: number): TuneReport | null {
  const row = ormOf(db).select({ report: tunes.report }).from(tunes).where(eq(tunes.id, tuneId)).get();
  return row ? (JSON.parse(row.report) as TuneReport) : null;
}

function scenarioName(request: string): string {
  const document = (JSON.parse(request) as TuneRequest).document as { name?: unknown } | null;
  return typeof document?.name === 'string' ? document.name : '(unnamed)';
}

/** The stored tunes, newest first. */
export function listTunes(db: Db, limit = 100): TuneSummary[] {
  const rows = ormOf(db).select().from(tunes).orderBy(desc(tunes.id)).limit(limit).all();
  return rows.map((row) => {
    const report = JSON.parse(row.report) as TuneReport;
    return {
      tuneId: row.id,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      status: row.status,
      scenario: scenarioName(row.request),
      objective: row.objective,
      knobs: report.knobs.map((k) => k.knob),
      runsDone: report.runsDone,
      best: report.best === null ? null : (report.arms[report.best]?.settings ?? null),
    };
  });
}

/**
 * At start-up, like markInterruptedRuns: running tunes whose process is gone become interrupted
 * (their report keeps the arms of the rounds that finished). Returns their ids.
 */
export function markInterruptedTunes(
  db: Db,
  isOwnerAlive: (pid: number) => boolean = processIsAlive,
  at = Date.now(),
): number[] {
  return transaction(db, () => {
    const open = ormOf(db)
      .select({ id: tunes.id, ownerPid: tunes.ownerPid })
      .from(tunes)
      .where(eq(tunes.status, 'running'))
      .all()
      .filter((t) => t.ownerPid === null || t.ownerPid === process.pid || !isOwnerAlive(t.ownerPid));
    for (const { id } of open) {
      const report = getTuneReport(db, id)!;
      saveTuneReport(db, { ...report, status: 'interrupted', error: INTERRUPTED_TUNE_ERROR }, at);
    }
    return open.map((t) => t.id);
  });
}
