// A bandwidth antagonist (STREAM-like): no pages and no task, only bytes read and written on one
// node's memory while it is on, so a scenario can load a tier the way Colloid's experiments do.
import type { StreamWorkload } from '../../shared/scenario/resolved.ts';
import type { WorkloadModel } from './types.ts';

/** It maps nothing and runs no thread the engine schedules: its load is added per tick instead. */
export function makeStream(): WorkloadModel {
  return { regions: [], threads: () => [] };
}

/**
 * Nanoseconds of [t0, t1) the antagonist is on: from startMs to stopMs, and with bursts only in
 * the first onMs of each onMs + offMs period counted from startMs.
 * Example: start 100 ms, on 10 ms, off 30 ms: on in [100, 110), [140, 150), ...; the tick
 * [105, 145) ms holds 5 + 5 = 10 ms of it.
 */
export function streamActiveNs(w: StreamWorkload, t0: number, t1: number): number {
  const start = w.startMs * 1e6;
  const stop = w.stopMs === null ? Infinity : w.stopMs * 1e6;
  const a = Math.max(t0, start);
  const b = Math.min(t1, stop);
  if (b <= a) return 0;
  if (w.onMs === null || w.offMs === null) return b - a;
  const on = w.onMs * 1e6;
  const period = on + w.offMs * 1e6;
  // On-time in [start, start + x): whole periods, then what the last partial one has of its burst.
  const onBefore = (x: number) => Math.floor(x / period) * on + Math.min(x % period, on);
  return onBefore(b - start) - onBefore(a - start);
}

/** Adds each antagonist's bytes over [t0, t1) to its node's traffic (read, write). */
export function addStreamTraffic(
  traffic: Float64Array,
  streams: readonly StreamWorkload[],
  t0: number,
  t1: number,
): void {
  for (const w of streams) {
    const bytes = streamActiveNs(w, t0, t1) * w.bandwidthGBps; // GB/s = bytes per ns
    traffic[w.node * 2]! += bytes * w.readRatio;
    traffic[w.node * 2 + 1]! += bytes * (1 - w.readRatio);
  }
}
