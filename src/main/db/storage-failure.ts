// A write that failed for reasons of the place the database lives (read-only, full, busy, failing
// disk), said in one line that names the file, for the run that failed and for the CLI's exit message.
import type { Db } from './connection.ts';

/** What a message about storage needs of a database: its file, and why it is read-only if it is. */
export type StoragePlace = Pick<Db, 'path' | 'readOnlyBecause'>;

/** The error the CLI prints as it stands (exit 2): the storage failure, in words, naming the file. */
export class DatabaseWriteError extends Error {
  override readonly name = 'DatabaseWriteError';
  readonly path: string;
  constructor(path: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.path = path;
  }
}

/**
 * One line on why writing to the database failed, "disk full" first when that is why; null when
 * `error` is not SQLite's report of a storage failure (a bug, a constraint): callers pass those on.
 */
export function describeStorageFailure(db: StoragePlace, error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const detail = error instanceof Error ? error.message : String(error);
  const path = db.path;
  if (code === 'SQLITE_FULL') return `disk full: ${path} could not store more (${detail})`;
  if (code.startsWith('SQLITE_READONLY'))
    return `${path} is read-only (${db.readOnlyBecause ?? detail}): nothing was written`;
  if (code.startsWith('SQLITE_BUSY'))
    return `${path} is busy: another process held its write lock too long (${detail})`;
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN'))
    return `cannot use ${path}: ${detail} (${code})`;
  return null;
}

/** `error` as a DatabaseWriteError when it is a storage failure, else `error` itself. */
export function asStorageError(db: StoragePlace, error: unknown): unknown {
  const message = describeStorageFailure(db, error);
  return message === null ? error : new DatabaseWriteError(db.path, message, { cause: error });
}
