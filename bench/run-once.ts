// A scenario run to its end with its wall time: what verify:engines and the agreement test compare.
import type { RunResult } from '../src/shared/result.ts';
import type { ResolvedScenario } from '../src/shared/scenario/resolved.ts';
import { createSimulation } from '../src/engine/sim/simulation.ts';

export function runScenarioOnce(s: ResolvedScenario): RunResult {
  const t0 = performance.now();
  const sim = createSimulation(s);
  sim.advance(s.run.durationMs);
  return sim.result(performance.now() - t0);
}
