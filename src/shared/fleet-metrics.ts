// Fleet metrics as researchers report them: the working set, idle-time percentiles as DAMON_STAT
// prints them, a cold-age histogram, and Google's TMTS ratios (STRR, STAR). The rules live here so
// the engine, Compare and the UI read one definition.
//
// Idle time follows mm/damon/stat.c (v6.17, damon_stat_idletime): a region accessed in the last
// aggregation interval is idle 0, any other is idle (age + 1) aggregation intervals, age being the
// whole intervals since its last access. Tierlab looks at pages, not DAMON's (at most 1000)
// regions, and keeps DAMON_STAT's starting aggr_interval of 100 ms (it auto-tunes it, we do not).
// Example: sampled at 1000 ms, pages last touched at 950, 850 and 380 ms are idle 0, 100 and
// 600 ms; the working set (idle 0, Denning's W(t, 100 ms), what `damo report wss` counts) is one page.

/** DAMON_STAT's aggr_interval before auto-tuning (damon_stat_build_ctx: 100 * USEC_PER_MSEC). */
export const DAMON_AGGR_INTERVAL_MS = 100;

/**
 * Cold-age bins by idle time, log2 from the aggregation interval: bin 0 is the working set (idle
 * 0), bin b in 1..10 holds idle times in [100 * 2^(b-1), 100 * 2^b) ms, bin 11 everything from
 * 102.4 s on. The bins' lower edges in ms.
 */
export const COLD_AGE_BIN_MS: readonly number[] = [
  0,
  ...Array.from({ length: 11 }, (_, b) => DAMON_AGGR_INTERVAL_MS * 2 ** b),
];
export const NR_COLD_AGE_BINS = COLD_AGE_BIN_MS.length;

/** Percentiles kept per run and task: memory_idle_ms_percentiles has 101 (0..100). */
export const NR_IDLE_PERCENTILES = 101;

/** DAMON_STAT's idle time of memory last accessed `ageMs` ago: 0 inside the last interval, else whole intervals. */
export function damonIdleMs(ageMs: number): number {
  if (!(ageMs >= DAMON_AGGR_INTERVAL_MS)) return 0;
  return Math.floor(ageMs / DAMON_AGGR_INTERVAL_MS) * DAMON_AGGR_INTERVAL_MS;
}

/** The cold-age bin of an idle time (damonIdleMs). */
export function coldAgeBin(idleMs: number): number {
  if (!(idleMs >= DAMON_AGGR_INTERVAL_MS)) return 0;
  const b = 1 + Math.floor(Math.log2(idleMs / DAMON_AGGR_INTERVAL_MS));
  return Math.min(NR_COLD_AGE_BINS - 1, b);
}

/**
 * memory_idle_ms_percentiles as damon_stat_set_idletime_percentiles() fills it: memory sorted by
 * idle time, and percentile p is the idle time of the first piece at which the memory accounted so
 * far reaches p% (integer division, as the kernel's `accounted_bytes * 100 / total_sz`). `weights`
 * are each piece's size (pages). Empty memory: every percentile 0.
 */
export function idlePercentiles(idleMs: readonly number[], weights: readonly number[]): number[] {
  const out = new Array<number>(NR_IDLE_PERCENTILES).fill(0);
  const order = idleMs.map((_, i) => i).sort((a, b) => idleMs[a]! - idleMs[b]! || a - b);
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0)) return out;
  let accounted = 0;
  let next = 0;
  for (const i of order) {
    accounted += weights[i]!;
    // The last piece reaches 100% exactly; rounding in a sum of real weights must not lose it.
    const reached = i === order[order.length - 1] ? 100 : Math.floor((accounted * 100) / total + 1e-9);
    while (next <= reached && next < NR_IDLE_PERCENTILES) out[next++] = idleMs[i]!;
  }
  return out;
}

/** A workload's or the run's fleet metrics. */
export interface FleetMetrics {
  /** Pages accessed in the last aggregation interval (idle 0), at each of residency.timesMs. */
  workingSetPages: number[];
  /** memory_idle_ms_percentiles at the end of the run, index p the p-th percentile (ms). */
  idleMsPercentiles: number[];
  /** Resident pages by cold-age bin (COLD_AGE_BIN_MS) at the end of the run. */
  coldAgePages: number[];
  /**
   * TMTS's slow-tier residency ratio: the share of resident pages on nodes outside the top tier,
   * averaged over the samples that had pages resident (null: none had).
   */
  strr: number | null;
  /**
   * TMTS's slow-tier access ratio: the share of hits (references that found their page present)
   * served below the top tier (null: no hits).
   */
  star: number | null;
}

/** NaN (nothing to measure) as the result keeps it: null, which JSON carries unchanged. */
export function nullIfNaN(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/** Mean over samples of slow-tier pages / resident pages; `pages[i]` is sample i's pages per node. */
export function slowTierResidencyRatio(
  pages: readonly (readonly number[])[],
  topTier: readonly boolean[],
): number {
  let sum = 0;
  let n = 0;
  for (const row of pages) {
    let all = 0;
    let slow = 0;
    row.forEach((p, node) => {
      all += p;
      if (!topTier[node]) slow += p;
    });
    if (all > 0) {
      sum += slow / all;
      n++;
    }
  }
  return n > 0 ? sum / n : NaN;
}

/** Hits below the top tier / all hits; `hits[node]` in node order. NaN without hits. */
export function slowTierAccessRatio(hits: readonly number[], topTier: readonly boolean[]): number {
  let all = 0;
  let slow = 0;
  hits.forEach((h, node) => {
    all += h;
    if (!topTier[node]) slow += h;
  });
  return all > 0 ? slow / all : NaN;
}
