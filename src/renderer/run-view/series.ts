// Sample columns into chart points: time in seconds, events as per-second rates or cumulative counts,
// gauges (nr_*) as they are, pages as MiB. Pure, so the arithmetic is tested without a browser.
import { isGauge } from '../../shared/vmstat.ts';
import type { Point } from '../charts/series-types.ts';

export type CounterMode = 'rate' | 'cumulative';

/** Values against time, times in ms in, seconds out. */
export function toPoints(timesMs: readonly number[], values: readonly number[], scale = 1): Point[] {
  const n = Math.min(timesMs.length, values.length);
  const out: Point[] = new Array<Point>(n);
  for (let i = 0; i < n; i++) out[i] = { x: timesMs[i]! / 1000, y: values[i]! * scale };
  return out;
}

/**
 * Per-second rate of a cumulative counter between consecutive samples, at the later sample's time.
 * Example: 0, 50, 150 pages at 0, 100, 200 ms -> 500/s at 0.1 s, 1000/s at 0.2 s.
 */
export function toRate(timesMs: readonly number[], values: readonly number[], scale = 1): Point[] {
  const n = Math.min(timesMs.length, values.length);
  const out: Point[] = [];
  for (let i = 1; i < n; i++) {
    const dt = (timesMs[i]! - timesMs[i - 1]!) / 1000;
    if (dt > 0) out.push({ x: timesMs[i]! / 1000, y: ((values[i]! - values[i - 1]!) / dt) * scale });
  }
  return out;
}

/** A counter as the mode asks, except gauges, which are never differentiated. */
export function counterPoints(
  name: string,
  timesMs: readonly number[],
  values: readonly number[],
  mode: CounterMode,
): Point[] {
  return mode === 'rate' && !isGauge(name) ? toRate(timesMs, values) : toPoints(timesMs, values);
}

/** The y unit a counter is drawn in. */
export function counterUnit(names: readonly string[], mode: CounterMode): string {
  if (names.length > 0 && names.every(isGauge)) return 'pages';
  const events = mode === 'rate' ? 'per second' : 'count';
  return names.some(isGauge) ? `${events}; nr_* in pages` : events;
}

/**
 * Share of anonymous memory on top-tier nodes at each sample, in percent (the compare metric
 * fast-tier-share over time). NaN-free: a sample with no anon memory is left out.
 */
export function fastTierShare(
  timesMs: readonly number[],
  anonByNode: Readonly<Record<string, readonly number[]>>,
  topTier: ReadonlySet<number>,
): Point[] {
  const out: Point[] = [];
  const nodes = Object.entries(anonByNode);
  for (let i = 0; i < timesMs.length; i++) {
    let top = 0;
    let all = 0;
    for (const [id, values] of nodes) {
      const v = values[i] ?? 0;
      all += v;
      if (topTier.has(Number(id))) top += v;
    }
    if (all > 0) out.push({ x: timesMs[i]! / 1000, y: (top * 100) / all });
  }
  return out;
}

/**
 * A node's read and write bandwidth in GB/s between samples, from its cumulative byte counts.
 * Example: 0, 1e9, 3e9 bytes read at 0, 100, 200 ms -> 10 GB/s at 0.1 s, 20 GB/s at 0.2 s.
 */
export function nodeBandwidthSeries(
  timesMs: readonly number[],
  columns: Readonly<Record<string, readonly number[]>>,
): { read: Point[]; write: Point[] } {
  return {
    read: toRate(timesMs, columns.mem_read_bytes ?? [], 1e-9),
    write: toRate(timesMs, columns.mem_write_bytes ?? [], 1e-9),
  };
}

/** Every k-th point so at most `max` remain (plus the last): stacked areas must share their x values. */
export function thin(points: Point[], max: number): Point[] {
  if (points.length <= max) return points;
  const step = Math.ceil(points.length / max);
  const out = points.filter((_, i) => i % step === 0);
  const last = points[points.length - 1];
  if (last && out[out.length - 1] !== last) out.push(last);
  return out;
}

/** How a node is named in legends and titles: "node1 PMEM", or "node1" when its kind is unknown. */
export function nodeLabel(id: number, kind?: string): string {
  return kind ? `node${id} ${kind.toUpperCase()}` : `node${id}`;
}

/** A node id from the address ("?node=1"); anything else is machine-wide (null). */
export function parseNodeId(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}
