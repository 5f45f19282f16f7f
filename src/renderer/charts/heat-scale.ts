// The access heatmap's colour scale: references per interval on a log scale, from a dark blue for
// none to a bright yellow for the busiest cell, so a hot set shows against a cold one even when
// they differ a thousandfold. Example: with 10^6 at most, 10^3 is halfway (0.5 of the ramp).

/** Viridis-like stops, evenly spaced over 0..1. */
const STOPS: readonly (readonly [number, number, number])[] = [
  [0x1b, 0x1f, 0x3a],
  [0x3b, 0x52, 0x8b],
  [0x21, 0x91, 0x8c],
  [0x5e, 0xc9, 0x62],
  [0xfd, 0xe7, 0x25],
];

/** Position on the ramp (0..1) of `refs` out of `max`: log(1 + refs) / log(1 + max). */
export function heatLevel(refs: number, max: number): number {
  if (!(refs > 0) || !(max > 0)) return 0;
  return Math.min(1, Math.log1p(refs) / Math.log1p(max));
}

/** The ramp's colour at `level` (0..1), as [r, g, b]. */
export function heatRgb(level: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, level)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i]!;
  const b = STOPS[i + 1]!;
  return [0, 1, 2].map((c) => Math.round(a[c]! + (b[c]! - a[c]!) * f)) as [number, number, number];
}

/** The cell under a point of the plot (fractions 0..1 across and down), or null outside it. */
export function cellAt(
  fx: number,
  fy: number,
  columns: number,
  buckets: number,
): { column: number; bucket: number } | null {
  if (!(fx >= 0 && fx < 1 && fy >= 0 && fy < 1) || columns === 0 || buckets === 0) return null;
  return { column: Math.floor(fx * columns), bucket: Math.floor(fy * buckets) };
}
