// Forms comparison groups from stored runs: runs of the same scenario (same hash, other seeds) are
// repeats, and their spread is what the significance test weighs a difference against.
import type { RunResult } from '../../shared/result.ts';
import type { RunGroup } from './compare.ts';

export interface HashedResult {
  scenarioHash: string;
  result: RunResult;
}

/**
 * Groups results by scenario hash. Postconditions: groups are in the order their first run appears
 * (so the first run given belongs to the default baseline), runs keep their given order inside a
 * group, and every label is unique: the scenario name, or `name@hash8` when two scenarios share it.
 */
export function groupRuns(results: readonly HashedResult[]): RunGroup[] {
  const byHash = new Map<string, { name: string; results: RunResult[] }>();
  for (const { scenarioHash, result } of results) {
    const group = byHash.get(scenarioHash);
    if (group) group.results.push(result);
    else byHash.set(scenarioHash, { name: result.name, results: [result] });
  }
  const nameCounts = new Map<string, number>();
  for (const g of byHash.values()) nameCounts.set(g.name, (nameCounts.get(g.name) ?? 0) + 1);
  return [...byHash].map(([hash, g]) => ({
    label: (nameCounts.get(g.name) ?? 0) > 1 ? `${g.name}@${hash.slice(0, 8)}` : g.name,
    results: g.results,
  }));
}
