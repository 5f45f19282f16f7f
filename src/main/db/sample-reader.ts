// A read-only connection of its own to a lab's database, for a thread that only reads stored sample
// rows (the samples export's readers): WAL lets it read while the lab's connection writes.
import Database from 'better-sqlite3';
import { storedRowsAfter, type StoredRows, type StoredRowsQuery } from './read-samples.ts';

export interface SampleReader {
  rowsAfter(q: StoredRowsQuery): StoredRows;
  close(): void;
}

export function openSampleReader(path: string): SampleReader {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  return { rowsAfter: (q) => storedRowsAfter(sqlite, q), close: () => sqlite.close() };
}
