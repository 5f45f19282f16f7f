// The memory cgroups of a run (cgroup v2, one level under the root): their limits in pages, and the
// per-cgroup counters of memory.stat and memory.events. Memcg 0 is the root: no limits, no stats.
// Usage (memory.current) is not a separate counter: it is the pages on the cgroup's lruvecs, which
// hold every page charged to it (a page isolated for reclaim is back on a list before anyone asks).
import {
  MEMCG_MEMORY_EVENTS,
  MEMCG_STAT_EVENTS,
  type MemcgEventName,
  type MemcgMemoryEventName,
} from '../../shared/memcg-stat.ts';

/** Index of each memory.stat event in a memcg's row of MemcgState.stats, e.g. `MEMCG_STAT.pgfault`. */
export const MEMCG_STAT = Object.fromEntries(MEMCG_STAT_EVENTS.map((n, i) => [n, i])) as {
  readonly [K in MemcgEventName]: number;
};
/** Index of each memory.events entry in a memcg's row of MemcgState.events. */
export const MEMCG_EVENT = Object.fromEntries(MEMCG_MEMORY_EVENTS.map((n, i) => [n, i])) as {
  readonly [K in MemcgMemoryEventName]: number;
};
export const NR_MEMCG_EVENTS = MEMCG_STAT_EVENTS.length;
export const NR_MEMCG_MEMORY_EVENTS = MEMCG_MEMORY_EVENTS.length;

/** "max": page_counter's PAGE_COUNTER_MAX, no limit. */
export const MEMCG_NO_LIMIT = Infinity;

export interface MemcgLimits {
  /** memory.max, memory.high, memory.low, memory.min in pages (MEMCG_NO_LIMIT / 0 when unset). */
  max: number;
  high: number;
  low: number;
  min: number;
}

export interface MemcgState {
  /** Index 0 is the root; cgroup i (1..) is named names[i]. */
  names: string[];
  limits: MemcgLimits[];
  /** memory.stat events: [memcg * NR_MEMCG_EVENTS + MEMCG_STAT.x], summed over nodes. */
  stats: Float64Array;
  /** memory.events: [memcg * NR_MEMCG_MEMORY_EVENTS + MEMCG_EVENT.x]. */
  events: Float64Array;
  /** Per workload (group): its memcg. */
  ofGroup: Uint8Array;
  /**
   * Pages charged since memory.high was last checked (the per-CPU charge stock: try_charge checks
   * high only when it refills a MEMCG_CHARGE_BATCH, so high is looked at once every 64 pages).
   */
  sinceHighCheck: Float64Array;
  /** current->memcg_nr_pages_over_high of the running task, and its memcg: handled on return to user. */
  overHigh: { memcg: number; nrPages: number };
  /** mem_cgroup_reclaim_cookie's position per node: where a partial walk of the memcgs starts. */
  iterPosition: Uint8Array;
}

export function createMemcgState(
  names: string[],
  limits: MemcgLimits[],
  ofGroup: Uint8Array,
  nrNodes: number,
): MemcgState {
  const n = names.length;
  return {
    names,
    limits,
    stats: new Float64Array(n * NR_MEMCG_EVENTS),
    events: new Float64Array(n * NR_MEMCG_MEMORY_EVENTS),
    ofGroup,
    sinceHighCheck: new Float64Array(n),
    overHigh: { memcg: 0, nrPages: 0 },
    iterPosition: new Uint8Array(nrNodes),
  };
}
