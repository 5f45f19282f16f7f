// Opening the lab from the command line: the database given by --db (default: the app's), a
// worker pool, and the in-process API client over them; always closed again. A write the database's
// place refuses (read-only, full, busy) ends the command as a DatabaseWriteError naming the file.
import type { ResourceLimits } from 'node:worker_threads';
import type { ApiClient } from '../shared/api/contract.ts';
import { closeLab, openLab, type Lab } from '../main/api/lab.ts';
import { inProcessClient } from '../main/api/in-process.ts';
import { asStorageError } from '../main/db/index.ts';
import { defaultDbPath } from '../main/paths.ts';
import { UsageError } from './args.ts';

export const DB_OPTION = { db: { type: 'string' } } as const;

export interface LabSession {
  lab: Lab;
  api: ApiClient;
}

export async function withLab<T>(
  opts: { db?: string; workers?: number },
  fn: (s: LabSession) => Promise<T>,
): Promise<T> {
  const lab = openLab({
    dbPath: opts.db ?? defaultDbPath(),
    workers: opts.workers ?? 1,
    resourceLimits: workerLimits(),
    // The CLI's user names their own scenario files, and their traces with them.
    mayReadAnyTrace: true,
  });
  try {
    return await fn({ lab, api: inProcessClient(lab) });
  } catch (error) {
    throw asStorageError(lab.db, error);
  } finally {
    await closeLab(lab);
  }
}

/**
 * TIERLAB_WORKER_HEAP_MB caps each run worker's old-generation heap, so a run that outgrows it fails
 * with "the engine ran out of memory" while the command goes on, rather than all of Node running out.
 */
export function workerLimits(env: NodeJS.ProcessEnv = process.env): ResourceLimits | undefined {
  const text = env.TIERLAB_WORKER_HEAP_MB;
  if (text === undefined || text === '') return undefined;
  const mb = Number(text);
  if (!Number.isInteger(mb) || mb < 16)
    throw new UsageError(`TIERLAB_WORKER_HEAP_MB must be a whole number of MiB >= 16 (got "${text}")`);
  return { maxOldGenerationSizeMb: mb };
}

/** Run ids from arguments: "12", "12-15" (a range) or "12,14". */
export function parseRunIds(args: readonly string[]): number[] {
  const ids: number[] = [];
  for (const arg of args.flatMap((a) => a.split(','))) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(arg.trim());
    if (!m) throw new Error(`"${arg}" is not a run id or range (like 12 or 12-15)`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    for (let id = from; id <= to; id++) ids.push(id);
  }
  return ids;
}
