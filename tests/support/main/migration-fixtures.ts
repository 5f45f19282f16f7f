// Fixtures for the migration tests: a database with data in every table, and a dump of every row,
// so a migrated file can be compared value by value with what it held before.
import type Database from 'better-sqlite3';
import { sqliteOf, type Db } from '../../../src/main/db/connection.ts';
import { MIGRATIONS_TABLE } from '../../../src/main/db/marker.ts';
import { savePart } from '../../../src/main/db/parts.ts';
import { saveResult } from '../../../src/main/db/results.ts';
import { setRunNote } from '../../../src/main/db/run-notes.ts';
import { addRunTags } from '../../../src/main/db/run-tags.ts';
import { markRunDone, markRunRunning } from '../../../src/main/db/run-transitions.ts';
import { saveScenario } from '../../../src/main/db/scenarios.ts';
import { makeResult } from './db.ts';

export type Row = Record<string, unknown>;

export function userTables(sqlite: Database.Database): string[] {
  return sqlite
    .prepare<[], string>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '${MIGRATIONS_TABLE}' ORDER BY name`,
    )
    .pluck()
    .all();
}

export function columnNames(sqlite: Database.Database, table: string): string[] {
  return sqlite
    .prepare<[], { name: string }>(`PRAGMA table_info("${table}")`)
    .all()
    .map((c) => c.name);
}

/** Every row of every table, ordered by primary key, so two dumps compare row by row. */
export function dump(sqlite: Database.Database): Map<string, Row[]> {
  const tables = new Map<string, Row[]>();
  for (const table of userTables(sqlite)) {
    const pk = sqlite
      .prepare<[], { name: string; pk: number }>(`PRAGMA table_info("${table}")`)
      .all()
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => `"${c.name}"`);
    tables.set(
      table,
      sqlite.prepare<[], Row>(`SELECT * FROM "${table}" ORDER BY ${pk.join(', ') || 'rowid'}`).all(),
    );
  }
  return tables;
}

/** Puts at least one row in every table, through the repository functions. */
export function seedEveryTable(db: Db): void {
  const machine = savePart(
    db,
    'machine',
    { name: 'dram+cxl', document: { nodes: [{ id: 0 }, { id: 1 }] } },
    1,
  );
  const workload = savePart(db, 'workload', { name: 'hotset', document: [{ type: 'hotset' }] }, 2);
  const policy = savePart(db, 'policy', { name: 'tpp', document: { preset: 'tpp' } }, 3);
  const scenario = saveScenario(
    db,
    {
      name: 'tpp on cxl',
      document: { format: 'tierlab.scenario/1', name: 'tpp on cxl' },
      runSettings: { durationMs: 1000 },
      machineId: machine.id,
      workloadId: workload.id,
      policyId: policy.id,
    },
    4,
  );
  const run = {
    id: insertRow(sqliteOf(db), 'runs', {
      name: 'tpp on cxl',
      seed: 9,
      engine_version: '0.1.0',
      engine: 'rate',
      scenario_id: scenario.id,
      scenario_document: JSON.stringify({ a: 1 }),
      status: 'queued',
      owner_pid: process.pid,
      queued_at: 4,
    }),
  };
  markRunRunning(db, run.id, 5);
  seedSamples(sqliteOf(db), run.id);
  markRunDone(db, run.id, { finishedAt: 6, wallMs: 1.5, simulatedMs: 490 });
  saveResult(db, run.id, makeResult());
  addRunTags(db, run.id, ['baseline', 'fig-3']);
  setRunNote(db, run.id, 'promotion looks throttled', 7);
  if (columnNames(sqliteOf(db), 'tunes').length > 0)
    insertRow(sqliteOf(db), 'tunes', {
      status: 'done',
      objective: 'throughput',
      request: JSON.stringify({ document: { name: 'tpp on cxl' } }),
      report: JSON.stringify({ tuneId: 1, arms: [] }),
      owner_pid: process.pid,
      created_at: 8,
      updated_at: 9,
    });
}

/**
 * One row written with the columns the table has (an older schema lacks columns added since, such
 * as runs.engine); returns its rowid.
 */
function insertRow(sqlite: Database.Database, table: string, values: Row): number {
  const have = new Set(columnNames(sqlite, table));
  const columns = Object.keys(values).filter((c) => have.has(c));
  const info = sqlite
    .prepare(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    )
    .run(...columns.map((c) => values[c]));
  return Number(info.lastInsertRowid);
}

/**
 * Sample rows written with the columns the database has, not the ones this build knows: an older
 * schema lacks counters added since, and the rows must still go in as that version wrote them.
 */
function seedSamples(sqlite: Database.Database, runId: number): void {
  // The memcg tables came with a later migration: an older set has none to seed.
  const tables = ['samples', 'node_samples', 'memcg_samples', 'memcg_node_samples'];
  for (const table of tables.filter((t) => columnNames(sqlite, t).length > 0)) {
    const columns = columnNames(sqlite, table);
    const insert = sqlite.prepare(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    for (let row = 0; row < 50; row++) {
      for (let node = 0; node < (columns.includes('node_id') ? 2 : 1); node++) {
        insert.run(
          columns.map((c, i) =>
            c === 'run_id'
              ? runId
              : c === 't_ms'
                ? row * 10
                : c === 'node_id'
                  ? node
                  : c === 'cgroup'
                    ? 'batch'
                    : row * 100 + node * 10 + i + 0.5,
          ),
        );
      }
    }
  }
}
