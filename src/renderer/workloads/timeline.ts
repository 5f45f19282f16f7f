// Where each workload sits on the run's time axis, as fractions of the run, for the timeline bars.
import { TIME_MS, parseQuantity } from '../units/quantity.ts';

export interface TimelineBar {
  name: string;
  type: string;
  /** Fractions of the run, clamped to [0, 1]. */
  start: number;
  end: number;
  /** No stopMs: it runs until its work is done or the run ends. */
  open: boolean;
  phases: number[];
}

function ms(value: unknown): number | null {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? parseQuantity(value, TIME_MS) : null;
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

export function timelineBars(
  workloads: readonly Record<string, unknown>[],
  durationMs: number,
): TimelineBar[] {
  return workloads.map((w) => {
    const start = ms(w.startMs) ?? 0;
    const stop = ms(w.stopMs);
    const phases = Array.isArray(w.phases) ? w.phases : [];
    return {
      name: typeof w.name === 'string' && w.name ? w.name : 'unnamed',
      type: String(w.type),
      start: clamp(start / durationMs),
      end: clamp((stop ?? durationMs) / durationMs),
      open: stop === null,
      phases: phases
        .map((p: unknown) => ms((p as { atMs?: unknown }).atMs))
        .filter((t): t is number => t !== null)
        .map((t) => clamp(t / durationMs)),
    };
  });
}

/** Tick times for an axis of `durationMs`: 0 and four more, at round values where possible. */
export function ticks(durationMs: number, count = 4): number[] {
  const raw = durationMs / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = 0; t <= durationMs + 1e-9; t += step) out.push(t);
  return out;
}
