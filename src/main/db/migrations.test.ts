import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTERS } from '../../shared/vmstat.ts';
import { sqliteOf } from './connection.ts';
import { MIGRATIONS_TABLE } from './marker.ts';
import { columnNames, dump, seedEveryTable } from '../../../tests/support/main/migration-fixtures.ts';
import { DEFAULT_MIGRATIONS_FOLDER, readKnownMigrations } from './migrations-folder.ts';
import { openDatabase } from './open-database.ts';
import { listRuns } from './runs.ts';
import * as schema from './schema.ts';
import {
  migrationsPlus,
  migrationsPrefix,
  openTempDatabase,
  tempDir,
} from '../../../tests/support/main/db.ts';

const known = readKnownMigrations(DEFAULT_MIGRATIONS_FOLDER);

type Snapshot = Record<string, unknown>;
interface DrizzleKitApi {
  generateSQLiteDrizzleJson(imports: Record<string, unknown>): Promise<Snapshot>;
  generateSQLiteMigration(previous: Snapshot, current: Snapshot): Promise<string[]>;
}

describe('migrations', () => {
  it('migrate an empty database to the schema in the snapshot', () => {
    const { db } = openTempDatabase();
    const sqlite = sqliteOf(db);
    const objects = sqlite
      .prepare<[], { sql: string }>('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name')
      .all()
      .map((row) => row.sql);
    expect(objects.join(';\n\n')).toMatchSnapshot();
  });

  it('give samples and node_samples one column per vmstat counter, under its kernel name, in COUNTERS order', () => {
    const { db } = openTempDatabase();
    const sqlite = sqliteOf(db);
    expect(columnNames(sqlite, 'samples')).toEqual(['run_id', 't_ms', ...COUNTERS]);
    expect(columnNames(sqlite, 'node_samples')).toEqual(['run_id', 't_ms', 'node_id', ...COUNTERS]);
  });

  it('cover every change in schema.ts (drizzle-kit would generate nothing new)', async () => {
    // drizzle-kit's declarations lean on zod 3 types this project does not have, so name just what is used.
    const api = (await import('drizzle-kit/api')) as unknown as DrizzleKitApi;
    const last = known[known.length - 1]!;
    const prefix = last.tag.split('_')[0]!;
    const snapshotPath = join(DEFAULT_MIGRATIONS_FOLDER, 'meta', `${prefix}_snapshot.json`);
    const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Snapshot;
    const current = await api.generateSQLiteDrizzleJson({ ...schema });
    expect(await api.generateSQLiteMigration(snapshot, current)).toEqual([]);
  });

  it('read runs from before run.engine as the exact engine, the only one then', () => {
    const before = known.findIndex((m) => m.tag.endsWith('_run-engine'));
    expect(before).toBeGreaterThan(0);
    const path = join(tempDir(), 'lab.db');
    const old = openDatabase(path, { migrationsFolder: migrationsPrefix(before) });
    seedEveryTable(old);
    old.close();
    const db = openDatabase(path);
    try {
      expect(listRuns(db).map((r) => r.engine)).toEqual(['exact']);
    } finally {
      db.close();
    }
  });

  it('carry a database made by the previous migration set, with data in every table, over without losing a value', () => {
    // With a single migration the previous set is the current one, and this checks that reopening is a no-op.
    const previous = Math.max(1, known.length - 1);
    const path = join(tempDir(), 'lab.db');
    const old = openDatabase(path, { migrationsFolder: migrationsPrefix(previous) });
    seedEveryTable(old);
    const before = dump(sqliteOf(old));
    old.close();
    for (const [table, rows] of before) expect(rows.length, `rows seeded in ${table}`).toBeGreaterThan(0);

    const db = openDatabase(path);
    try {
      const after = dump(sqliteOf(db));
      for (const [table, rows] of before) {
        const now = after.get(table);
        expect(now, `table ${table}`).toBeDefined();
        expect(now!.length, `rows in ${table}`).toBe(rows.length);
        rows.forEach((row, i) => {
          // Columns a later migration adds may have any value; every old column keeps its value.
          const kept = Object.fromEntries(Object.keys(row).map((column) => [column, now![i]![column]]));
          expect(kept, `${table} row ${i}`).toEqual(row);
        });
      }
      const applied = sqliteOf(db).prepare(`SELECT count(*) FROM ${MIGRATIONS_TABLE}`).pluck().get();
      expect(applied).toBe(known.length);
    } finally {
      db.close();
    }
  });

  it("keep every run's samples, results, tags and notes through a migration that rebuilds the runs table", () => {
    const path = join(tempDir(), 'lab.db');
    const first = openDatabase(path);
    seedEveryTable(first);
    const before = dump(sqliteOf(first));
    const runsSql = sqliteOf(first)
      .prepare<[], string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'runs'")
      .pluck()
      .get()!;
    const indexes = sqliteOf(first)
      .prepare<[], string>(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'runs' AND sql IS NOT NULL",
      )
      .pluck()
      .all();
    first.close();
    // What drizzle-kit emits to change a column of a SQLite table: its PRAGMAs are no-ops inside the
    // migrator's transaction, so only openDatabase turning foreign keys off keeps the cascades quiet.
    const rebuild = [
      'PRAGMA foreign_keys=OFF;',
      `${runsSql.replace('CREATE TABLE `runs`', 'CREATE TABLE `__new_runs`')};`,
      'INSERT INTO `__new_runs` SELECT * FROM `runs`;',
      'DROP TABLE `runs`;',
      'ALTER TABLE `__new_runs` RENAME TO `runs`;',
      'PRAGMA foreign_keys=ON;',
      ...indexes.map((sql) => `${sql};`),
    ].join('--> statement-breakpoint\n');

    const db = openDatabase(path, {
      migrationsFolder: migrationsPlus('99999999999999_rebuild_runs', rebuild),
    });
    try {
      expect(dump(sqliteOf(db))).toEqual(before);
      expect(sqliteOf(db).pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });
});
