// Collects a sample row per node every sampleEveryMs: the event counters as they stand and the
// gauges (free pages, LRU sizes, ...) read from the page state at that moment.
import { NR_COUNTERS, STAT } from '../../shared/vmstat.ts';
import type { SampleBatch } from '../../shared/samples.ts';
import type { Kernel } from '../mm/kernel.ts';
import { lruSize } from '../mm/lru.ts';
import { createHeatLog, recordHeat, type HeatLog } from './heat-log.ts';
import { LRU_ACTIVE_ANON, LRU_ACTIVE_FILE, LRU_INACTIVE_ANON, LRU_INACTIVE_FILE } from '../mm/page-flags.ts';

export interface Sampler {
  times: number[];
  values: Float64Array;
  rows: number;
  /** The machine-wide row of the latest sample, for progress reports. */
  latest: Float64Array;
  /** Every sample's time and per-workload residency (group x node), kept for the result. */
  residencyTimes: number[];
  residency: number[][];
  /** Every sample's cumulative references per workload, for throughput over time. */
  references: number[][];
  /** Every sample's cumulative top-tier hits per workload, for the hit ratio over time. */
  fastTierHits: number[][];
  /** References and top-tier share per address bucket over time, for the access heatmap. */
  heat: HeatLog;
}

export function createSampler(k: Kernel): Sampler {
  return {
    times: [],
    values: new Float64Array(0),
    rows: 0,
    latest: new Float64Array(NR_COUNTERS),
    residencyTimes: [],
    residency: [],
    references: [],
    fastTierHits: [],
    heat: createHeatLog(k.heat),
  };
}

/** Writes node n's counters and gauges into `row` (length NR_COUNTERS). */
export function readNodeCounters(k: Kernel, n: number, row: Float64Array): void {
  row.set(k.stats.subarray(n * NR_COUNTERS, (n + 1) * NR_COUNTERS));
  const ia = lruSize(k.m, n, LRU_INACTIVE_ANON);
  const aa = lruSize(k.m, n, LRU_ACTIVE_ANON);
  const inf = lruSize(k.m, n, LRU_INACTIVE_FILE);
  const af = lruSize(k.m, n, LRU_ACTIVE_FILE);
  row[STAT.nr_free_pages] = k.m.nrFree[n]!;
  row[STAT.nr_inactive_anon] = ia;
  row[STAT.nr_active_anon] = aa;
  row[STAT.nr_inactive_file] = inf;
  row[STAT.nr_active_file] = af;
  // NR_ANON_MAPPED: pages read ahead into the swap cache sit on the anon LRU but are not mapped.
  row[STAT.nr_anon_pages] = ia + aa - (k.swap ? k.swap.nrUnmapped[n]! : 0);
  // Swap-cache pages are counted in NR_FILE_PAGES too, as __add_to_swap_cache() does.
  const swapcached = k.swap ? k.swap.nrSwapcached[n]! : 0;
  row[STAT.nr_file_pages] = inf + af + swapcached;
  row[STAT.nr_swapcached] = swapcached;
  row[STAT.nr_dirty] = k.m.nrDirty[n]!;
  // Swap is machine-wide; it is carried on node 0's row so that sums over nodes stay right.
  row[STAT.nr_swap_used] = n === 0 && k.swap ? k.swap.usedPages : 0;
}

export function recordSample(
  s: Sampler,
  k: Kernel,
  timeMs: number,
  referencesByGroup: number[],
  fastTierHitsByGroup: number[],
): void {
  const width = k.m.nrNodes * NR_COUNTERS;
  if ((s.rows + 1) * width > s.values.length) {
    const grown = new Float64Array(Math.max(width * 64, s.values.length * 2));
    grown.set(s.values.subarray(0, s.rows * width));
    s.values = grown;
  }
  s.latest.fill(0);
  for (let n = 0; n < k.m.nrNodes; n++) {
    const row = s.values.subarray(
      (s.rows * k.m.nrNodes + n) * NR_COUNTERS,
      (s.rows * k.m.nrNodes + n + 1) * NR_COUNTERS,
    );
    readNodeCounters(k, n, row);
    for (let c = 0; c < NR_COUNTERS; c++) s.latest[c]! += row[c]!;
  }
  s.times.push(timeMs);
  s.rows++;
  s.residencyTimes.push(timeMs);
  s.residency.push(Array.from(k.resident));
  s.references.push(referencesByGroup);
  s.fastTierHits.push(fastTierHitsByGroup);
  recordHeat(s.heat, k, timeMs);
}

/** Hands over the rows recorded since the last call (copies, so they can be transferred). */
export function takeSamples(s: Sampler, nrNodes: number): SampleBatch | null {
  if (s.rows === 0) return null;
  const batch: SampleBatch = {
    nrNodes,
    timesMs: Float64Array.from(s.times),
    values: s.values.slice(0, s.rows * nrNodes * NR_COUNTERS),
  };
  s.times = [];
  s.rows = 0;
  return batch;
}
