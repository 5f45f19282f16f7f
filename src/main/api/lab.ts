// The lab: one open database, one run service and one event hub, shared by every transport.
import { asStorageError, markInterruptedTunes, openDatabase, type Db } from '../db/index.ts';
import { RunService } from '../runner/run-service.ts';
import type { ResourceLimits } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { EventHub } from './events.ts';
import { SampleChunkReaders } from '../export/samples-readers.ts';
import { SamplesCsvAhead } from '../export/samples-csv-ahead.ts';

export interface Lab {
  db: Db;
  dbPath: string;
  runs: RunService;
  events: EventHub;
  /** Runs may replay any trace file the host can read, not only those imported into the lab. */
  mayReadAnyTrace: boolean;
  /** The samples export reading ahead on reader threads; null reads each chunk on this thread. */
  samplesCsv: SamplesCsvAhead | null;
  /** Its reader threads, closed with the lab. */
  readers: SampleChunkReaders | null;
}

export interface LabOptions {
  dbPath: string;
  workers?: number;
  workerUrl?: URL | string;
  /** Limits for each run's worker thread; Node's defaults when absent. */
  resourceLimits?: ResourceLimits;
  /** Where the SQL migrations are; the bundled app passes its own copy. */
  migrationsFolder?: string;
  /**
   * Only for a lab its own user drives (the CLI): a scenario's trace may be any file that user can
   * read. The app and web mode leave it unset, so a scenario cannot make the host read other files.
   */
  mayReadAnyTrace?: boolean;
  /**
   * Reader threads for a samples export (default one per core, at most 2); 0 reads on this thread.
   * A read-only database is always read on this thread (it may be an in-memory snapshot).
   */
  exportReaders?: number;
  /** The reader threads' entry (the bundled app passes its own: samples-chunk-worker.ts). */
  exportReaderUrl?: URL | string;
}

/** Throws DatabaseRefusedError for a database it will not open, DatabaseWriteError when marking runs fails. */
export function openLab(options: LabOptions): Lab {
  const db = openDatabase(options.dbPath, { migrationsFolder: options.migrationsFolder });
  const events = new EventHub();
  try {
    const runs = new RunService({
      db,
      workers: options.workers,
      workerUrl: options.workerUrl,
      resourceLimits: options.resourceLimits,
      emit: events.emit,
    });
    // After the runs: a tune whose process is gone has no live runs either.
    if (db.readOnlyBecause === null) markInterruptedTunes(db);
    const nReaders =
      db.readOnlyBecause === null ? (options.exportReaders ?? Math.min(2, availableParallelism())) : 0;
    const readers = nReaders > 0 ? new SampleChunkReaders(db.path, nReaders, options.exportReaderUrl) : null;
    return {
      db,
      dbPath: options.dbPath,
      runs,
      events,
      mayReadAnyTrace: options.mayReadAnyTrace ?? false,
      samplesCsv: readers && new SamplesCsvAhead(db, readers),
      readers,
    };
  } catch (error) {
    db.close();
    throw asStorageError(db, error);
  }
}

export async function closeLab(lab: Lab): Promise<void> {
  await lab.runs.close();
  await lab.readers?.close();
  lab.db.close();
}
