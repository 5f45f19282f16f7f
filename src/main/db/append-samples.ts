// Persists the engine's sample batches: per batch, one transaction that writes each sample's machine-wide
// row (samples) and its per-node rows (node_samples) through prepared statements.
import type Database from 'better-sqlite3';
import { globalRow, nodeRow, sampleRows, type SampleBatch } from '../../shared/samples.ts';
import { NR_COUNTERS } from '../../shared/vmstat.ts';
import { sqliteOf, type Db } from './connection.ts';
import { COUNTER_COLUMNS, COUNTER_PLACEHOLDERS } from './sample-columns.ts';

interface Writer {
  insertGlobal: Database.Statement<[number[]]>;
  insertNode: Database.Statement<[number[]]>;
  /** Reused parameter rows, so a batch allocates nothing per sample. */
  globalParams: number[];
  nodeParams: number[];
  sums: Float64Array<ArrayBuffer>;
}

// Prepared once per connection: the drizzle query builder is ~10x slower per row (STACK.md).
const writers = new WeakMap<Database.Database, Writer>();

function writerFor(sqlite: Database.Database): Writer {
  let writer = writers.get(sqlite);
  if (!writer) {
    writer = {
      insertGlobal: sqlite.prepare<[number[]]>(
        `INSERT INTO samples (run_id, t_ms, ${COUNTER_COLUMNS}) VALUES (?, ?, ${COUNTER_PLACEHOLDERS})`,
      ),
      insertNode: sqlite.prepare<[number[]]>(
        `INSERT INTO node_samples (run_id, t_ms, node_id, ${COUNTER_COLUMNS}) VALUES (?, ?, ?, ${COUNTER_PLACEHOLDERS})`,
      ),
      globalParams: new Array<number>(2 + NR_COUNTERS).fill(0),
      nodeParams: new Array<number>(3 + NR_COUNTERS).fill(0),
      sums: new Float64Array(NR_COUNTERS),
    };
    writers.set(sqlite, writer);
  }
  return writer;
}

/**
 * Appends every sample of `batch` to run `runId`, all or nothing. Throws (writing nothing) on a
 * malformed batch, a sample time already stored for the run, or a NaN (stored REALs are NOT NULL and
 * SQLite has no NaN).
 */
export function appendSampleBatch(db: Db, runId: number, batch: SampleBatch): void {
  const rows = sampleRows(batch);
  if (
    !Number.isInteger(batch.nrNodes) ||
    batch.nrNodes < 1 ||
    batch.values.length !== rows * batch.nrNodes * NR_COUNTERS
  ) {
    throw new Error(
      `A sample batch of ${rows} rows and ${batch.nrNodes} nodes needs ${rows * batch.nrNodes * NR_COUNTERS} values, not ${batch.values.length}.`,
    );
  }
  const sqlite = sqliteOf(db);
  const w = writerFor(sqlite);
  sqlite.transaction(() => {
    w.globalParams[0] = runId;
    w.nodeParams[0] = runId;
    for (let row = 0; row < rows; row++) {
      const tMs = batch.timesMs[row]!;
      w.globalParams[1] = tMs;
      copyInto(w.globalParams, 2, globalRow(batch, row, w.sums));
      w.insertGlobal.run(w.globalParams);
      w.nodeParams[1] = tMs;
      for (let node = 0; node < batch.nrNodes; node++) {
        w.nodeParams[2] = node;
        copyInto(w.nodeParams, 3, nodeRow(batch, row, node));
        w.insertNode.run(w.nodeParams);
      }
    }
  })();
}

function copyInto(params: number[], offset: number, values: Float64Array): void {
  for (let c = 0; c < values.length; c++) params[offset + c] = values[c]!;
}
