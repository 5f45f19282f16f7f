// The time axis's zoom as plain numbers: a visible range inside the axis's bounds, or null for the
// whole axis. Every gesture (drag, keys, wheel) goes through these, so the arithmetic is tested here.
import type { Point } from './series-types.ts';

/** A span of the time axis, in seconds; min < max. */
export interface XRange {
  min: number;
  max: number;
}

/** The narrowest zoom, as a fraction of the whole axis: past 1/10,000 there is nothing more to see. */
export const MIN_SPAN_FRACTION = 1e-4;

/**
 * The whole time axis: from 0 to the run's end when known, else to the last sample drawn.
 * Null while there is nothing to zoom into.
 */
export function axisBounds(series: readonly { points: readonly Point[] }[], xMax?: number): XRange | null {
  let max = xMax ?? -Infinity;
  if (xMax === undefined) for (const s of series) max = Math.max(max, s.points[s.points.length - 1]?.x ?? 0);
  return max > 0 ? { min: 0, max } : null;
}

/**
 * A range moved and narrowed to fit the bounds: a range as wide as the bounds (or wider) is the
 * whole axis (null); one narrower than MIN_SPAN_FRACTION is widened about its centre; one that
 * sticks out is slid back in, keeping its width.
 * Example, bounds 0..100: 90..120 -> 70..100; -5..200 -> null; 50..50 -> 49.995..50.005.
 */
export function clampRange(r: XRange, bounds: XRange): XRange | null {
  const whole = bounds.max - bounds.min;
  const span = Math.max(r.max - r.min, whole * MIN_SPAN_FRACTION);
  if (span >= whole) return null;
  const centre = (r.min + r.max) / 2;
  const min = Math.min(Math.max(centre - span / 2, bounds.min), bounds.max - span);
  return { min, max: min + span };
}

/** The range a drag from one time to another selects, whichever way the mouse went. */
export function dragRange(from: number, to: number, bounds: XRange): XRange | null {
  return clampRange({ min: Math.min(from, to), max: Math.max(from, to) }, bounds);
}

/**
 * Zoom by `factor` (below 1 narrows, above 1 widens) keeping `anchor` where it is on screen: the
 * centre for keys, the pointer for the wheel.
 * Example, bounds 0..100, whole view, anchor 50, factor 0.5 -> 25..75; then anchor 30 -> 27.5..52.5
 * (30 stays a tenth of the way across).
 */
export function zoomAround(
  current: XRange | null,
  bounds: XRange,
  anchor: number,
  factor: number,
): XRange | null {
  const r = current ?? bounds;
  return clampRange(
    { min: anchor - (anchor - r.min) * factor, max: anchor + (r.max - anchor) * factor },
    bounds,
  );
}

/** The middle of what is on screen. */
export function centreOf(current: XRange | null, bounds: XRange): number {
  const r = current ?? bounds;
  return (r.min + r.max) / 2;
}

/**
 * Slide the view by a fraction of its own width (negative is earlier), stopping at the bounds.
 * The whole axis cannot be panned, so null stays null.
 */
export function panBy(current: XRange | null, bounds: XRange, fraction: number): XRange | null {
  if (!current) return null;
  const shift = (current.max - current.min) * fraction;
  return clampRange({ min: current.min + shift, max: current.max + shift }, bounds);
}

/** + and - halve and double the view; arrows move a fifth of it, or a whole view with Shift. */
const KEY_ZOOM = 0.5;
const KEY_PAN = 0.2;

/**
 * What a key does to the zoom of a focused chart, or undefined when it is not a zoom key (so it can
 * go on to the page). Escape resets only a zoomed chart; otherwise it still closes what it closes.
 */
export function keyZoom(
  key: string,
  shift: boolean,
  current: XRange | null,
  bounds: XRange,
): XRange | null | undefined {
  switch (key) {
    case '+':
    case '=':
      return zoomAround(current, bounds, centreOf(current, bounds), KEY_ZOOM);
    case '-':
    case '_':
      return zoomAround(current, bounds, centreOf(current, bounds), 1 / KEY_ZOOM);
    case 'ArrowLeft':
      return panBy(current, bounds, shift ? -1 : -KEY_PAN);
    case 'ArrowRight':
      return panBy(current, bounds, shift ? 1 : KEY_PAN);
    case '0':
    case 'Home':
      return null;
    case 'Escape':
      return current ? null : undefined;
    default:
      return undefined;
  }
}
