// Looks at where the database file is (or is to be) before SQLite does, so a folder, a path under a
// regular file, or a read-only place is reported by name rather than as SQLite's "disk I/O error".
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseRefusedError } from './refused-error.ts';

/** No file yet (one can be made), or an existing regular file and, if it cannot be written, why. */
export type DatabasePlace = { exists: false } | { exists: true; readOnlyBecause: string | null };

/** Throws DatabaseRefusedError ('not-a-file', 'cannot-create') when no database can be at `path`. */
export function checkDatabasePlace(path: string): DatabasePlace {
  const stats = statOrNull(path);
  if (!stats) {
    checkCreatable(path);
    return { exists: false };
  }
  if (stats.isDirectory()) throw new DatabaseRefusedError(path, 'not-a-file', 'it is a folder, not a file.');
  if (!stats.isFile()) throw new DatabaseRefusedError(path, 'not-a-file', 'it is not a regular file.');
  return { exists: true, readOnlyBecause: whyReadOnly(path) };
}

/** The nearest existing ancestor must be a folder this process may create entries in. */
function checkCreatable(path: string): void {
  let folder = dirname(path);
  let stats = statOrNull(folder);
  while (!stats && dirname(folder) !== folder) {
    folder = dirname(folder);
    stats = statOrNull(folder);
  }
  if (!stats) return;
  if (!stats.isDirectory())
    throw new DatabaseRefusedError(path, 'cannot-create', `${folder} is a file, not a folder.`);
  const denied = writeDenied(folder);
  if (denied)
    throw new DatabaseRefusedError(path, 'cannot-create', `the folder ${folder} is read-only (${denied}).`);
}

/**
 * In WAL mode SQLite writes two files beside the database (-wal, -shm), making them when missing: the
 * file, any of them that exists, and (when one is missing) the folder must all be writable.
 */
function whyReadOnly(path: string): string | null {
  const denied = writeDenied(path);
  if (denied) return `the file is not writable, ${denied}`;
  let missing = false;
  for (const sidecar of [path + '-wal', path + '-shm']) {
    if (!statOrNull(sidecar)) missing = true;
    else if (writeDenied(sidecar)) return `${sidecar} is not writable, ${writeDenied(sidecar)}`;
  }
  const folder = dirname(path);
  const folderDenied = missing ? writeDenied(folder) : null;
  return folderDenied ? `its folder ${folder} is not writable, ${folderDenied}` : null;
}

/** Why this process may not write `path` (EROFS, EACCES, ...), or null when it may. */
function writeDenied(path: string): string | null {
  try {
    accessSync(path, constants.W_OK);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

/** Stats, or null for a path that does not exist (including one that runs through a regular file). */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new DatabaseRefusedError(path, 'cannot-create', `it cannot be looked at (${code}).`, {
      cause: error,
    });
  }
}
