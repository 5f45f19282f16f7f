// Brings an open lab database up to this build's schema with drizzle's migrator, safely for data.
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

/**
 * Applies every migration in `folder` not yet applied, then records `generation` (the number of
 * migrations this build knows) as user_version.
 *
 * Foreign keys are off meanwhile: drizzle-kit alters a SQLite table by rebuilding it (create new, copy,
 * DROP old, rename), and the migrator runs inside one transaction, where the migration's own
 * `PRAGMA foreign_keys=OFF` is ignored. With keys on, dropping `runs` would cascade-delete every sample.
 * The caller turns foreign keys back on.
 */
export function applyMigrations(sqlite: Database.Database, folder: string, generation: number): void {
  sqlite.pragma('foreign_keys = OFF');
  migrate(drizzle({ client: sqlite }), { migrationsFolder: folder });
  const violations = sqlite.prepare<[], unknown>('PRAGMA foreign_key_check').all();
  if (violations.length > 0) {
    throw new Error(
      `Migrating left ${violations.length} broken foreign key(s): ${JSON.stringify(violations[0])}.`,
    );
  }
  // Only write the header when it changes, so opening an up-to-date database writes nothing.
  if (Number(sqlite.pragma('user_version', { simple: true })) !== generation) {
    sqlite.pragma(`user_version = ${generation}`);
  }
}
