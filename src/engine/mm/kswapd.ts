// kswapd, one per node: woken when an allocation dips below WMARK_LOW, reclaims (and demotes) until
// pgdat_balanced(), then tries to sleep. Modelled as a resumable balance_pgdat() with its own clock.
import { STAT } from '../../shared/vmstat.ts';
import { count, cutRound, type Kernel } from './kernel.ts';
import { MAX_RECLAIM_RETRIES } from './page-alloc.ts';
import { DEF_PRIORITY, SWAP_CLUSTER_MAX, scanControl } from './scan-control.ts';
import { shrinkNode } from './vmscan.ts';
import { pgdatBalanced } from './watermark.ts';

/** The short nap (HZ/10) kswapd takes before sleeping for good; a wake-up inside it is premature. */
export const SHORT_SLEEP_NS = 100e6;
/** Least time one balance step takes, so a kswapd that finds nothing to scan still moves on. */
const MIN_STEP_NS = 1000;

/** wakeup_kswapd(): no-op if the node is balanced or kswapd gave up (kswapd_failures). */
export function wakeupKswapd(k: Kernel, node: number): void {
  const s = k.kswapd[node]!;
  if (pgdatBalanced(k, node)) k.demotionContended[node] = 0;
  if (s.awake || s.failures >= MAX_RECLAIM_RETRIES || pgdatBalanced(k, node)) return;
  s.awake = true;
  cutRound(k, k.nowNs);
  if (s.sleptAtNs >= 0 && k.nowNs - s.sleptAtNs < SHORT_SLEEP_NS)
    count(k, node, STAT.kswapd_low_wmark_hit_quickly);
  s.sleptAtNs = -1;
  s.clockNs = Math.max(s.clockNs, k.nowNs);
  s.priority = DEF_PRIORITY;
  s.reclaimedThisRun = 0;
  count(k, node, STAT.pageoutrun);
}

function sleep(k: Kernel, node: number, atNs: number): void {
  const s = k.kswapd[node]!;
  s.awake = false;
  s.sleptAtNs = atNs;
  // Yang Shi v3: "the contended flag will be cleared once the node get balanced".
  if (pgdatBalanced(k, node)) k.demotionContended[node] = 0;
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
  const high = k.layout.watermarks[node]!.high;
  while (s.clockNs < untilNs) {
    k.nowNs = s.clockNs;
    if (pgdatBalanced(k, node)) return sleep(k, node, s.clockNs);
    const sc = scanControl('kswapd', Math.max(high, SWAP_CLUSTER_MAX), s.priority);
    shrinkNode(k, node, sc);
    s.clockNs += Math.max(sc.costNs, MIN_STEP_NS) / cpuShare;
    s.reclaimedThisRun += sc.nrReclaimed;
    // balance_pgdat(): raise priority unless this pass scanned enough and freed something.
    if (sc.nrScanned < sc.nrToReclaim || sc.nrReclaimed === 0) s.priority--;
    if (s.priority < 1) {
      if (s.reclaimedThisRun === 0) s.failures++;
      if (s.failures >= MAX_RECLAIM_RETRIES) return sleep(k, node, s.clockNs);
      s.priority = DEF_PRIORITY;
      s.reclaimedThisRun = 0;
      count(k, node, STAT.pageoutrun);
    }
  }
}
