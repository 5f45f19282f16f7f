// kswapd, one per node: woken when an allocation dips below WMARK_LOW or a fragmenting fallback boosts
// the watermarks, reclaims (and demotes) until pgdat_balanced() and the boost is reclaimed, then
// tries to sleep. Modelled as a resumable balance_pgdat() with its own clock.
import { STAT } from '../../shared/vmstat.ts';
import { wakeupKcompactd } from './kcompactd.ts';
import { count, cutRound, type Kernel } from './kernel.ts';
import { MAX_RECLAIM_RETRIES } from './page-alloc.ts';
import { DEF_PRIORITY, SWAP_CLUSTER_MAX, scanControl } from './scan-control.ts';
import { shrinkNode } from './vmscan.ts';
import { lruGenAgeNode } from './lru-gen-memcg.ts';
import { lruGenAgeNodeV61 } from './lru-gen-reclaim-v61.ts';
import { pgdatBalanced, WMARK_HIGH, wmarkPages } from './watermark.ts';

/** The short nap (HZ/10) kswapd takes before sleeping for good; a wake-up inside it is premature. */
export const SHORT_SLEEP_NS = 100e6;
/** Least time one balance step takes, so a kswapd that finds nothing to scan still moves on. */
const MIN_STEP_NS = 1000;

/**
 * wakeup_kswapd() for an allocation of `order`: raises kswapd_order to it, then is a no-op if
 * kswapd gave up (kswapd_failures) or the node is balanced at that order and its watermarks are
 * not boosted (pgdat_watermark_boosted()). In that case an allocation that may not stall
 * (`mayDirectReclaim` false: a THP fault under defrag=defer) wakes kcompactd instead, as the
 * memory may be free but too fragmented.
 */
export function wakeupKswapd(k: Kernel, node: number, order = 0, mayDirectReclaim = true): void {
  const s = k.kswapd[node]!;
  if (order > s.order) s.order = order;
  if (order > s.allocOrder) s.allocOrder = order;
  const balanced = pgdatBalanced(k, node);
  if (balanced) k.demotionContended[node] = 0;
  const balancedAtOrder = order === 0 ? balanced : pgdatBalanced(k, node, order);
  if (s.awake) return;
  if (s.failures >= MAX_RECLAIM_RETRIES || (balancedAtOrder && !k.watermarkBoost[node])) {
    if (!mayDirectReclaim && order >= k.m.area.pageblockOrder && k.m.area.pageblockOrder > 0)
      wakeupKcompactd(k, node);
    return;
  }
  s.awake = true;
  cutRound(k, k.nowNs);
  if (s.sleptAtNs >= 0 && k.nowNs - s.sleptAtNs < SHORT_SLEEP_NS)
    count(k, node, STAT.kswapd_low_wmark_hit_quickly);
  s.sleptAtNs = -1;
  s.clockNs = Math.max(s.clockNs, k.nowNs);
  startBalance(k, node);
}

/**
 * balance_pgdat()'s start: priority DEF_PRIORITY, and the zone's boost as it is now becomes both
 * nr_boost_reclaim (extra pages to reclaim) and what the run takes off the boost when it ends.
 */
function startBalance(k: Kernel, node: number): void {
  const s = k.kswapd[node]!;
  s.priority = DEF_PRIORITY;
  s.reclaimedThisRun = 0;
  s.memcgsNeedAging = false;
  s.nrBoostReclaim = k.watermarkBoost[node]!;
  s.zoneBoost = s.nrBoostReclaim;
  count(k, node, STAT.pageoutrun);
}

/**
 * balance_pgdat()'s end: the boost it started with is spent, met or not (later steals re-raise
 * it); after a boosted run kcompactd is woken to defragment, as there is now likely space.
 */
function clearBoost(k: Kernel, node: number): void {
  const s = k.kswapd[node]!;
  if (s.zoneBoost > 0) wakeupKcompactd(k, node);
  k.watermarkBoost[node]! -= Math.min(k.watermarkBoost[node]!, s.zoneBoost);
  s.zoneBoost = 0;
  s.nrBoostReclaim = 0;
}

function sleep(k: Kernel, node: number, atNs: number): void {
  const s = k.kswapd[node]!;
  const balanced = pgdatBalanced(k, node);
  // kswapd_try_to_sleep(): after a high-order run, kcompactd is to make the block from what was freed.
  if (balanced && s.allocOrder >= k.m.area.pageblockOrder && k.m.area.pageblockOrder > 0)
    wakeupKcompactd(k, node);
  s.awake = false;
  s.order = 0;
  s.allocOrder = 0;
  s.sleptAtNs = atNs;
  // Yang Shi v3: "the contended flag will be cleared once the node get balanced".
  if (balanced) k.demotionContended[node] = 0;
}

