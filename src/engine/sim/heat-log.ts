// The access heatmap over the run: at each sample, per address bucket (mm/access-heat.ts), the
// references since the previous sample and its resident pages on each node (so a view can split the
// address space into one band per node); the top-tier share is derived from those at the end.
// Bounded: at HEATMAP_MAX_COLUMNS columns, adjacent pairs merge and each column then spans twice the
// samples. Example: 5000 samples end as 1250 columns of 4 samples each.
import { HEATMAP_MAX_COLUMNS, type AccessHeatmap } from '../../shared/result.ts';
import type { AccessHeat } from '../mm/access-heat.ts';
import type { Kernel } from '../mm/kernel.ts';

export interface HeatLog {
  /** Samples per column; the last column may hold fewer (`filled`). */
  stride: number;
  filled: number;
  /** Per column: its end time, and per global bucket its references. */
  timesMs: number[];
  references: Float64Array[];
  /** Per column: pages resident at its end per global bucket and node, [bucket * nrNodes + node]. */
  resident: Float64Array[];
  /** Cumulative references per bucket at the last sample, and its time. */
  lastReferences: Float64Array;
  lastMs: number;
}

export function createHeatLog(h: AccessHeat): HeatLog {
  return {
    stride: 1,
    filled: 1,
    timesMs: [],
    references: [],
    resident: [],
    lastReferences: new Float64Array(h.references.length),
    lastMs: 0,
  };
}

/** Adds the sample at timeMs; the one at time 0 (or any repeat of a time) closes no interval. */
export function recordHeat(log: HeatLog, k: Kernel, timeMs: number): void {
  if (!(timeMs > log.lastMs)) return;
  const h = k.heat;
  const nb = h.references.length;
  if (log.filled === log.stride) {
    if (log.timesMs.length === HEATMAP_MAX_COLUMNS) mergePairs(log);
    log.timesMs.push(timeMs);
    log.references.push(new Float64Array(nb));
    log.resident.push(new Float64Array(h.resident.length));
    log.filled = 0;
  }
  const col = log.timesMs.length - 1;
  const refs = log.references[col]!;
  for (let b = 0; b < nb; b++) refs[b]! += h.references[b]! - log.lastReferences[b]!;
  log.resident[col]!.set(h.resident);
  log.lastReferences.set(h.references);
  log.timesMs[col] = timeMs;
  log.lastMs = timeMs;
  log.filled++;
}

/**
 * Postcondition: half the columns, each two merged (references summed; time and residency of the
 * later), stride doubled.
 */
function mergePairs(log: HeatLog): void {
  const half = log.timesMs.length >> 1;
  for (let j = 0; j < half; j++) {
    const a = log.references[2 * j]!;
    const b = log.references[2 * j + 1]!;
    for (let i = 0; i < a.length; i++) a[i]! += b[i]!;
    log.references[j] = a;
    log.resident[j] = log.resident[2 * j + 1]!;
    log.timesMs[j] = log.timesMs[2 * j + 1]!;
  }
  log.references.length = half;
  log.resident.length = half;
  log.timesMs.length = half;
  log.stride *= 2;
}

/**
 * Workload g's heatmap: whole references and pages, and each bucket's share of resident pages on a
 * top-tier node to 1/1000 (null where nothing was resident).
 */
export function heatmapOf(
  log: HeatLog,
  h: AccessHeat,
  g: number,
  topTier: readonly boolean[],
): AccessHeatmap {
  const first = h.first[g]!;
  const own = h.nrBuckets[g]!;
  const nrNodes = topTier.length;
  const references: number[][] = [];
  const topTierShare: (number | null)[][] = [];
  const residentPages: number[][][] = [];
  log.timesMs.forEach((_, c) => {
    const resident = log.resident[c]!;
    const pages = Array.from({ length: own }, (_, b) =>
      Array.from(resident.subarray((first + b) * nrNodes, (first + b + 1) * nrNodes)),
    );
    references.push(Array.from(log.references[c]!.subarray(first, first + own), Math.round));
    topTierShare.push(
      pages.map((onNode) => {
        const all = onNode.reduce((sum, p) => sum + p, 0);
        const top = onNode.reduce((sum, p, n) => (topTier[n] ? sum + p : sum), 0);
        return all > 0 ? Math.round((top / all) * 1000) / 1000 : null;
      }),
    );
    residentPages.push(pages.map((onNode) => onNode.map(Math.round)));
  });
  return {
    pages: h.pages[g]!,
    bucketPages: 2 ** h.shift[g]!,
    timesMs: log.timesMs.slice(),
    references,
    topTierShare,
    residentPages,
  };
}
