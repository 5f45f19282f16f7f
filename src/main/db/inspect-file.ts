// Decides, through a read-only connection, whether an existing file may be opened as this build's lab
// database. Every check here only reads, so a refused file stays byte-identical.
import { existsSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS_TABLE, TIERLAB_APPLICATION_ID } from './marker.ts';
import type { KnownMigration } from './migrations-folder.ts';
import { DatabaseRefusedError } from './refused-error.ts';

/** absent: no file yet. fresh: an empty SQLite file Tierlab may claim. tierlab: ours, and not newer. */
export type FileState = 'absent' | 'fresh' | 'tierlab';

export function inspectDatabaseFile(
  path: string,
  known: readonly KnownMigration[],
  quickCheck = true,
): FileState {
  if (!existsSync(path)) return 'absent';
  const sidecarsBefore = SIDECARS.filter((suffix) => existsSync(path + suffix));
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
    return inspectConnection(sqlite, path, known, quickCheck);
  } catch (error) {
    sqlite?.close();
    sqlite = undefined;
    removeOwnSidecars(path, sidecarsBefore);
    throw asRefusal(error, path);
  } finally {
    sqlite?.close();
  }
}

/** The same decision over a connection already open (read-only) on the file at `path`. */
export function inspectConnection(
  sqlite: Database.Database,
  path: string,
  known: readonly KnownMigration[],
  quickCheck = true,
): FileState {
  try {
    return classify(sqlite, path, known, quickCheck);
  } catch (error) {
    throw asRefusal(error, path);
  }
}

// A read-only connection to a WAL database creates empty -wal and -shm files and cannot remove them on
// close. When refusing, remove the ones this inspection created, so the folder is as it was.
export const SIDECARS = ['-wal', '-shm'] as const;

export function removeOwnSidecars(path: string, existedBefore: readonly string[]): void {
  for (const suffix of SIDECARS) {
    const file = path + suffix;
    if (existedBefore.includes(suffix) || !existsSync(file)) continue;
    // Never delete a WAL with content: it would hold someone's committed transactions.
    if (suffix === '-wal' && statSync(file).size > 0) continue;
    rmSync(file, { force: true });
  }
}

function classify(
  sqlite: Database.Database,
  path: string,
  known: readonly KnownMigration[],
  quickCheck: boolean,
): FileState {
  const applicationId = pragmaNumber(sqlite, 'application_id');
  const tables = sqlite
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);
  if (applicationId === 0 && tables.length === 0) return 'fresh';
  if (applicationId !== TIERLAB_APPLICATION_ID) {
    const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', ...' : '');
    const detail = `it is an SQLite database of another application (application_id ${applicationId}, tables: ${shown || 'none'}).`;
    throw new DatabaseRefusedError(path, 'foreign', detail);
  }
  if (quickCheck) checkIntegrity(sqlite, path);
  checkGeneration(sqlite, path, known, tables.includes(MIGRATIONS_TABLE));
  return 'tierlab';
}

function checkIntegrity(sqlite: Database.Database, path: string): void {
  // quick_check skips index-content cross-checks, so it stays O(file size) rather than O(N log N).
  const problems = sqlite
    .prepare<[], unknown>('PRAGMA quick_check(5)')
    .pluck()
    .all()
    .map(String)
    .filter((message) => message !== 'ok');
  if (problems.length > 0) {
    throw new DatabaseRefusedError(path, 'corrupt', `it is corrupt (quick_check: ${problems.join('; ')}).`);
  }
}

function checkGeneration(
  sqlite: Database.Database,
  path: string,
  known: readonly KnownMigration[],
  hasMigrationsTable: boolean,
): void {
  const generation = pragmaNumber(sqlite, 'user_version');
  const applied = hasMigrationsTable
    ? sqlite
        .prepare<[], { createdAt: number }>(`SELECT created_at AS createdAt FROM "${MIGRATIONS_TABLE}"`)
        .all()
        .map((row) => Number(row.createdAt))
    : [];
  const knownTimes = new Set(known.map((m) => m.when));
  const unknown = applied.filter((when) => !knownTimes.has(when));
  if (generation > known.length || unknown.length > 0) {
    const detail =
      `it was written by a newer Tierlab (schema generation ${Math.max(generation, applied.length)}, ` +
      `${unknown.length} migration(s) this build does not know; this build knows ${known.length}).`;
    throw new DatabaseRefusedError(path, 'newer', detail);
  }
  // drizzle's migrator applies only migrations newer than the last applied one, so an older migration
  // that was never applied (two branches merged out of order) would be skipped for good: refuse instead.
  const last = Math.max(-Infinity, ...applied);
  const appliedTimes = new Set(applied);
  const skipped = known.filter((m) => m.when < last && !appliedTimes.has(m.when));
  if (skipped.length > 0) {
    const detail = `migration(s) ${skipped.map((m) => m.tag).join(', ')} are older than its last applied one and would never run.`;
    throw new DatabaseRefusedError(path, 'migration-order', detail);
  }
}

export function pragmaNumber(sqlite: Database.Database, name: string): number {
  return Number(sqlite.pragma(name, { simple: true }));
}

/** SQLite's own verdicts become refusals; anything else (permissions, a directory) passes through. */
function asRefusal(error: unknown, path: string): unknown {
  if (error instanceof DatabaseRefusedError || !(error instanceof Database.SqliteError)) return error;
  if (error.code === 'SQLITE_NOTADB') {
    return new DatabaseRefusedError(path, 'not-a-database', 'it is not an SQLite database.', {
      cause: error,
    });
  }
  if (error.code.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseRefusedError(path, 'corrupt', `it is corrupt (${error.message}).`, { cause: error });
  }
  return error;
}
