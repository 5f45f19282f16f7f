// The memory-tiering mode's promotion filter (kernel/sched/fair.c): the free-space bypass, the hot
// threshold with its auto-adjust, and the per-node promotion rate limit in 1 s windows.
// Worked example: at the default 65536 MB/s limit and 4 KiB pages, a fast node accepts up to
// 16,777,216 candidates a second (effectively no limit); at 256 MB/s, 65,536 a second.
import { STAT, NR_COUNTERS } from '../../shared/vmstat.ts';
import { folioNrPages } from './folio.ts';
import { count, type Kernel } from './kernel.ts';
import { WMARK_PROMO, wmarkPages } from './watermark.ts';
import { colloidRefusesPromotion } from './colloid.ts';

/** NUMA_MIGRATION_ADJUST_STEPS: the threshold moves in steps of 2 * default / 16. */
const NUMA_MIGRATION_ADJUST_STEPS = 16;

function mbToPages(k: Kernel, mb: number): number {
  return Math.floor((mb * 1024 * 1024) / k.pageSize);
}

/** pgdat_free_space_enough(): above promo + max(1 GiB, node/16), promote without the hot check. */
export function pgdatFreeSpaceEnough(k: Kernel, node: number): boolean {
  const enough = Math.max(Math.floor(2 ** 30 / k.pageSize), Math.floor(k.m.managedPages[node]! / 16));
  return k.m.nrFree[node]! > wmarkPages(k, node, WMARK_PROMO) + enough;
}

function candidates(k: Kernel, node: number): number {
  return k.stats[node * NR_COUNTERS + STAT.pgpromote_candidate]!;
}

/** numa_promotion_adjust_threshold(): every scan_period_max, nudge the threshold toward the rate limit. */
function adjustThreshold(k: Kernel, node: number, rateLimit: number, refTh: number, nowMs: number): void {
  const s = k.numab.pgdat[node]!;
  const period = k.knobs.scan_period_max_ms;
  if (nowMs - s.thStartMs <= period) return;
  s.thStartMs = nowMs;
  const refCand = (rateLimit * period) / 1000;
  const nrCand = candidates(k, node);
  const diffCand = nrCand - s.thNrCand;
  const unit = Math.floor((refTh * 2) / NUMA_MIGRATION_ADJUST_STEPS);
  let th = s.threshold || refTh;
  if (diffCand > (refCand * 11) / 10) th = Math.max(th - unit, unit);
  else if (diffCand < (refCand * 9) / 10) th = Math.min(th + unit, refTh * 2);
  s.thNrCand = nrCand;
  s.threshold = th;
}

/** numa_promotion_rate_limit(): counts the candidate's nr pages; true if the node's 1 s budget is spent. */
function rateLimited(k: Kernel, node: number, rateLimit: number, nowMs: number, nr: number): boolean {
  const s = k.numab.pgdat[node]!;
  count(k, node, STAT.pgpromote_candidate, nr);
  const nrCand = candidates(k, node);
  if (nowMs - s.rlStartMs > 1000) {
    s.rlStartMs = nowMs;
    s.rlNrCand = nrCand;
  }
  return nrCand - s.rlNrCand >= rateLimit;
}

/**
 * The tiering branch of should_numa_migrate_memory() for slow-tier page `pfn` faulting from fast
 * node `dst`. The page's stamp is its scan time; it is replaced by the fault time (folio_xchg_access_time).
 */
export function shouldPromoteTiering(k: Kernel, pfn: number, dst: number, nowMs: number): boolean {
  const scanned = k.m.stamp[pfn]!;
  k.m.stamp[pfn] = nowMs;
  const nr = folioNrPages(k.m, pfn);
  if (pgdatFreeSpaceEnough(k, dst)) {
    k.numab.pgdat[dst]!.threshold = 0; // the workload changed: reset the hot threshold
    if (colloidRefusesPromotion(k, dst, nowMs - scanned, nr)) return false;
    count(k, dst, STAT.pgpromote_candidate_nrl, nr);
    return true;
  }
  const defTh = k.knobs.hot_threshold_ms;
  const rateLimit = mbToPages(k, k.knobs.numa_balancing_promote_rate_limit_MBps);
  adjustThreshold(k, dst, rateLimit, defTh, nowMs);
  const th = k.numab.pgdat[dst]!.threshold || defTh;
  if (nowMs - scanned >= th) return false;
  if (colloidRefusesPromotion(k, dst, nowMs - scanned, nr)) return false;
  return !rateLimited(k, dst, rateLimit, nowMs, nr);
}

/** The largest hot threshold the auto-adjust can reach (numa_promotion_adjust_threshold clamps at 2 x the default). */
export function maxHotThresholdMs(k: Kernel): number {
  return 2 * k.knobs.hot_threshold_ms;
}

/**
 * What hint faults on slow-tier pages past every threshold (faulting from fast node `dst` while its
 * free space is not enough) do to the node's promotion state: the first of them, at `nowMs`, runs
 * numa_promotion_adjust_threshold() (the rest come within a period of it and find nothing due); none
 * reaches the rate limit, and their access times are overwritten by the next scan before anything reads them.
 */
export function hintFaultsPastThreshold(k: Kernel, dst: number, nowMs: number): void {
  const defTh = k.knobs.hot_threshold_ms;
  adjustThreshold(k, dst, mbToPages(k, k.knobs.numa_balancing_promote_rate_limit_MBps), defTh, nowMs);
}
