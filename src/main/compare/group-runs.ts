// Forms comparison groups from stored runs: runs of the same scenario (same hash, other seeds) are
// repeats, and their spread is what the significance test weighs a difference against.
import type { RunResult } from '../../shared/result.ts';
import type { RunStatus } from '../../shared/api/types.ts';
import type { RunGroup } from './compare.ts';

export interface HashedResult {
  runId: number;
  /** null for a run whose scenario identity is unknown: it forms a group of its own. */
  scenarioHash: string | null;
  result: RunResult;
  /** A cancelled, failed or interrupted run's status: such a run is never a repeat of others. */
  partial?: RunStatus;
}

export interface RunIdGroup extends RunGroup {
  runIds: number[];
  scenarioHash: string | null;
  partial?: RunStatus;
}

/**
 * Groups results by scenario hash. Postconditions: groups are in the order their first run appears
 * (so the first run given belongs to the default baseline), runs keep their given order inside a
 * group, and every label is unique: the scenario name, or `name@hash8` when two scenarios share it.
 * A partial run forms a group of its own labelled `name [cancelled run 7]`.
 */
export function groupRuns(results: readonly HashedResult[]): RunIdGroup[] {
  const byKey = new Map<
    string,
    { name: string; scenarioHash: string | null; runIds: number[]; results: RunResult[]; partial?: RunStatus }
  >();
  for (const { runId, scenarioHash, result, partial } of results) {
    const key = partial !== undefined ? `partial:${runId}` : (scenarioHash ?? `run:${runId}`);
    const name = partial !== undefined ? `${result.name} [${partial} run ${runId}]` : result.name;
    const group = byKey.get(key) ?? { name, scenarioHash, runIds: [], results: [], partial };
    group.runIds.push(runId);
    group.results.push(result);
    byKey.set(key, group);
  }
  const nameCounts = new Map<string, number>();
  for (const g of byKey.values()) nameCounts.set(g.name, (nameCounts.get(g.name) ?? 0) + 1);
  return [...byKey].map(([key, g]) => ({
    label: (nameCounts.get(g.name) ?? 0) > 1 ? `${g.name}@${(g.scenarioHash ?? key).slice(0, 8)}` : g.name,
    results: g.results,
    runIds: g.runIds,
    scenarioHash: g.scenarioHash,
    ...(g.partial !== undefined ? { partial: g.partial } : {}),
  }));
}
