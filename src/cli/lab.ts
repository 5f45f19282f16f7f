// Opening the lab from the command line: the database given by --db (default: the app's), a
// worker pool, and the in-process API client over them; always closed again.
import type { ApiClient } from '../shared/api/contract.ts';
import { closeLab, openLab, type Lab } from '../main/api/lab.ts';
import { inProcessClient } from '../main/api/in-process.ts';
import { defaultDbPath } from '../main/paths.ts';

export const DB_OPTION = { db: { type: 'string' } } as const;

export interface LabSession {
  lab: Lab;
  api: ApiClient;
}

export async function withLab<T>(
  opts: { db?: string; workers?: number },
  fn: (s: LabSession) => Promise<T>,
): Promise<T> {
  const lab = openLab({ dbPath: opts.db ?? defaultDbPath(), workers: opts.workers ?? 1 });
  try {
    return await fn({ lab, api: inProcessClient(lab) });
  } finally {
    await closeLab(lab);
  }
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
