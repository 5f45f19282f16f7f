// Run results (`tierlab.result/1`): saved by the host when a run ends, or imported from result files
// written elsewhere (`tierlab sweep --shard` on another machine). Importing is idempotent.
import { asc, eq } from 'drizzle-orm';
import { RESULT_FORMAT, type RunResult } from '../../shared/result.ts';
import { withEngine } from '../../shared/result-schema.ts';
import { ormOf, transaction, type Db } from './connection.ts';
import { contentHash, fromJsonText, toJsonText } from './json.ts';
import { summariseResult, type ResultSummary } from './result-summary.ts';
import { results, runs } from './schema.ts';

export interface StoredResult {
  runId: number;
  result: RunResult;
  contentHash: string;
  summary: ResultSummary;
}

export interface ImportOptions {
  /** Known when the result file travelled with its scenario; groups the run with its repeats. */
  scenarioHash?: string | null;
  scenarioId?: number | null;
  scenario?: unknown;
  at?: number;
}

export interface ImportOutcome {
  runId: number;
  /** False when an identical result was already in the database; nothing was written. */
  imported: boolean;
}

/** Stores (or replaces) the result of run `runId`. */
export function saveResult(db: Db, runId: number, result: RunResult): StoredResult {
  const summary = summariseResult(result);
  const hash = contentHash(result);
  const columns = { result: toJsonText(result, 'The result'), contentHash: hash, ...summary };
  ormOf(db)
    .insert(results)
    .values({ runId, ...columns })
    .onConflictDoUpdate({ target: results.runId, set: columns })
    .run();
  return { runId, result, contentHash: hash, summary };
}

export function getResult(db: Db, runId: number): StoredResult | null {
  const row = ormOf(db).select().from(results).where(eq(results.runId, runId)).get();
  if (!row) return null;
  const { runId: id, result, contentHash: hash, ...summary } = row;
  // Written by saveResult from a typed RunResult (or imported after resultProblems found none), so it
  // is trusted as one; one stored or imported before results named their engine gets it filled in.
  const stored = withEngine(fromJsonText(result) as RunResult);
  return { runId: id, result: stored, contentHash: hash, summary };
}

/**
 * Adds a result file's run as a 'done' run with its result, unless a result with the same content
 * (canonical JSON, so key order does not matter) is already stored: then returns that run instead.
 */
export function importResult(db: Db, result: RunResult, options: ImportOptions = {}): ImportOutcome {
  // Typed as the current format, but a file from another Tierlab may say otherwise.
  const format: unknown = result.format;
  if (format !== RESULT_FORMAT) {
    throw new Error(`Cannot import a result of format ${String(format)}; this build reads ${RESULT_FORMAT}.`);
  }
  const hash = contentHash(result);
  return transaction(db, () => {
    const orm = ormOf(db);
    const existing = orm
      .select({ runId: results.runId })
      .from(results)
      .where(eq(results.contentHash, hash))
      .orderBy(asc(results.runId))
      .limit(1)
      .get();
    if (existing) return { runId: existing.runId, imported: false };
    const at = options.at ?? Date.now();
    const run = orm
      .insert(runs)
      .values({
        name: result.name,
        scenarioId: options.scenarioId ?? null,
        scenarioHash: options.scenarioHash ?? null,
        scenarioDocument:
          options.scenario === undefined ? null : toJsonText(options.scenario, 'The scenario'),
        status: 'done',
        seed: result.seed,
        engineVersion: result.engineVersion,
        // A result file from before run.engine has none: the exact engine, the only one then.
        engine: result.engine ?? 'exact',
        ownerPid: null,
        queuedAt: at,
        finishedAt: at,
        wallMs: result.wallMs,
        simulatedMs: result.simulatedMs,
        progress: 1,
      })
      .returning({ id: runs.id })
      .get();
    saveResult(db, run.id, result);
    return { runId: run.id, imported: true };
  });
}
