// The lab: one open database, one run service and one event hub, shared by every transport.
import { openDatabase, type Db } from '../db/index.ts';
import { RunService } from '../runner/run-service.ts';
import { EventHub } from './events.ts';

export interface Lab {
  db: Db;
  dbPath: string;
  runs: RunService;
  events: EventHub;
}

export interface LabOptions {
  dbPath: string;
  workers?: number;
  workerUrl?: URL | string;
  /** Where the SQL migrations are; the bundled app passes its own copy. */
  migrationsFolder?: string;
}

export function openLab(options: LabOptions): Lab {
  const db = openDatabase(options.dbPath, { migrationsFolder: options.migrationsFolder });
  const events = new EventHub();
  const runs = new RunService({
    db,
    workers: options.workers,
    workerUrl: options.workerUrl,
    emit: events.emit,
  });
  return { db, dbPath: options.dbPath, runs, events };
}

export async function closeLab(lab: Lab): Promise<void> {
  await lab.runs.close();
  lab.db.close();
}
