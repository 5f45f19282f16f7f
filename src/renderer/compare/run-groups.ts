// Finished runs grouped as compare:runs groups them: by scenario identity (repeats with other seeds
// together), newest group first.
import type { RunInfo } from '../../shared/api/types.ts';

export interface RunGroup {
  key: string;
  name: string;
  runs: RunInfo[];
}

export function groupRuns(runs: readonly RunInfo[]): RunGroup[] {
  const groups = new Map<string, RunGroup>();
  for (const r of runs) {
    if (r.status !== 'done' && r.status !== 'cancelled') continue;
    const key = r.scenarioHash ?? `run:${r.id}`;
    const g = groups.get(key) ?? { key, name: r.name, runs: [] };
    g.runs.push(r);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** "1,2,5" -> [1, 2, 5], ignoring anything that is not a run id. */
export function parseRunIds(text: string | undefined): number[] {
  return (text ?? '')
    .split(',')
    .map((s) => Number(s))
    .filter((n) => Number.isInteger(n) && n > 0);
}
