// The open-database handle the rest of the app holds. It is opaque outside src/main/db: the SQLite
// connection and the drizzle instance behind it are reached only through sqliteOf/ormOf here.
import type Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.ts';

export interface Db {
  /** The database file. */
  readonly path: string;
  /** Why it was opened read-only (every write fails), e.g. "the file is not writable, EROFS"; null when writable. */
  readonly readOnlyBecause: string | null;
  /** Closes the connection; using the handle afterwards throws. Idempotent. */
  close(): void;
}

export type Orm = BetterSQLite3Database<typeof schema>;

interface Connection {
  sqlite: Database.Database;
  orm: Orm;
}

// A WeakMap rather than fields on Db keeps drizzle's types out of every signature outside this folder.
const connections = new WeakMap<Db, Connection>();

export function connect(path: string, sqlite: Database.Database, readOnlyBecause: string | null = null): Db {
  const db: Db = {
    path,
    readOnlyBecause,
    close() {
      const connection = connections.get(db);
      if (!connection) return;
      connections.delete(db);
      connection.sqlite.close();
    },
  };
  connections.set(db, { sqlite, orm: drizzle({ client: sqlite, schema }) });
  return db;
}

function connectionOf(db: Db): Connection {
  const connection = connections.get(db);
  if (!connection) throw new Error(`The database ${db.path} is closed.`);
  return connection;
}

export function sqliteOf(db: Db): Database.Database {
  return connectionOf(db).sqlite;
}

export function ormOf(db: Db): Orm {
  return connectionOf(db).orm;
}

/**
 * Runs fn in one write transaction (BEGIN IMMEDIATE, so a read-then-write cannot lose a race with
 * another process). Calls nest: an inner call becomes a savepoint.
 */
export function transaction<T>(db: Db, fn: () => T): T {
  return sqliteOf(db).transaction(fn).immediate();
}
