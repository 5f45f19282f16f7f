// Which runs the list shows: by status, tag and a text match on name, id or seed.
import type { RunInfo, RunStatus } from '../../shared/api/types.ts';

export interface RunFilter {
  status: RunStatus | '';
  tag: string;
  text: string;
}

export function filterRuns(runs: readonly RunInfo[], f: RunFilter, hidden: ReadonlySet<number>): RunInfo[] {
  const text = f.text.trim().toLowerCase();
  return runs.filter(
    (r) =>
      !hidden.has(r.id) &&
      (!f.status || r.status === f.status) &&
      (!f.tag || r.tags.includes(f.tag)) &&
      (!text || r.name.toLowerCase().includes(text) || String(r.id) === text || `seed ${r.seed}` === text),
  );
}

/** Every tag in use, sorted. */
export function allTags(runs: readonly RunInfo[]): string[] {
  return [...new Set(runs.flatMap((r) => r.tags))].sort();
}
