import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { connect, sqliteOf } from './connection.ts';
import { DEFAULT_MIGRATIONS_FOLDER, readKnownMigrations } from './migrations-folder.ts';
import { openDatabase } from './open-database.ts';
import { openReadOnly } from './open-read-only.ts';
import { createRun, getRun } from './runs.ts';
import { describeStorageFailure } from './storage-failure.ts';
import { migrationsPrefix, readOnlyMount, tempDir } from '../../../tests/support/main/db.ts';

const known = readKnownMigrations(DEFAULT_MIGRATIONS_FOLDER);

/**
 * A closed Tierlab database made by a build that knew `generation` migrations, with one run when it
 * is this build's (this build's runs carry columns an older schema lacks).
 */
function labFile(generation = known.length): string {
  const path = join(tempDir(), 'lab.db');
  const db = openDatabase(path, { migrationsFolder: migrationsPrefix(generation) });
  if (generation === known.length) createRun(db, { name: 'kept', seed: 1, engineVersion: 'test' });
  db.close();
  return path;
}

describe('openReadOnly', () => {
  it('reads a Tierlab database, and every write fails with SQLITE_READONLY, said naming the file and why', () => {
    const path = labFile();
    const db = connect(path, openReadOnly(path, known, true), 'the file is not writable, EACCES');
    try {
      expect(getRun(db, 1)?.name).toBe('kept');
      let failure: unknown;
      try {
        createRun(db, { name: 'new', seed: 1, engineVersion: 'test' });
      } catch (error) {
        failure = error;
      }
      expect(describeStorageFailure(db, failure)).toBe(
        `${path} is read-only (the file is not writable, EACCES): nothing was written`,
      );
    } finally {
      db.close();
    }
  });

  it('refuses a database of an older schema, which only a write could migrate', () => {
    const path = labFile(known.length - 1);
    expect(() => openReadOnly(path, known, true)).toThrow(
      `it is read-only and needs migrating from schema generation ${known.length - 1} to ${known.length}`,
    );
  });

  it('refuses an empty file, which only a write could set up', () => {
    const path = join(tempDir(), 'empty.db');
    new Database(path).close();
    expect(() => openReadOnly(path, known, true)).toThrow(expect.objectContaining({ reason: 'read-only' }));
  });

  it('refuses, on a read-only mount, a write-ahead log with changes it could not read, naming it', (ctx) => {
    const dir = readOnlyMount((d) => {
      const path = labFile();
      // A second connection keeps the log from being checkpointed away when the writer closes.
      const reader = new Database(path, { readonly: true });
      reader.prepare('SELECT count(*) FROM runs').get();
      const writer = openDatabase(path);
      sqliteOf(writer).pragma('wal_autocheckpoint = 0');
      createRun(writer, { name: 'in the log', seed: 2, engineVersion: 'test' });
      copyFileSync(path, join(d, 'lab.db'));
      copyFileSync(`${path}-wal`, join(d, 'lab.db-wal'));
      writer.close();
      reader.close();
    });
    if (!dir) return ctx.skip('mounting a read-only tmpfs is not permitted here');
    const path = join(dir, 'lab.db');
    expect(() => openDatabase(path)).toThrow(`its write-ahead log ${path}-wal holds changes`);
    expect(readdirSync(dir).sort()).toEqual(['lab.db', 'lab.db-wal']);
  });
});
