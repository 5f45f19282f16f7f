// Brings an open lab database up to this build's schema with drizzle's migrator, safely for data.
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { MIGRATIONS_TABLE } from './marker.ts';
import type { KnownMigration } from './migrations-folder.ts';
import { DatabaseRefusedError } from './refused-error.ts';

/**
 * Applies every migration in `folder` not yet applied, then records the number of migrations this build
 * knows as user_version. A migration that fails (say a column it adds is already there, left by a
 * half-applied change) rolls back all of them and throws DatabaseRefusedError 'migration-failed'
 * naming them: the migrator runs them in one transaction, so the file keeps the schema it had.
 *
 * Foreign keys are off meanwhile: drizzle-kit alters a SQLite table by rebuilding it (create new, copy,
 * DROP old, rename), and the migrator runs inside one transaction, where the migration's own
 * `PRAGMA foreign_keys=OFF` is ignored. With keys on, dropping `runs` would cascade-delete every sample.
 * The caller turns foreign keys back on.
 */
export function applyMigrations(
  sqlite: Database.Database,
  path: string,
  folder: string,
  known: readonly KnownMigration[],
): void {
  sqlite.pragma('foreign_keys = OFF');
  const pending = pendingMigrations(sqlite, known);
  try {
    migrate(drizzle({ client: sqlite }), { migrationsFolder: folder });
  } catch (error) {
    const detail =
      `migrating it to this Tierlab's schema failed in ${pending.join(', ') || 'a migration'} ` +
      `(${rootMessage(error)}); the migration was rolled back.`;
    throw new DatabaseRefusedError(path, 'migration-failed', detail, { cause: error });
  }
  const violations = sqlite.prepare<[], unknown>('PRAGMA foreign_key_check').all();
  if (violations.length > 0) {
    throw new Error(
      `Migrating left ${violations.length} broken foreign key(s): ${JSON.stringify(violations[0])}.`,
    );
  }
  // Only write the header when it changes, so opening an up-to-date database writes nothing.
  if (Number(sqlite.pragma('user_version', { simple: true })) !== known.length) {
    sqlite.pragma(`user_version = ${known.length}`);
  }
}

/** The tags of the known migrations not yet recorded as applied. */
function pendingMigrations(sqlite: Database.Database, known: readonly KnownMigration[]): string[] {
  const hasTable = sqlite
    .prepare<[string], number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?")
    .pluck()
    .get(MIGRATIONS_TABLE);
  const applied = new Set(
    hasTable
      ? sqlite.prepare<[], number>(`SELECT created_at FROM "${MIGRATIONS_TABLE}"`).pluck().all().map(Number)
      : [],
  );
  return known.filter((m) => !applied.has(m.when)).map((m) => m.tag);
}

/** drizzle wraps SQLite's error in one that quotes the whole statement: keep SQLite's own words. */
function rootMessage(error: unknown): string {
  let e = error;
  while (e instanceof Error && e.cause !== undefined) e = e.cause;
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}
