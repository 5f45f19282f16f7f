// A scenario's identity for grouping: the hash of its canonical document without the seed, so
// repeats of one experiment with different seeds form one group in `compare`.
import { toScenarioFile } from '../shared/scenario/serialize.ts';
import type { ResolvedScenario } from '../shared/scenario/resolved.ts';
import { contentHash } from './db/index.ts';

export function scenarioIdentity(s: ResolvedScenario): string {
  const doc = toScenarioFile({ ...s, run: { ...s.run, seed: 0 } });
  return contentHash(doc);
}

export function withSeed(s: ResolvedScenario, seed: number): ResolvedScenario {
  return { ...s, run: { ...s.run, seed } };
}
