// Reads a run's samples back as the SampleBatch the engine emitted (the counters and nodes asked for):
// at once, or in keyset-paged chunks of samples so a long run streams with flat memory (no cursor
// stays open between chunks, so the connection keeps writing other runs' samples meanwhile).
import { emptyColumns, type SampleBatch } from '../../shared/samples.ts';
import type { CounterName, CounterScope } from '../../shared/vmstat.ts';
import { documentCounters } from '../../shared/scenario/run-kernel.ts';
import type Database from 'better-sqlite3';
import { sqliteOf, type Db } from './connection.ts';
import { getRunScenario } from './runs.ts';

/** Which columns to read: machine-wide counters, per-node counters, and only one node's. */
export interface SamplePick {
  /** Machine-wide columns (default every counter the run's kernel records; [] for none). */
  counters?: readonly CounterName[];
  /** Per-node columns (default every counter its kernel keeps per node; [] for none). */
  nodeCounters?: readonly CounterName[];
  /** Only this node's columns. */
  node?: number;
}

/** Samples per chunk when streaming: a few MB of columns. */
export const SAMPLES_PER_CHUNK = 4096;

const columnList = (names: readonly string[]) => names.map((n) => `, "${n}"`).join('');

/** The counters run `runId` recorded (its kernel's), machine-wide or per node, in COUNTERS order. */
export function runCounters(db: Db, runId: number, scope: CounterScope): readonly CounterName[] {
  return documentCounters(getRunScenario(db, runId), scope);
}

/** `names` as a column list where a counter the run did not record reads NULL (an empty CSV cell). */
function columnsOrNull(names: readonly CounterName[], recorded: readonly CounterName[]): string {
  const has = new Set(recorded);
  return names.map((n) => (has.has(n) ? `, "${n}"` : ', NULL')).join('');
}

export function countSamples(db: Db, runId: number): number {
  return (
    sqliteOf(db)
      .prepare<[number], number>('SELECT count(*) FROM samples WHERE run_id = ?')
      .pluck()
      .get(runId) ?? 0
  );
}

/** The node ids a run's samples cover, ascending (those of its first sample: every sample has all). */
export function sampledNodes(db: Db, runId: number): number[] {
  return sqliteOf(db)
    .prepare<[number, number], number>(
      `SELECT node_id FROM node_samples WHERE run_id = ? AND t_ms =
         (SELECT t_ms FROM node_samples WHERE run_id = ? ORDER BY t_ms LIMIT 1) ORDER BY node_id`,
    )
    .pluck()
    .all(runId, runId);
}

/** The run's samples after `afterMs`, at most `limit` of them (-1: all), as one batch. */
export function readSampleChunk(
  db: Db,
  runId: number,
  afterMs: number,
  limit: number,
  pick: SamplePick,
): SampleBatch {
  const sqlite = sqliteOf(db);
  const counters = pick.counters ?? runCounters(db, runId, 'machine');
  const nodeCounters = pick.nodeCounters ?? runCounters(db, runId, 'node');
  const machine = sqlite
    .prepare<[number, number, number], number[]>(
      `SELECT t_ms${columnList(counters)} FROM samples WHERE run_id = ? AND t_ms > ? ORDER BY t_ms LIMIT ?`,
    )
    .raw(true)
    .all(runId, afterMs, limit);
  const batch: SampleBatch = { timesMs: machine.map((r) => r[0]!), counters: {}, nodes: {} };
  counters.forEach((name, i) => (batch.counters[name] = machine.map((r) => r[i + 1]!)));
  if (nodeCounters.length === 0 || machine.length === 0) return batch;
  const last = batch.timesMs[batch.timesMs.length - 1]!;
  const oneNode = pick.node === undefined ? '' : ' AND node_id = ?';
  const args = pick.node === undefined ? [runId, afterMs, last] : [runId, afterMs, last, pick.node];
  const rows = sqlite
    .prepare<number[], number[]>(
      `SELECT node_id${columnList(nodeCounters)} FROM node_samples
       WHERE run_id = ? AND t_ms > ? AND t_ms <= ?${oneNode} ORDER BY t_ms, node_id`,
    )
    .raw(true)
    .all(...args);
  for (const row of rows) {
    const columns = (batch.nodes[row[0]!] ??= emptyColumns(nodeCounters));
    nodeCounters.forEach((name, i) => columns[name]!.push(row[i + 1]!));
  }
  for (const [id, columns] of Object.entries(batch.nodes))
    if (columns[nodeCounters[0]!]!.length !== batch.timesMs.length)
      throw new Error(`Run ${runId} has samples missing on node ${id}.`);
  return batch;
}

