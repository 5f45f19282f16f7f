// Where the SQL migrations live and which ones this build knows (migrations/meta/_journal.json,
// written by drizzle-kit). The folder ships with the app and is applied at every start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's migrations/, found from this source file so the CLI, tests and scripts agree.
 * A bundled build (electron-vite) moves this file, so the Electron host passes its own folder.
 */
export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));

export interface KnownMigration {
  /** File name without .sql, e.g. 20261122083436_initial. */
  tag: string;
  /** drizzle-kit's generation time (ms); the migrator records it as created_at and orders by it. */
  when: number;
}

export function readKnownMigrations(folder: string): KnownMigration[] {
  const path = join(folder, 'meta', '_journal.json');
  let journal: unknown;
  try {
    journal = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the migrations journal ${path}.`, { cause: error });
  }
  const entries = isRecord(journal) ? journal.entries : undefined;
  if (!Array.isArray(entries)) throw new Error(`${path} has no "entries" list.`);
  return entries.map((entry: unknown) => {
    if (isRecord(entry) && typeof entry.tag === 'string' && typeof entry.when === 'number') {
      return { tag: entry.tag, when: entry.when };
    }
    throw new Error(`${path} has an entry without a tag and a time.`);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
