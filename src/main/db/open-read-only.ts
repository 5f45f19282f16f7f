// A lab database this process may only read (a read-only file, folder or mount) is opened read-only:
// list, show, compare and export work, and every write fails with SQLITE_READONLY (see storage-failure.ts).
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { inspectConnection, pragmaNumber, removeOwnSidecars, SIDECARS } from './inspect-file.ts';
import type { KnownMigration } from './migrations-folder.ts';
import { DatabaseRefusedError } from './refused-error.ts';

/** The largest file read into memory when SQLite cannot read it in place (see openSnapshot). */
export const MAX_SNAPSHOT_BYTES = 1024 * 1024 * 1024;

/**
 * A read-only connection to the Tierlab database at `path`, inspected as openDatabase inspects any file.
 * Throws DatabaseRefusedError when it is not a usable Tierlab database, or is one that cannot be used
 * without writing: empty (never set up) or of an older schema generation (migrations pending).
 */
export function openReadOnly(
  path: string,
  known: readonly KnownMigration[],
  quickCheck: boolean,
): Database.Database {
  const sidecarsBefore = SIDECARS.filter((suffix) => existsSync(path + suffix));
  let sqlite: Database.Database | undefined;
  try {
    sqlite = openInPlaceOrSnapshot(path);
    const state = inspectConnection(sqlite, path, known, quickCheck);
    if (state === 'fresh')
      throw new DatabaseRefusedError(path, 'read-only', 'it is empty and read-only, so it cannot be set up.');
    const generation = pragmaNumber(sqlite, 'user_version');
    if (generation < known.length) {
      const detail =
        `it is read-only and needs migrating from schema generation ${generation} to ${known.length}; ` +
        'open it once with write access.';
      throw new DatabaseRefusedError(path, 'read-only', detail);
    }
    return sqlite;
  } catch (error) {
    sqlite?.close();
    removeOwnSidecars(path, sidecarsBefore);
    throw error;
  }
}

function openInPlaceOrSnapshot(path: string): Database.Database {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    // The first read is where SQLite finds out whether it can use the file's WAL index.
    sqlite.pragma('application_id', { simple: true });
    return sqlite;
  } catch (error) {
    sqlite.close();
    // CANTOPEN where no -shm can be made at all, READONLY where the folder is only not ours to write.
    const code = String((error as { code?: unknown }).code);
    const noIndex = code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY');
    if (!noIndex || !inWalMode(path)) throw error;
    return openSnapshot(path);
  }
}

/** Bytes 18 and 19 of the header (file format write / read version) are 2 in WAL mode, 1 otherwise. */
function inWalMode(path: string): boolean {
  const header = Buffer.alloc(20);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header[18] === 2 && header[19] === 2;
}

/**
 * SQLite reads a WAL-mode file only with its -shm index beside it, which it cannot create in a read-only
 * folder or mount. Without a -wal holding changes, the file alone is the whole database: read it into
 * memory, marked as a rollback-journal file, and open that copy read-only.
 */
function openSnapshot(path: string): Database.Database {
  const wal = path + '-wal';
  if (existsSync(wal) && statSync(wal).size > 0) {
    const detail =
      `its write-ahead log ${wal} holds changes SQLite can read only with a -shm file beside it, ` +
      'which it cannot create here; copy both files to a writable folder.';
    throw new DatabaseRefusedError(path, 'read-only', detail);
  }
  const size = statSync(path).size;
  if (size > MAX_SNAPSHOT_BYTES) {
    const detail =
      `it is in WAL mode in a read-only place, where SQLite cannot read it in place, and at ` +
      `${Math.round(size / 2 ** 20)} MiB it is larger than the ${MAX_SNAPSHOT_BYTES / 2 ** 20} MiB ` +
      'read into memory instead; copy it to a writable folder.';
    throw new DatabaseRefusedError(path, 'read-only', detail);
  }
  const bytes = readFileSync(path);
  bytes[18] = 1;
  bytes[19] = 1;
  return new Database(bytes, { readonly: true });
}
