// The tuner's search: a seeded, deterministic design. A first pass covers the knob space (the full
// grid when every knob is a short list, else a Latin hypercube of half the budget's arms); then
// rounds of local search propose neighbours of the two best arms, the step halving each round,
// until the budget is spent. Every arm runs with the same seeds, so arms differ by settings alone.
// Worked example: budget 24, 3 seeds: 8 arms; 4 in the first pass, then rounds of 2 around the best.
import { createRng } from '../../engine/random/rng.ts';
import type { KnobRange } from '../../shared/tune/knob-range.ts';
import type { ArmStatistics } from '../../shared/tune/report.ts';
import { armStatistics, isBetter, type ObjectiveSense } from './arm-statistics.ts';
import {
  fullGrid,
  gridSize,
  latinHypercube,
  neighbour,
  settingsAt,
  settingsKey,
  type Settings,
  type UnitPoint,
} from './design.ts';

export interface Arm {
  index: number;
  round: number;
  settings: Settings;
  point: UnitPoint;
}

/** One run of the search: an arm with one of the seeds; `index` counts runs over the whole search. */
export interface RunItem {
  index: number;
  arm: Arm;
  seed: number;
}

export interface SearchOptions {
  ranges: readonly KnobRange[];
  /** The seeds every arm runs with. */
  seeds: readonly number[];
  /** Runs in all: floor(budget / seeds) arms. */
  budget: number;
  /** Seeds the design (the scenario's run.seed), so the same file gives the same arms. */
  designSeed: number;
  sense: ObjectiveSense;
  /** With a shard, only its runs of the first pass (every count-th from index), and no refinement. */
  shard?: { index: number; count: number };
  /** Told the arms so far after each round, so a report can show them while the search goes on. */
  onRound?: (soFar: SearchOutcome) => void;
}

/** Runs items and gives the objective of each (NaN for a run that gave none), in the same order. */
export type Evaluate = (items: readonly RunItem[], round: number) => Promise<number[]>;

export interface SearchOutcome {
  arms: Arm[];
  /** Per arm, the objective of each of its runs that ran (in seed order). */
  values: number[][];
  stats: (ArmStatistics | null)[];
}

/** Refinement starts a quarter of each range around a parent and halves each round. */
const FIRST_STEP = 0.25;
/** Below a 32nd of a range, neighbours mostly round to arms already run. */
const MIN_STEP = 1 / 32;
const TRIES_PER_PROPOSAL = 20;

export function armCount(budget: number, nrSeeds: number): number {
  return Math.floor(budget / nrSeeds);
}

/** Arms in the first pass: the full grid when it fits the budget, else half the budget's arms. */
function firstPassPoints(
  opts: SearchOptions,
  maxArms: number,
  rng: ReturnType<typeof createRng>,
): UnitPoint[] {
  if (gridSize(opts.ranges) <= maxArms) return fullGrid(opts.ranges);
  return latinHypercube(opts.ranges.length, Math.max(2, Math.ceil(maxArms / 2)), rng);
}

/** Arm indexes with statistics, best first (ties: the earlier arm). */
export function rankArms(stats: readonly (ArmStatistics | null)[], sense: ObjectiveSense): number[] {
  const ranked = stats.flatMap((s, i) => (s ? [i] : []));
  return ranked.sort((a, b) => {
    const sa = stats[a]!;
    const sb = stats[b]!;
    return isBetter(sa, sb, sense) ? -1 : isBetter(sb, sa, sense) ? 1 : a - b;
  });
}

/**
 * Runs the search to the budget. Postconditions: arms have distinct settings; every arm has
 * stats computed from its own runs' values only; the same options give the same arms in the same order.
 */
export async function search(opts: SearchOptions, evaluate: Evaluate): Promise<SearchOutcome> {
  const maxArms = armCount(opts.budget, opts.seeds.length);
  if (maxArms < 2)
    throw new RangeError(
      `--budget ${opts.budget} runs with ${opts.seeds.length} seeds each is fewer than two arms; give at least ${2 * opts.seeds.length}`,
    );
  const rng = createRng(opts.designSeed);
  const out: SearchOutcome = { arms: [], values: [], stats: [] };
  const seen = new Set<string>();
  let runIndex = 0;

  const runRound = async (points: UnitPoint[], round: number): Promise<number> => {
    const fresh: Arm[] = [];
    for (const point of points) {
      if (out.arms.length + fresh.length >= maxArms) break;
      const settings = settingsAt(opts.ranges, point);
      const key = settingsKey(opts.ranges, settings);
      if (seen.has(key)) continue;
      seen.add(key);
      fresh.push({ index: out.arms.length + fresh.length, round, settings, point });
    }
    let items = fresh.flatMap((arm) => opts.seeds.map((seed) => ({ index: runIndex++, arm, seed })));
    if (opts.shard) items = items.filter((it) => it.index % opts.shard!.count === opts.shard!.index);
    const values = items.length ? await evaluate(items, round) : [];
    for (const arm of fresh) {
      const own = values.filter((_, i) => items[i]!.arm === arm);
      out.arms.push(arm);
      out.values.push(own);
      out.stats.push(armStatistics(own, opts.sense));
    }
    opts.onRound?.(out);
    return fresh.length;
  };

  const first = await runRound(firstPassPoints(opts, maxArms, rng), 0);
  if (opts.shard) return out;
  const roundSize = Math.max(2, Math.ceil(first / 2));
  let step = FIRST_STEP;
  for (let round = 1; out.arms.length < maxArms; round++, step = Math.max(step / 2, MIN_STEP)) {
    const parents = rankArms(out.stats, opts.sense).slice(0, 2);
    if (parents.length === 0) break;
    const proposals: UnitPoint[] = [];
    const wanted = Math.min(roundSize, maxArms - out.arms.length);
    const keys = new Set<string>();
    for (let t = 0; proposals.length < wanted && t < wanted * TRIES_PER_PROPOSAL; t++) {
      const parent = out.arms[parents[t % parents.length]!]!;
      const p = neighbour(opts.ranges, parent.point, step, rng);
      const key = settingsKey(opts.ranges, settingsAt(opts.ranges, p));
      if (seen.has(key) || keys.has(key)) continue;
      keys.add(key);
      proposals.push(p);
    }
    // Nothing new near the best (a small space, all of it tried): the search is over.
    if (proposals.length === 0 || (await runRound(proposals, round)) === 0) break;
  }
  return out;
}
