// At start-up, runs whose process died (crash, kill, power cut) are still 'queued' or 'running' in the
// file; they become 'interrupted'. Runs owned by another live process (the app while the CLI starts,
// or the reverse) are left alone.
import { inArray } from 'drizzle-orm';
import { ormOf, transaction, type Db } from './connection.ts';
import { runs } from './schema.ts';

export const INTERRUPTED_ERROR = 'The process running it exited before it finished.';

export interface InterruptOptions {
  /** Whether the process that owns a run is still alive; defaults to a signal-0 probe. */
  isOwnerAlive?: (pid: number) => boolean;
  at?: number;
}

/**
 * Marks queued/running runs whose owner is gone as interrupted and returns their ids. Call once at
 * start, before this process queues runs: a run owned by this very pid is taken to be a leftover of an
 * earlier process that had the same pid.
 * A pid reused by an unrelated live process keeps its run as it is until that process exits.
 */
export function markInterruptedRuns(db: Db, options: InterruptOptions = {}): number[] {
  const isOwnerAlive = options.isOwnerAlive ?? processIsAlive;
  const at = options.at ?? Date.now();
  return transaction(db, () => {
    const orm = ormOf(db);
    const open = orm
      .select({ id: runs.id, ownerPid: runs.ownerPid })
      .from(runs)
      .where(inArray(runs.status, ['queued', 'running']))
      .all();
    const ids = open
      .filter((run) => run.ownerPid === null || run.ownerPid === process.pid || !isOwnerAlive(run.ownerPid))
      .map((run) => run.id);
    if (ids.length > 0) {
      orm
        .update(runs)
        .set({ status: 'interrupted', finishedAt: at, error: INTERRUPTED_ERROR })
        .where(inArray(runs.id, ids))
        .run();
    }
    return ids;
  });
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
