// Reads a run's samples back: as row objects for the UI, in keyset-paged chunks for streaming export,
// and as a SampleBatch in the shape the engine emitted.
import type { SampleBatch } from '../../shared/samples.ts';
import { COUNTERS, NR_COUNTERS, type CounterName } from '../../shared/vmstat.ts';
import { sqliteOf, type Db } from './connection.ts';
import { COUNTER_COLUMNS } from './sample-columns.ts';

/** One machine-wide sample: simulated time and every counter under its kernel name. */
export type SampleRow = { tMs: number } & Record<CounterName, number>;
export type NodeSampleRow = SampleRow & { nodeId: number };

const EXPORT_CHUNK_ROWS = 4096;

export function readSamples(db: Db, runId: number): SampleRow[] {
  return sqliteOf(db)
    .prepare<[number], SampleRow>(
      `SELECT t_ms AS tMs, ${COUNTER_COLUMNS} FROM samples WHERE run_id = ? ORDER BY t_ms`,
    )
    .all(runId);
}

export function readNodeSamples(db: Db, runId: number): NodeSampleRow[] {
  return sqliteOf(db)
    .prepare<[number], NodeSampleRow>(
      `SELECT t_ms AS tMs, node_id AS nodeId, ${COUNTER_COLUMNS} FROM node_samples WHERE run_id = ? ORDER BY t_ms, node_id`,
    )
    .all(runId);
}

export function countSamples(db: Db, runId: number): number {
  return (
    sqliteOf(db)
      .prepare<[number], number>('SELECT count(*) FROM samples WHERE run_id = ?')
      .pluck()
      .get(runId) ?? 0
  );
}

/**
 * Streams a run's machine-wide samples in time order as arrays [t_ms, ...counters in COUNTERS order],
 * the cheapest shape for CSV. It reads chunk by chunk (no cursor stays open between yields), so the same
 * connection can keep writing other runs' samples while an export is consumed slowly.
 */
export function* iterateSampleRows(db: Db, runId: number): Generator<number[], void, undefined> {
  const chunk = sqliteOf(db)
    .prepare<[number, number, number], number[]>(
      `SELECT t_ms, ${COUNTER_COLUMNS} FROM samples WHERE run_id = ? AND t_ms > ? ORDER BY t_ms LIMIT ?`,
    )
    .raw(true);
  let after = -Infinity;
  for (;;) {
    const rows = chunk.all(runId, after, EXPORT_CHUNK_ROWS);
    yield* rows;
    if (rows.length < EXPORT_CHUNK_ROWS) return;
    after = rows[rows.length - 1]![0]!;
  }
}

/**
 * Streams a run's per-node samples (/sys/devices/system/node/nodeN/vmstat) ordered by time, then node,
 * as arrays [t_ms, node_id, ...counters in COUNTERS order]; only node `node` when given. Keyset-paged
 * on the primary key like iterateSampleRows, so memory stays flat however many rows the run has.
 */
export function* iterateNodeSampleRows(
  db: Db,
  runId: number,
  node?: number,
): Generator<number[], void, undefined> {
  const sqlite = sqliteOf(db);
  const select = `SELECT t_ms, node_id, ${COUNTER_COLUMNS} FROM node_samples WHERE run_id = ?`;
  if (node !== undefined) {
    const chunk = sqlite
      .prepare<[number, number, number, number], number[]>(
        `${select} AND node_id = ? AND t_ms > ? ORDER BY t_ms LIMIT ?`,
      )
      .raw(true);
    for (let after = -Infinity; ;) {
      const rows = chunk.all(runId, node, after, EXPORT_CHUNK_ROWS);
      yield* rows;
      if (rows.length < EXPORT_CHUNK_ROWS) return;
      after = rows[rows.length - 1]![0]!;
    }
  }
  const chunk = sqlite
    .prepare<[number, number, number, number], number[]>(
      `${select} AND (t_ms, node_id) > (?, ?) ORDER BY t_ms, node_id LIMIT ?`,
    )
    .raw(true);
  for (let [afterT, afterNode] = [-Infinity, -1]; ;) {
    const rows = chunk.all(runId, afterT, afterNode, EXPORT_CHUNK_ROWS);
    yield* rows;
    if (rows.length < EXPORT_CHUNK_ROWS) return;
    [afterT, afterNode] = rows[rows.length - 1]! as [number, number];
  }
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

/** The run's per-node samples as one batch, exactly as appendSampleBatch received them. */
export function readSampleBatch(db: Db, runId: number): SampleBatch {
  const sqlite = sqliteOf(db);
  const nrNodes =
    sqlite
      .prepare<[number], number>('SELECT max(node_id) + 1 FROM node_samples WHERE run_id = ?')
      .pluck()
      .get(runId) ?? 0;
  const rows = sqlite
    .prepare<[number], number[]>(
      `SELECT t_ms, node_id, ${COUNTER_COLUMNS} FROM node_samples WHERE run_id = ? ORDER BY t_ms, node_id`,
    )
    .raw(true)
    .all(runId);
  if (nrNodes === 0) return { nrNodes: 1, timesMs: new Float64Array(0), values: new Float64Array(0) };
  if (rows.length % nrNodes !== 0) throw new Error(`Run ${runId} has samples missing for some nodes.`);
  const timesMs = new Float64Array(rows.length / nrNodes);
  const values = new Float64Array(rows.length * NR_COUNTERS);
  rows.forEach((row, i) => {
    if (row[1] !== i % nrNodes) throw new Error(`Run ${runId} has samples missing for some nodes.`);
    timesMs[Math.floor(i / nrNodes)] = row[0]!;
    values.set(row.slice(2), i * NR_COUNTERS);
  });
  return { nrNodes, timesMs, values };
}

/** Column headers matching iterateSampleRows' arrays. */
export const SAMPLE_ROW_COLUMNS: readonly string[] = ['t_ms', ...COUNTERS];
