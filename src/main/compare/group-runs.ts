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
 * group, and every label is unique: the scenario name; `name [kernel 6.1]` when scenarios of one
 * name ran on different kernels (the same scenario run twice with another kernel); `name@hash8`
 * when two scenarios still share a label. A partial run forms a group of its own labelled
 * `name [cancelled run 7]`.
 */
/** A group's kernel as its label shows it: the version, or "own" for a research preset's. */
function kernelOf(g: { results: RunResult[] }): string {
  const kernel = g.results[0]?.kernel;
  return kernel === undefined ? 'unnamed' : (kernel ?? 'own');
}

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
  const kernelsByName = new Map<string, Set<string>>();
  for (const g of byKey.values())
    (kernelsByName.get(g.name) ?? kernelsByName.set(g.name, new Set()).get(g.name)!).add(kernelOf(g));
  const named = new Map<string, string>();
  for (const [key, g] of byKey)
    named.set(key, (kernelsByName.get(g.name)?.size ?? 0) > 1 ? `${g.name} [kernel ${kernelOf(g)}]` : g.name);
  const labelCounts = new Map<string, number>();
  for (const label of named.values()) labelCounts.set(label, (labelCounts.get(label) ?? 0) + 1);
  return [...byKey].map(([key, g]) => ({
    label:
      (labelCounts.get(named.get(key)!) ?? 0) > 1
        ? `${named.get(key)!}@${(g.scenarioHash ?? key).slice(0, 8)}`
        : named.get(key)!,
    results: g.results,
    runIds: g.runIds,
    scenarioHash: g.scenarioHash,
    ...(g.partial !== undefined ? { partial: g.partial } : {}),
  }));
}
