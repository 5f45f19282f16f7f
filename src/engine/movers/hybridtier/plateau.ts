// The adaptive part of HybridTier: every 20 batches (after the first 500) a promotion plateau, at
// most 25,000 pages promoted in those 20, lowers the hot threshold a step while the hot pages fill
// under 80% of DRAM, down to 3; at 3, or with DRAM full of hot pages, sampling stops (monitor mode).
// Monitor mode sleeps 120 s, then reads perf stat's DRAM hit ratio per 60 s; once five are in, a
// least-squares slope below -0.01 means the hot set moved: both sketches age, the threshold goes
// back to its start, and sampling resumes.
// Example: ratios 0.9, 0.9, 0.88, 0.85, 0.8 give slope (5 * 8.41 - 10 * 4.33) / 50 = -0.025: resume.
import { STAT, NR_COUNTERS } from '../../../shared/vmstat.ts';
import { count, type Kernel } from '../../mm/kernel.ts';
import {
  HIT_RATIO_WINDOW,
  MIN_HOT_THRESHOLD,
  MONITOR_CHECK_NS,
  MONITOR_SLEEP_NS,
  PERF_STAT_INTERVAL_NS,
  PLATEAU_AFTER_BATCHES,
  PLATEAU_EVERY_BATCHES,
  PLATEAU_FILL_SHARE,
  SLOPE_THRESH,
} from './constants.ts';
import { age, hotPages } from './sketch.ts';
import { Mode, type HybridTier } from './state.ts';

/** The runtime's hot threshold as the gauge shows it, on its CPU's node. */
export function showThreshold(k: Kernel, h: HybridTier): void {
  k.stats[h.fastNode * NR_COUNTERS + STAT.hybridtier_hot_threshold] = h.hotThreshold;
}

/** After each batch: the promotion-plateau check. True if it sent the runtime to monitor mode. */
export function checkPlateau(k: Kernel, h: HybridTier): boolean {
  h.batches++;
  if (h.batches % PLATEAU_EVERY_BATCHES !== PLATEAU_EVERY_BATCHES - 1) return false;
  const plateau = h.batches > PLATEAU_AFTER_BATCHES && h.promotedHistory <= h.plateauMaxPromoted;
  h.promotedHistory = 0;
  if (!plateau) return false;
  const hotBytes = hotPages(h.lfu, h.hotThreshold) * k.pageSize;
  if (hotBytes < h.fastBytes * PLATEAU_FILL_SHARE && h.hotThreshold > MIN_HOT_THRESHOLD) {
    h.hotThreshold--;
    showThreshold(k, h);
    return false;
  }
  enterMonitor(k, h);
  return true;
}

/** low_overhead_monitor(): perf sampling off and a 120 s sleep, then hit-ratio checks. */
export function enterMonitor(k: Kernel, h: HybridTier): void {
  count(k, h.fastNode, STAT.hybridtier_monitor_entries);
  h.mode = Mode.Monitor;
  h.demotionResets = 0;
  h.fullSweepOnce = false;
  h.monitorWakeNs = h.clockNs + MONITOR_SLEEP_NS;
  h.hitRatios = [];
  h.nextPerfStatNs = h.monitorWakeNs + PERF_STAT_INTERVAL_NS;
  h.nextCheckNs = h.monitorWakeNs;
}

/** The tasks' references so far and those served by a top-tier node (perf stat's local loads). */
function hitsSoFar(k: Kernel, h: HybridTier): { hits: number; refs: number } {
  let hits = 0;
  let refs = 0;
  for (const t of h.tasks) {
    t.hitsByNode.forEach((n, node) => {
      refs += n;
      if (k.layout.topTier[node]) hits += n;
    });
  }
  return { hits, refs };
}

/** Least-squares slope of y over x = 0..n-1 (check_fast_mem_hit_ratio with n = 5). */
export function slope(y: readonly number[]): number {
  const n = y.length;
  let sxy = 0;
  let sy = 0;
  y.forEach((v, x) => {
    sxy += x * v;
    sy += v;
  });
  const sx = (n * (n - 1)) / 2;
  const sxx = ((n - 1) * n * (2 * n - 1)) / 6;
  return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

/** Monitor mode until untilNs: checks every 10 s after the sleep. Back to sampling if the ratio falls. */
export function runMonitor(k: Kernel, h: HybridTier, untilNs: number): void {
  while (h.mode === Mode.Monitor && h.nextCheckNs <= untilNs) {
    h.clockNs = h.nextCheckNs;
    if (h.clockNs === h.monitorWakeNs) {
      const s = hitsSoFar(k, h);
      h.perfStatHits = s.hits;
      h.perfStatRefs = s.refs;
    }
    if (h.clockNs >= h.nextPerfStatNs) readPerfStat(k, h);
    h.nextCheckNs += MONITOR_CHECK_NS;
  }
  if (h.mode === Mode.Monitor) h.clockNs = Math.max(h.clockNs, untilNs);
}

/** A new 60 s line of perf stat: its hit ratio into the window, and the slope of the last five. */
function readPerfStat(k: Kernel, h: HybridTier): void {
  const s = hitsSoFar(k, h);
  const refs = s.refs - h.perfStatRefs;
  const ratio = refs > 0 ? (s.hits - h.perfStatHits) / refs : 0;
  h.perfStatHits = s.hits;
  h.perfStatRefs = s.refs;
  h.nextPerfStatNs += PERF_STAT_INTERVAL_NS;
  h.hitRatios.push(ratio);
  if (h.hitRatios.length <= HIT_RATIO_WINDOW) return;
  h.hitRatios.shift();
  if (slope(h.hitRatios) < SLOPE_THRESH) leaveMonitor(k, h);
}

/** Sampling again: the sketches age, the threshold and second-chance queue start over. */
export function leaveMonitor(k: Kernel, h: HybridTier): void {
  h.mode = Mode.Sampling;
  age(h.lfu);
  age(h.momentum);
  h.hotThreshold = k.knobs.hybridtier_hot_threshold;
  showThreshold(k, h);
  h.secondChance.length = 0;
  h.secondChanceOldFreq.length = 0;
  // Sampling starts afresh: the loads made while it was off are not sampled.
  h.asleepUntilNs = h.clockNs;
}
