// Runs: one execution of a scenario with a seed. Creating, reading and listing them; status changes
// live in run-transitions.ts.
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { ormOf, type Db } from './connection.ts';
import { fromJsonText, toJsonText } from './json.ts';
import type { RunInfo, RunStatus } from '../../shared/api/types.ts';
import type { RunEngine } from '../../shared/scenario/resolved.ts';
import { runs, runTags } from './schema.ts';

/** A run as stored: the API's RunInfo without its tags, plus the process that owns it. */
export interface Run extends Omit<RunInfo, 'tags'> {
  /** The process that queued or runs it; null for imported runs. */
  ownerPid: number | null;
}

export interface NewRun {
  name: string;
  seed: number;
  engineVersion: string;
  /** Defaults to run.engine's default, the rate engine. */
  engine?: RunEngine;
  scenarioId?: number | null;
  scenarioHash?: string | null;
  /** The scenario exactly as run; kept with the run because the saved scenario may change later. */
  scenario?: unknown;
  /** Defaults to this process. */
  ownerPid?: number | null;
  queuedAt?: number;
}

export interface RunFilter {
  status?: RunStatus | readonly RunStatus[];
  scenarioId?: number;
  scenarioHash?: string;
  tag?: string;
  /** Newest first unless 'oldest'. */
  order?: 'newest' | 'oldest';
  limit?: number;
  offset?: number;
}

type RunRow = typeof runs.$inferSelect;

/** Spelled out, so a new column reaches the API only on purpose (the scenario document never does). */
export function toRun(row: RunRow): Run {
  return {
    id: row.id,
    name: row.name,
    scenarioId: row.scenarioId,
    scenarioHash: row.scenarioHash,
    status: row.status,
    seed: row.seed,
    engineVersion: row.engineVersion,
    engine: row.engine,
    ownerPid: row.ownerPid,
    queuedAt: row.queuedAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    wallMs: row.wallMs,
    simulatedMs: row.simulatedMs,
    progress: row.progress,
    error: row.error,
  };
}

/** Queues a run: status 'queued', progress 0. */
export function createRun(db: Db, input: NewRun): Run {
  const row = ormOf(db)
    .insert(runs)
    .values({
      name: input.name,
      seed: input.seed,
      engineVersion: input.engineVersion,
      engine: input.engine ?? 'rate',
      scenarioId: input.scenarioId ?? null,
      scenarioHash: input.scenarioHash ?? null,
      scenarioDocument: input.scenario === undefined ? null : toJsonText(input.scenario, 'The scenario'),
      status: 'queued',
      ownerPid: input.ownerPid === undefined ? process.pid : input.ownerPid,
      queuedAt: input.queuedAt ?? Date.now(),
    })
    .returning()
    .get();
  return toRun(row);
}

export function getRun(db: Db, id: number): Run | null {
  const row = ormOf(db).select().from(runs).where(eq(runs.id, id)).get();
  return row ? toRun(row) : null;
}

/** The scenario document the run was made from, or null when none was kept (imported runs). */
export function getRunScenario(db: Db, id: number): unknown {
  const row = ormOf(db).select({ document: runs.scenarioDocument }).from(runs).where(eq(runs.id, id)).get();
  return row?.document == null ? null : fromJsonText(row.document);
}

export function listRuns(db: Db, filter: RunFilter = {}): Run[] {
  const orm = ormOf(db);
  const where: SQL[] = [];
  if (filter.status !== undefined) {
    const statuses: readonly RunStatus[] =
      typeof filter.status === 'string' ? [filter.status] : filter.status;
    where.push(inArray(runs.status, [...statuses]));
  }
  if (filter.scenarioId !== undefined) where.push(eq(runs.scenarioId, filter.scenarioId));
  if (filter.scenarioHash !== undefined) where.push(eq(runs.scenarioHash, filter.scenarioHash));
  if (filter.tag !== undefined) {
    const tagged = orm.select({ runId: runTags.runId }).from(runTags).where(eq(runTags.tag, filter.tag));
    where.push(inArray(runs.id, tagged));
  }
  const rows = orm
    .select()
    .from(runs)
    .where(and(...where))
    .orderBy(filter.order === 'oldest' ? asc(runs.id) : desc(runs.id))
    .limit(filter.limit ?? -1)
    .offset(filter.offset ?? 0)
    .all();
  return rows.map(toRun);
}

/** Deletes the run with its samples, result, tags and note (ON DELETE CASCADE). */
export function deleteRun(db: Db, id: number): boolean {
  return ormOf(db).delete(runs).where(eq(runs.id, id)).run().changes > 0;
}
