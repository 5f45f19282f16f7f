// Persists the engine's sample batches: per batch, one transaction that writes each sample's machine-wide
// row (samples) and its per-node rows (node_samples) through prepared statements, taking each value
// from its column as the sampler left it (the machine-wide row is not summed again here).
import type Database from 'better-sqlite3';
import type { SampleBatch, SampleColumns } from '../../shared/samples.ts';
import { COUNTERS, NR_COUNTERS } from '../../shared/vmstat.ts';
import { sqliteOf, type Db } from './connection.ts';
import { COUNTER_COLUMNS, COUNTER_PLACEHOLDERS } from './sample-columns.ts';
import { appendCgroupRows } from './memcg-samples.ts';

interface Writer {
  insertGlobal: Database.Statement<[number[]]>;
  insertNode: Database.Statement<[number[]]>;
  /** Reused parameter rows, so a batch allocates nothing per sample. */
  globalParams: number[];
  nodeParams: number[];
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
    };
    writers.set(sqlite, writer);
  }
  return writer;
}

/**
 * Each counter's column of `columns` in COUNTERS order, null for a counter the run's kernel does not
 * record (stored as 0, never read back: readers select the run's counters, see documentCounters).
 * Throws naming the first column that is short, or when there is none at all.
 */
function storedColumns(columns: SampleColumns | undefined, rows: number, what: string): (number[] | null)[] {
  if (!columns || Object.keys(columns).length === 0)
    throw new Error(`A sample batch of ${rows} samples needs counter columns ${what}, not none.`);
  return COUNTERS.map((name) => {
    const column = columns[name];
    if (column === undefined) return null;
    if (!Array.isArray(column) || column.length !== rows)
      throw new Error(
        `A sample batch of ${rows} samples needs ${rows} values of ${name} ${what}, not ${column.length}.`,
      );
    return column;
  });
}

/** The batch's node ids, ascending; throws unless they are whole numbers and there is at least one. */
function nodeIds(batch: SampleBatch): number[] {
  const ids = Object.keys(batch.nodes).map(Number);
  if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id < 0))
    throw new Error(
      `A sample batch needs per-node columns under node ids 0, 1, ..., not [${Object.keys(batch.nodes).join(', ')}].`,
    );
  return ids.sort((a, b) => a - b);
}

/**
 * Appends every sample of `batch` to run `runId`, all or nothing. Throws (writing nothing) on a
 * batch with a short column or none for the machine or a node, a sample time already stored
 * for the run, or a NaN (stored REALs are NOT NULL and SQLite has no NaN).
 */
export function appendSampleBatch(db: Db, runId: number, batch: SampleBatch): void {
  const rows = batch.timesMs.length;
  const machine = storedColumns(batch.counters, rows, 'machine-wide');
  const nodes = nodeIds(batch).map((id) => ({
    id,
    columns: storedColumns(batch.nodes[id], rows, `on node ${id}`),
  }));
  const sqlite = sqliteOf(db);
  const w = writerFor(sqlite);
  sqlite.transaction(() => {
    w.globalParams[0] = runId;
    w.nodeParams[0] = runId;
    for (let row = 0; row < rows; row++) {
      const tMs = batch.timesMs[row]!;
      w.globalParams[1] = tMs;
      for (let c = 0; c < NR_COUNTERS; c++) w.globalParams[2 + c] = machine[c]?.[row] ?? 0;
      w.insertGlobal.run(w.globalParams);
      w.nodeParams[1] = tMs;
      for (const node of nodes) {
        w.nodeParams[2] = node.id;
        for (let c = 0; c < NR_COUNTERS; c++) w.nodeParams[3 + c] = node.columns[c]?.[row] ?? 0;
        w.insertNode.run(w.nodeParams);
      }
    }
    appendCgroupRows(sqlite, runId, batch);
  })();
}