/**
 * The stored rows of at most `q.limit` samples after `q.afterMs`, as SQLite holds them, for writing as
 * CSV without reshaping: machine-wide `[t_ms, ...names]`, or per node `[t_ms, node_id, ...names]`
 * in time then node order (only `node`'s when given), null where the run's kernel has no such
 * counter. `lastMs` is the last sample's time, where the next chunk starts; `samples` how many
 * samples the rows cover.
 */
export function sampleRowsAfter(db: Db, q: StoredRowsQuery): StoredRows {
  return storedRowsAfter(sqliteOf(db), q);
}

export interface StoredRows {
  rows: (number | null)[][];
  samples: number;
  lastMs: number | null;
}

/** What sampleRowsAfter reads (`names`' columns of one run, the counters it recorded among them). */
export interface StoredRowsQuery {
  runId: number;
  afterMs: number;
  limit: number;
  names: readonly CounterName[];
  /** The counters the run's kernel recorded in this scope (runCounters); the rest of `names` read null. */
  recorded: readonly CounterName[];
  perNode: boolean;
  node?: number;
}

/**
 * sampleRowsAfter on a bare connection, for a thread that has no drizzle handle (the export's
 * readers, samples-chunk-worker.ts): everything it needs from the run's scenario is in `q`.
 */
export function storedRowsAfter(sqlite: Database.Database, q: StoredRowsQuery): StoredRows {
  const { runId, afterMs, limit, names, recorded, perNode, node } = q;
  const columns = columnsOrNull(names, recorded);
  if (!perNode) {
    const rows = sqlite
      .prepare<[number, number, number], number[]>(
        `SELECT t_ms${columns} FROM samples WHERE run_id = ? AND t_ms > ? ORDER BY t_ms LIMIT ?`,
      )
      .raw(true)
      .all(runId, afterMs, limit);
    return { rows, samples: rows.length, lastMs: rows.length ? rows[rows.length - 1]![0]! : null };
  }
  const times = sqlite
    .prepare<[number, number, number], number>(
      'SELECT t_ms FROM samples WHERE run_id = ? AND t_ms > ? ORDER BY t_ms LIMIT ?',
    )
    .pluck()
    .all(runId, afterMs, limit);
  if (!times.length) return { rows: [], samples: 0, lastMs: null };
  const lastMs = times[times.length - 1]!;
  const oneNode = node === undefined ? '' : ' AND node_id = ?';
  const args = node === undefined ? [runId, afterMs, lastMs] : [runId, afterMs, lastMs, node];
  const rows = sqlite
    .prepare<number[], number[]>(
      `SELECT t_ms, node_id${columns} FROM node_samples
       WHERE run_id = ? AND t_ms > ? AND t_ms <= ?${oneNode} ORDER BY t_ms, node_id`,
    )
    .raw(true)
    .all(...args);
  return { rows, samples: times.length, lastMs };
}

/** The run's samples as one batch, exactly as appendSampleBatch received them (the columns picked). */
export function readSampleBatch(db: Db, runId: number, pick: SamplePick = {}): SampleBatch {
  return readSampleChunk(db, runId, -Infinity, -1, pick);
}

/**
 * Where the chunk of `limit` samples after `afterMs` ends: the time of its last sample when the
 * chunk is full, else null (sampleRowsAfter's `lastMs` when `samples === limit`), from the primary
 * key's index alone, so an export can start reading the chunk after it before this one is read.
 */
export function fullChunkEnd(db: Db, runId: number, afterMs: number, limit: number): number | null {
  return (
    sqliteOf(db)
      .prepare<[number, number, number], number>(
        'SELECT t_ms FROM samples WHERE run_id = ? AND t_ms > ? ORDER BY t_ms LIMIT 1 OFFSET ?',
      )
      .pluck()
      .get(runId, afterMs, limit - 1) ?? null
  );
}
