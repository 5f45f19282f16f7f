// A tune request checked whole before any run starts: the knob ranges against knobs.ts, the objective
// against Compare's metrics (and the scenario's tasks), the scenario itself, the budget against the seeds.
import { parseScenario } from '../../shared/scenario/parse.ts';
import { KnobRangeError, parseKnobRanges, type KnobRange } from '../../shared/tune/knob-range.ts';
import type { TuneRequest } from '../../shared/tune/report.ts';
import { resolveMetric, type Metric } from '../compare/metrics.ts';
import { ApiError } from '../api/errors.ts';
import type { ObjectiveSense } from './arm-statistics.ts';
import { armCount } from './search.ts';

export const DEFAULT_SEEDS = 3;
export const DEFAULT_BUDGET = 24;

function invalid(message: string): never {
  throw new ApiError('invalid', message);
}

export interface CheckedRequest {
  ranges: KnobRange[];
  metric: Metric;
  sense: ObjectiveSense;
  seeds: number[];
  budget: number;
  designSeed: number;
}

/**
 * Every problem is found before a run starts, as an ApiError('invalid') naming the knob or field.
 * Seeds run consecutively from the file's run.seed, which also seeds the design.
 */
export function checkTuneRequest(req: TuneRequest): CheckedRequest {
  let ranges: KnobRange[];
  try {
    ranges = parseKnobRanges(req.knobs);
  } catch (e) {
    if (e instanceof KnobRangeError) invalid(e.message);
    throw e;
  }
  const metric = resolveMetric(req.objective);
  if (!metric)
    invalid(
      `--objective: unknown metric "${req.objective}" (a Compare metric: throughput, latency, hit-ratio, ` +
        'promote-mibps, star, cost-per-throughput, vmstat:<counter>, task:<name>:throughput, ...)',
    );
  const parsed = parseScenario(req.document);
  if (!parsed.ok)
    invalid(
      `document is not a valid scenario: ${parsed.errors.map((e) => `${e.path || 'document'}: ${e.message}`).join('; ')}`,
    );
  // A task the scenario lacks would leave every arm without a value: say so now, not after the runs.
  const task = /^task:(.+):[a-z-]+$/.exec(req.objective)?.[1];
  const tasks = parsed.scenario.workload.map((w) => w.name);
  if (task !== undefined && !tasks.includes(task))
    invalid(
      `--objective ${req.objective}: the scenario has no task "${task}" (its tasks: ${tasks.join(', ')})`,
    );
  const nrSeeds = req.seeds ?? DEFAULT_SEEDS;
  const budget = req.budget ?? DEFAULT_BUDGET;
  if (armCount(budget, nrSeeds) < 2)
    invalid(
      `--budget ${budget} runs with ${nrSeeds} seeds each is fewer than two arms; give at least ${2 * nrSeeds}`,
    );
  const base = parsed.scenario.run.seed;
  const seeds = Array.from({ length: nrSeeds }, (_, i) => (base + i) >>> 0);
  const maximise = req.minimise === undefined ? metric.higherIsBetter : !req.minimise;
  return {
    ranges,
    metric,
    sense: { higherIsBetter: metric.higherIsBetter, maximise },
    seeds,
    budget,
    designSeed: base,
  };
}
