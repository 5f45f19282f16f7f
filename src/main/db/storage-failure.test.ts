import { describe, expect, it } from 'vitest';
import type { Db } from './connection.ts';
import { asStorageError, DatabaseWriteError, describeStorageFailure } from './storage-failure.ts';

const db = (readOnlyBecause: string | null = null): Db => ({
  path: '/labs/x.db',
  readOnlyBecause,
  close() {},
});
const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('storage failures', () => {
  it('say in one line what happened to which file, disk full first', () => {
    expect(describeStorageFailure(db(), sqliteError('SQLITE_FULL', 'database or disk is full'))).toBe(
      'disk full: /labs/x.db could not store more (database or disk is full)',
    );
    expect(describeStorageFailure(db(), sqliteError('SQLITE_BUSY', 'database is locked'))).toMatch(
      /^\/labs\/x\.db is busy: /,
    );
    expect(describeStorageFailure(db(), sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error'))).toBe(
      'cannot use /labs/x.db: disk I/O error (SQLITE_IOERR_WRITE)',
    );
  });

  it('give the reason a database was opened read-only, or SQLite words when it went read-only later', () => {
    const readonly = sqliteError('SQLITE_READONLY', 'attempt to write a readonly database');
    expect(describeStorageFailure(db('its folder /labs is not writable, EACCES'), readonly)).toBe(
      '/labs/x.db is read-only (its folder /labs is not writable, EACCES): nothing was written',
    );
    expect(describeStorageFailure(db(), readonly)).toBe(
      '/labs/x.db is read-only (attempt to write a readonly database): nothing was written',
    );
  });

  it('pass on errors that are not about storage unchanged', () => {
    const constraint = sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed');
    const bug = new TypeError('x is undefined');
    expect(describeStorageFailure(db(), constraint)).toBeNull();
    expect(asStorageError(db(), bug)).toBe(bug);
    expect(asStorageError(db(), sqliteError('SQLITE_FULL', 'full'))).toBeInstanceOf(DatabaseWriteError);
  });
});
