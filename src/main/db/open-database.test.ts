import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteOf } from './connection.ts';
import { MIGRATIONS_TABLE, TIERLAB_APPLICATION_ID } from './marker.ts';
import { DEFAULT_MIGRATIONS_FOLDER, readKnownMigrations } from './migrations-folder.ts';
import { openDatabase } from './open-database.ts';
import { DatabaseRefusedError, type RefusalReason } from './refused-error.ts';
import { appendSampleBatch } from './append-samples.ts';
import { createRun, getRun } from './runs.ts';
import {
  fileState,
  makeBatch,
  migrationsPlus,
  migrationsPrefix,
  openTempDatabase,
  readOnlyMount,
  tempDir,
} from '../../../tests/support/main/db.ts';

const nrKnown = readKnownMigrations(DEFAULT_MIGRATIONS_FOLDER).length;

function pragma(db: Database.Database, name: string): unknown {
  return db.pragma(name, { simple: true });
}

/** Opening `path` throws a DatabaseRefusedError for `reason` naming the file, and leaves it and its folder as they were. */
function expectRefused(
  path: string,
  dir: string,
  reason: RefusalReason,
  migrationsFolder?: string,
): DatabaseRefusedError {
  const before = fileState(path, dir);
  let refusal: unknown;
  try {
    openDatabase(path, { migrationsFolder }).close();
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(DatabaseRefusedError);
  const error = refusal as DatabaseRefusedError;
  expect(error.reason).toBe(reason);
  expect(error.message).toContain(path);
  expect(fileState(path, dir)).toEqual(before);
  return error;
}

/** A Tierlab database with a run and samples in it, closed, and a copy of nothing else in its folder. */
function closedTierlabFile(): { path: string; dir: string } {
  const { db, path, dir } = openTempDatabase();
  const run = createRun(db, { name: 'r', seed: 1, engineVersion: 'test' });
  appendSampleBatch(db, run.id, makeBatch(2, 200, 0, 10));
  db.close();
  return { path, dir };
}

describe('openDatabase', () => {
  it('creates a missing file and its folders, marked as Tierlab schema generation N, in WAL mode with foreign keys on', () => {
    const dir = tempDir();
    const path = join(dir, 'nested', 'deeper', 'lab.db');
    const db = openDatabase(path);
    try {
      const sqlite = sqliteOf(db);
      expect(pragma(sqlite, 'application_id')).toBe(TIERLAB_APPLICATION_ID);
      expect(pragma(sqlite, 'user_version')).toBe(nrKnown);
      expect(pragma(sqlite, 'journal_mode')).toBe('wal');
      expect(pragma(sqlite, 'foreign_keys')).toBe(1);
      expect(pragma(sqlite, 'busy_timeout')).toBe(5000);
    } finally {
      db.close();
    }
  });

  it('reopens its own database without re-applying migrations or losing data', () => {
    const { path } = closedTierlabFile();
    const db = openDatabase(path);
    try {
      expect(getRun(db, 1)?.name).toBe('r');
      const applied = sqliteOf(db).prepare(`SELECT count(*) FROM ${MIGRATIONS_TABLE}`).pluck().get();
      expect(applied).toBe(nrKnown);
    } finally {
      db.close();
    }
  });

  it('claims an existing empty file as a new database', () => {
    const dir = tempDir();
    const path = join(dir, 'empty.db');
    writeFileSync(path, '');
    const db = openDatabase(path);
    expect(pragma(sqliteOf(db), 'application_id')).toBe(TIERLAB_APPLICATION_ID);
    db.close();
  });

  it('refuses a file that is not SQLite and leaves it byte-identical', () => {
    const dir = tempDir();
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(300));
    const error = expectRefused(path, dir, 'not-a-database');
    expect(error.message).toMatch(/not an SQLite database/);
  });

  it('refuses a corrupt Tierlab database and leaves it byte-identical', () => {
    const { path, dir } = closedTierlabFile();
    const bytes = fileState(path, dir).bytes;
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over a few b-tree pages in the middle of the sample tables.
    bytes.fill(0xa5, pageSize * 6, pageSize * 9);
    writeFileSync(path, bytes);
    const error = expectRefused(path, dir, 'corrupt');
    expect(error.message).toMatch(/corrupt/);
  });

  it('refuses a truncated Tierlab database and leaves it byte-identical', () => {
    const { path, dir } = closedTierlabFile();
    const bytes = fileState(path, dir).bytes;
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectRefused(path, dir, 'corrupt');
  });

  it('refuses an SQLite database of another application and names its tables', () => {
    const dir = tempDir();
    const path = join(dir, 'other.db');
    const other = new Database(path);
    other.exec(
      'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);',
    );
    other.close();
    const error = expectRefused(path, dir, 'foreign');
    expect(error.message).toContain('invoices');
  });

  it('refuses an empty SQLite database that another application has marked as its own', () => {
    const dir = tempDir();
    const path = join(dir, 'marked.db');
    const other = new Database(path);
    other.pragma('application_id = 42');
    other.close();
    expectRefused(path, dir, 'foreign');
  });

  it('refuses a database whose schema generation is newer than this build knows', () => {
    const { path, dir } = closedTierlabFile();
    const raw = new Database(path);
    raw.pragma(`user_version = ${nrKnown + 1}`);
    raw.close();
    const error = expectRefused(path, dir, 'newer');
    expect(error.message).toMatch(/newer Tierlab/);
  });

  it('refuses a database with applied migrations this build does not know', () => {
    const { path, dir } = closedTierlabFile();
    // An older build: it knows one migration fewer than the file has applied.
    expectRefused(path, dir, 'newer', migrationsPrefix(nrKnown - 1));
  });

  it('refuses a database that would silently skip a known migration older than its last applied one', () => {
    const { path, dir } = closedTierlabFile();
    // A build whose journal has gained a migration dated before the file's last one (a late merge):
    // drizzle's migrator would never apply it.
    const first = readKnownMigrations(DEFAULT_MIGRATIONS_FOLDER)[0]!;
    const folder = migrationsPlus(
      '00000000000000_late_merge',
      'CREATE TABLE late (id INTEGER);',
      first.when - 1000,
    );
    const error = expectRefused(path, dir, 'migration-order', folder);
    expect(error.message).toContain('00000000000000_late_merge');
  });

  it('refuses a database whose migration fails midway, rolling all of it back and leaving the file as it was', () => {
    const { path, dir } = closedTierlabFile();
    // The first statement applies, the second fails: `runs` has a `name` already, as after a
    // change half made by hand or by a tool that does not use a transaction.
    const folder = migrationsPlus(
      '99999999999999_half',
      'CREATE TABLE `extra` (`id` integer);--> statement-breakpoint\nALTER TABLE `runs` ADD `name` text;',
    );
    const error = expectRefused(path, dir, 'migration-failed', folder);
    expect(error.message).toContain('99999999999999_half (duplicate column name: name)');
    expect(error.message).not.toContain('\n');
    const db = openDatabase(path);
    try {
      expect(getRun(db, 1)?.name).toBe('r');
      const tables = sqliteOf(db).prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").all();
      expect(tables).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('throws a clear error when a closed handle is used', () => {
    const { db } = openTempDatabase();
    db.close();
    expect(() => getRun(db, 1)).toThrow(/is closed/);
  });
});

describe('openDatabase and where the file is', () => {
  it('refuses a folder, naming it, and leaves it as it was', () => {
    const dir = tempDir();
    const path = join(dir, 'a-folder');
    mkdirSync(path);
    expect(() => openDatabase(path)).toThrow(`Tierlab will not open ${path}: it is a folder, not a file.`);
    expect(readdirSync(path)).toEqual([]);
  });

  it('refuses a device such as /dev/null', () => {
    expect(() => openDatabase('/dev/null')).toThrow(expect.objectContaining({ reason: 'not-a-file' }));
  });

  it('refuses a path that runs through a regular file, naming the file in the way', () => {
    const dir = tempDir();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'notes');
    for (const path of [join(file, 'lab.db'), join(file, 'deeper', 'lab.db')]) {
      expect(() => openDatabase(path)).toThrow(
        `Tierlab cannot create ${path}: ${file} is a file, not a folder.`,
      );
    }
    expect(readFileSync(file, 'utf8')).toBe('notes');
  });

  it('refuses to create a database in a read-only folder, naming the folder', (ctx) => {
    const dir = readOnlyMount(() => {});
    if (!dir) return ctx.skip('mounting a read-only tmpfs is not permitted here');
    const path = join(dir, 'sub', 'lab.db');
    expect(() => openDatabase(path)).toThrow(
      `Tierlab cannot create ${path}: the folder ${dir} is read-only (EROFS).`,
    );
  });

  it('opens a database on a read-only mount read-only: its runs read back, and it says why it cannot be written', (ctx) => {
    const dir = readOnlyMount((d) => copyFileSync(closedTierlabFile().path, join(d, 'lab.db')));
    if (!dir) return ctx.skip('mounting a read-only tmpfs is not permitted here');
    const path = join(dir, 'lab.db');
    const db = openDatabase(path);
    try {
      expect(db.readOnlyBecause).toBe('the file is not writable, EROFS');
      expect(getRun(db, 1)?.name).toBe('r');
      expect(() => createRun(db, { name: 'x', seed: 1, engineVersion: 'test' })).toThrow(
        expect.objectContaining({ code: 'SQLITE_READONLY' }),
      );
    } finally {
      db.close();
    }
    expect(readdirSync(dir)).toEqual(['lab.db']);
  });
});
