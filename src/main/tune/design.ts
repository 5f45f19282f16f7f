// Where the tuner puts its arms: points of the unit cube, one axis per knob, mapped to knob values
// (log-spaced for a range spanning a decade or more). A Latin hypercube spreads the first pass so
// every knob's range is covered evenly however many knobs there are; refinement steps around a point.
import type { Rng } from '../../engine/random/rng.ts';
import type { KnobName } from '../../shared/scenario/knobs.ts';
import type { KnobRange, KnobValue } from '../../shared/tune/knob-range.ts';

export type Settings = Partial<Record<KnobName, KnobValue>>;

/** A point of the unit cube: u[k] in [0, 1) for the k-th knob. */
export type UnitPoint = readonly number[];

/** The knob value at position u of its range: rounded to a whole number, or the u-th listed value. */
export function valueAt(range: KnobRange, u: number): KnobValue {
  const t = Math.min(Math.max(u, 0), 1);
  if (range.kind === 'list')
    return range.values[Math.min(range.values.length - 1, Math.floor(t * range.values.length))]!;
  const raw = range.log
    ? Math.exp(Math.log(range.min) + t * (Math.log(range.max) - Math.log(range.min)))
    : range.min + t * (range.max - range.min);
  return Math.min(range.max, Math.max(range.min, Math.round(raw)));
}

export function settingsAt(ranges: readonly KnobRange[], u: UnitPoint): Settings {
  const settings: Settings = {};
  ranges.forEach((r, k) => (settings[r.knob] = valueAt(r, u[k]!)));
  return settings;
}

/** Identity of an arm's settings, in the ranges' order: two points that round alike are one arm. */
export function settingsKey(ranges: readonly KnobRange[], s: Settings): string {
  return JSON.stringify(ranges.map((r) => s[r.knob]));
}

/**
 * n points of a Latin hypercube (McKay, Beckman & Conover 1979): each axis cut into n equal strata,
 * each stratum holding exactly one point, the strata paired across axes by a random permutation
 * per axis, each point uniform inside its cell.
 */
export function latinHypercube(dimensions: number, n: number, rng: Rng): UnitPoint[] {
  const axes = Array.from({ length: dimensions }, () => {
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    return perm.map((stratum) => (stratum + rng.float()) / n);
  });
  return Array.from({ length: n }, (_, i) => axes.map((axis) => axis[i]!));
}

/** Every combination of listed values, as unit points at the middle of each value's stratum. */
export function fullGrid(ranges: readonly KnobRange[]): UnitPoint[] {
  let points: number[][] = [[]];
  for (const r of ranges) {
    const count = r.kind === 'list' ? r.values.length : 1;
    points = points.flatMap((p) => Array.from({ length: count }, (_, i) => [...p, (i + 0.5) / count]));
  }
  return points;
}

/** The number of distinct arms when every knob is a list; Infinity when one is a range. */
export function gridSize(ranges: readonly KnobRange[]): number {
  return ranges.reduce((n, r) => n * (r.kind === 'list' ? r.values.length : Infinity), 1);
}

/**
 * A point near `from`: each range axis moved uniformly within +-step (kept inside [0, 1)), each
 * listed knob switched to another value with probability `step` (at least once in a while, so a
 * search over lists alone still moves).
 */
export function neighbour(ranges: readonly KnobRange[], from: UnitPoint, step: number, rng: Rng): UnitPoint {
  return ranges.map((r, k) => {
    const u = from[k]!;
    if (r.kind === 'int') return Math.min(Math.max(u + step * (2 * rng.float() - 1), 0), 1 - 1e-9);
    if (rng.float() >= Math.max(step, 0.25)) return u;
    const count = r.values.length;
    const current = Math.min(count - 1, Math.floor(u * count));
    const other = (current + 1 + rng.int(count - 1)) % count;
    return (other + 0.5) / count;
  });
}
