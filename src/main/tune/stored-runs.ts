// Runs a tune may take from the lab instead of running again: done runs of the very arm (the same
// scenario identity), seed and engine version. So the shards' first pass, imported into one lab,
// is not run twice when the tune goes on there, and a tune repeated on the same lab costs nothing.
import { ENGINE_VERSION } from '../../engine/version.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import { getResult, listRuns } from '../db/index.ts';
import type { Lab } from '../api/lab.ts';
import { scenarioIdentity } from '../scenario-identity.ts';

/** Seed -> run id of a stored done run of `document` with a result, the oldest such run per seed. */
export function storedRunsOf(lab: Lab, document: unknown): Map<number, number> {
  const parsed = parseScenario(document);
  const found = new Map<number, number>();
  if (!parsed.ok) return found;
  const hash = scenarioIdentity(parsed.scenario);
  for (const run of listRuns(lab.db, { status: 'done', scenarioHash: hash, order: 'oldest' })) {
    if (run.engineVersion !== ENGINE_VERSION || found.has(run.seed)) continue;
    if (getResult(lab.db, run.id)) found.set(run.seed, run.id);
  }
  return found;
}
