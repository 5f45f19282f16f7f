// Per-cgroup samples (memcg_samples: memory.current, memory.stat, memory.events; memcg_node_samples:
// memory.numa_stat per node), written with the batch's other rows and read back as a batch's
// `cgroups` columns for the CSV export and the run view.
import type Database from 'better-sqlite3';
import { MEMCG_SAMPLE_COLUMNS } from '../../shared/memcg-stat.ts';
import { emptyColumns, numaStatColumn, type SampleBatch, type SampleColumns } from '../../shared/samples.ts';
import { sqliteOf, type Db } from './connection.ts';

const COLUMNS = MEMCG_SAMPLE_COLUMNS.map((n) => `"${n}"`).join(', ');
const PLACEHOLDERS = MEMCG_SAMPLE_COLUMNS.map(() => '?').join(', ');

interface Writer {
  insert: Database.Statement<unknown[]>;
  insertNode: Database.Statement<unknown[]>;
}
const writers = new WeakMap<Database.Database, Writer>();

function writerFor(sqlite: Database.Database): Writer {
  let w = writers.get(sqlite);
  if (!w) {
    w = {
      insert: sqlite.prepare(
        `INSERT INTO memcg_samples (run_id, t_ms, cgroup, ${COLUMNS}) VALUES (?, ?, ?, ${PLACEHOLDERS})`,
      ),
      insertNode: sqlite.prepare(
        'INSERT INTO memcg_node_samples (run_id, t_ms, cgroup, node_id, anon, file) VALUES (?, ?, ?, ?, ?, ?)',
      ),
    };
    writers.set(sqlite, w);
  }
  return w;
}

/** The node ids of a cgroup's numa_stat columns (anon_N<id>), ascending. */
function numaNodes(columns: SampleColumns): number[] {
  return Object.keys(columns)
    .flatMap((k) => (/^anon_N(\d+)$/.exec(k) ? [Number(k.slice(6))] : []))
    .sort((a, b) => a - b);
}

/**
 * Writes the batch's cgroup rows; the caller holds the transaction. Throws naming the cgroup and
 * field when a column is missing or short.
 */
export function appendCgroupRows(sqlite: Database.Database, runId: number, batch: SampleBatch): void {
  if (!batch.cgroups) return;
  const w = writerFor(sqlite);
  const rows = batch.timesMs.length;
  for (const [name, columns] of Object.entries(batch.cgroups)) {
    const stat = MEMCG_SAMPLE_COLUMNS.map((c) => {
      const column = columns[c];
      if (!Array.isArray(column) || column.length !== rows)
        throw new Error(`A sample batch of ${rows} samples needs ${rows} values of ${c} for cgroup ${name}.`);
      return column;
    });
    const nodes = numaNodes(columns);
    for (let row = 0; row < rows; row++) {
      const tMs = batch.timesMs[row]!;
      w.insert.run([runId, tMs, name, ...stat.map((c) => c[row]!)]);
      for (const n of nodes)
        w.insertNode.run([
          runId,
          tMs,
          name,
          n,
          columns[numaStatColumn('anon', n)]![row]!,
          columns[numaStatColumn('file', n)]![row]!,
        ]);
    }
  }
}

/** A run's cgroup samples: their times (a cgroup has a row at every sample) and columns by cgroup. */
export function readCgroupSamples(
  db: Db,
  runId: number,
): Pick<SampleBatch, 'timesMs'> & { cgroups: Record<string, SampleColumns> } {
  const sqlite = sqliteOf(db);
  const rows = sqlite
    .prepare<[number], unknown[]>(
      `SELECT t_ms, cgroup, ${COLUMNS} FROM memcg_samples WHERE run_id = ? ORDER BY cgroup, t_ms`,
    )
    .raw(true)
    .all(runId);
  const cgroups: Record<string, SampleColumns> = {};
  const times = new Map<string, number[]>();
  for (const row of rows) {
    const name = row[1] as string;
    const columns = (cgroups[name] ??= emptyColumns(MEMCG_SAMPLE_COLUMNS));
    const t = times.get(name) ?? [];
    t.push(row[0] as number);
    times.set(name, t);
    MEMCG_SAMPLE_COLUMNS.forEach((c, i) => columns[c]!.push(row[i + 2] as number));
  }
  const nodeRows = sqlite
    .prepare<[number], [string, number, number, number]>(
      'SELECT cgroup, node_id, anon, file FROM memcg_node_samples WHERE run_id = ? ORDER BY cgroup, node_id, t_ms',
    )
    .raw(true)
    .all(runId);
  for (const [name, node, anon, file] of nodeRows) {
    const columns = cgroups[name];
    if (!columns) continue;
    (columns[numaStatColumn('anon', node)] ??= []).push(anon);
    (columns[numaStatColumn('file', node)] ??= []).push(file);
  }
  return { timesMs: [...times.values()][0] ?? [], cgroups };
}