/**
 * Runs node's kswapd until its clock reaches `untilNs` or it sleeps. One step is one
 * kswapd_shrink_node() at the current priority, aiming at max(high watermark, SWAP_CLUSTER_MAX).
 * `cpuShare` is the share of a CPU the scheduler gives it (sim/cpu-share.ts): a step's work takes
 * 1 / cpuShare as long when it competes with more runnable threads than there are CPUs.
 */
export function runKswapd(k: Kernel, node: number, untilNs: number, cpuShare = 1): void {
  const s = k.kswapd[node]!;
  if (!s.awake) {
    // After the short nap, a node that fell below its goal again wakes kswapd without an allocation.
    if (s.sleptAtNs >= 0 && untilNs - s.sleptAtNs >= SHORT_SLEEP_NS) {
      const balanced = pgdatBalanced(k, node);
      const napEnd = s.sleptAtNs + SHORT_SLEEP_NS;
      s.sleptAtNs = -1;
      if (!balanced && s.failures < MAX_RECLAIM_RETRIES) {
        count(k, node, STAT.kswapd_high_wmark_hit_quickly);
        k.nowNs = Math.max(s.clockNs, napEnd);
        wakeupKswapd(k, node);
      }
    }
    if (!s.awake) return;
  }
  while (s.clockNs < untilNs) {
    k.nowNs = s.clockNs;
    const balanced = pgdatBalanced(k, node, s.order);
    // Short of the (boosted) marks: plain reclaim, with I/O, from DEF_PRIORITY again.
    if (!balanced && s.nrBoostReclaim) {
      s.nrBoostReclaim = 0;
      s.priority = DEF_PRIORITY;
    }
    if (balanced && !s.nrBoostReclaim) {
      clearBoost(k, node);
      return sleep(k, node, s.clockNs);
    }
    const boosting = s.nrBoostReclaim > 0;
    // Boosted reclaim relieves fragmentation, not a shortage: no writeback or swap, and no
    // priority below DEF_PRIORITY - 2, so it stays light.
    let raisePriority = !(boosting && s.priority === DEF_PRIORITY - 2);
    const high = wmarkPages(k, node, WMARK_HIGH);
    const sc = scanControl('kswapd', Math.max(high, SWAP_CLUSTER_MAX), s.priority);
    sc.mayWritepage = !boosting || s.priority < DEF_PRIORITY - 2;
    sc.maySwap = !boosting;
    // kswapd_age_node(): under MGLRU, min_ttl_ms's check (and set_initial_priority, kept below);
    // 6.1 ages here, before the eviction.
    if (k.m.lrugen) {
      if (k.m.lrugen.rules.memcgLru) lruGenAgeNode(k, node, sc);
      else lruGenAgeNodeV61(k, node, sc, s.order);
    }
    shrinkNode(k, node, sc);
    s.priority = sc.priority;
    s.clockNs += Math.max(sc.costNs, MIN_STEP_NS) / cpuShare;
    s.reclaimedThisRun += sc.nrReclaimed;
    // kswapd_shrink_node(): once compact_gap (2 << order) pages are reclaimed, a high-order run
    // goes on at order 0 (compaction, not more reclaim, is to make the block).
    if (s.order > 0 && s.reclaimedThisRun >= 2 << s.order) s.order = 0;
    // kswapd_shrink_node(): no need to raise priority if this pass scanned enough.
    if (sc.nrScanned >= sc.nrToReclaim) raisePriority = false;
    s.nrBoostReclaim -= Math.min(s.nrBoostReclaim, sc.nrReclaimed);
    // Boosted reclaim that frees nothing stops: it cannot queue I/O, so it could loop forever.
    const boostStuck = s.nrBoostReclaim > 0 && sc.nrReclaimed === 0;
    if (!boostStuck && (raisePriority || sc.nrReclaimed === 0)) s.priority--;
    if (boostStuck || s.priority < 1) {
      if (s.reclaimedThisRun === 0) s.failures++;
      clearBoost(k, node);
      // kswapd_try_to_sleep() comes before the next balance_pgdat() run.
      if (s.failures >= MAX_RECLAIM_RETRIES || (boostStuck && pgdatBalanced(k, node)))
        return sleep(k, node, s.clockNs);
      // kswapd_try_to_sleep(): prepare_kswapd_sleep() fails, so no nap: "high wmark hit quickly".
      count(k, node, STAT.kswapd_high_wmark_hit_quickly);
      startBalance(k, node);
    }
  }
}
