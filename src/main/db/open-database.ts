// Opens (or creates) the lab database file: refuses places and files that are not this build's, then
// sets the connection up (WAL, foreign keys, busy timeout) and applies pending migrations.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from './apply-migrations.ts';
import { connect, type Db } from './connection.ts';
import { checkDatabasePlace } from './database-place.ts';
import { inspectDatabaseFile, type FileState } from './inspect-file.ts';
import { TIERLAB_APPLICATION_ID } from './marker.ts';
import { DEFAULT_MIGRATIONS_FOLDER, readKnownMigrations, type KnownMigration } from './migrations-folder.ts';
import { openReadOnly } from './open-read-only.ts';
import { asStorageError } from './storage-failure.ts';

export interface OpenOptions {
  /** Defaults to the repository's migrations/; a bundled app passes the folder it ships. */
  migrationsFolder?: string;
  /** How long a write waits for another connection's write to finish. */
  busyTimeoutMs?: number;
  /**
   * Run PRAGMA quick_check before accepting an existing file (default true). It reads the whole file:
   * about 2 s per GB measured here, so a short-lived CLI command on a large lab may want to skip it.
   */
  quickCheck?: boolean;
}

/**
 * Opens `path`, creating it (and its folder) when absent; a file this process may not write (or whose
 * folder it may not write) is opened read-only (`db.readOnly`). Throws DatabaseRefusedError, leaving
 * the file as it was, when the path is a folder or cannot be created, or the file is not SQLite, is
 * corrupt, belongs to another application, comes from a newer Tierlab, or fails to migrate;
 * DatabaseWriteError when opening or setting it up fails for lack of space or a failing disk.
 * Does not touch runs: the host calls markInterruptedRuns once at start.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const folder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  const known = readKnownMigrations(folder);
  const quickCheck = options.quickCheck ?? true;
  const place = checkDatabasePlace(path);
  try {
    if (place.exists && place.readOnlyBecause !== null)
      return connect(path, openReadOnly(path, known, quickCheck), place.readOnlyBecause);
    return openWritable(path, folder, known, options, inspectDatabaseFile(path, known, quickCheck));
  } catch (error) {
    // Even reading needs room: a WAL database's -shm index is made at open (SQLITE_IOERR_SHMSIZE).
    throw asStorageError({ path, readOnlyBecause: place.exists ? place.readOnlyBecause : null }, error);
  }
}

function openWritable(
  path: string,
  folder: string,
  known: readonly KnownMigration[],
  options: OpenOptions,
  state: FileState,
): Db {
  if (state === 'absent') mkdirSync(dirname(path), { recursive: true });
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(path);
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    sqlite.pragma('journal_mode = WAL');
    // NORMAL is durable against crashes of the app in WAL mode; only a power cut can lose the last commits.
    sqlite.pragma('synchronous = NORMAL');
    if (state !== 'tierlab') sqlite.pragma(`application_id = ${TIERLAB_APPLICATION_ID}`);
    applyMigrations(sqlite, path, folder, known);
    sqlite.pragma('foreign_keys = ON');
    return connect(path, sqlite);
  } catch (error) {
    sqlite?.close();
    // A file this call made and could not set up (a full disk) is removed, so the next open starts over.
    if (state === 'absent') for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    throw error;
  }
}
