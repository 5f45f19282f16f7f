// The y axis on a log scale: where its floor goes. chart.js cannot place 0 on a log axis; it draws
// zeros on the axis line, so when there are zeros in view the floor goes a decade lower than the
// data needs, and a zero never sits on the same line as the smallest real value.
import type { Point } from './series-types.ts';
import type { XRange } from './zoom-range.ts';

/** The floor when nothing in view is positive: the axis then shows 1..10. */
const EMPTY_FLOOR = 1;

/**
 * The power of ten at or below the smallest positive y in view, or the one below that when the view
 * also holds zeros (or negatives, which a log axis cannot show either).
 * Example: 0.37, 5, 1200 -> 0.1; with a 0 among them -> 0.01; 1000, 4000 -> 1000; only zeros -> 1.
 */
export function logFloor(series: readonly { points: readonly Point[] }[], range: XRange | null): number {
  let low = Infinity;
  let zeros = false;
  for (const s of series) {
    for (const p of s.points) {
      if (range && (p.x < range.min || p.x > range.max)) continue;
      if (p.y > 0) low = Math.min(low, p.y);
      else zeros = true;
    }
  }
  if (!Number.isFinite(low)) return EMPTY_FLOOR;
  // log10 of an exact power of ten can land a hair below the integer (log10(1000) = 2.9999...).
  const decade = Math.floor(Math.log10(low) + 1e-9);
  return 10 ** (zeros ? decade - 1 : decade);
}
