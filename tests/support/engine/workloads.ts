// Helpers for tests and benches: build workloads with default base fields and drain a reference
// source into plain arrays. Allocates freely; never use it in the engine's loop.
import type { ResolvedWorkload } from '../../../src/shared/scenario/resolved.ts';
import type { RefSource } from '../../../src/engine/workloads/types.ts';

/** The fields every workload entry carries, set to neutral values. */
export const baseFields: Pick<
  ResolvedWorkload,
  'name' | 'cpu' | 'startMs' | 'stopMs' | 'mempolicy' | 'threads' | 'load' | 'dramShare'
> = {
  name: 'w',
  cpu: 0,
  startMs: 0,
  stopMs: null,
  mempolicy: { mode: 'default', nodes: [], flags: [] },
  threads: 1,
  load: 1,
  dramShare: null,
};

export interface Drained {
  vpages: number[];
  writes: boolean[];
  /** How many fill calls it took, the last (returning 0) included. */
  calls: number;
}

/** Calls fill until it returns 0 (or `limit` references), `chunk` at a time, at time `nowMs`. */
export function drain(source: RefSource, limit = 1_000_000, chunk = 7, nowMs = 0): Drained {
  const buf = new Uint32Array(chunk);
  const out: Drained = { vpages: [], writes: [], calls: 0 };
  while (out.vpages.length < limit) {
    out.calls++;
    const n = source.fill(buf, Math.min(chunk, limit - out.vpages.length), nowMs);
    if (n === 0) break;
    for (let i = 0; i < n; i++) {
      const ref = buf[i] ?? 0;
      out.vpages.push(Math.floor(ref / 2));
      out.writes.push(ref % 2 === 1);
    }
  }
  return out;
}
