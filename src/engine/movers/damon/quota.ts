// A DAMOS scheme's quota (mm/damon/core.c damos_adjust_quota): a byte budget per reset interval,
// scaled by a feedback loop toward a node-utilisation goal (node_mem_used_bp / node_mem_free_bp).
import type { Kernel } from '../../mm/kernel.ts';

/** quotas/reset_interval_ms, as damo mem_tier.sh sets it (--damos_quota_interval 1s). */
export const QUOTA_RESET_NS = 1e9;
/** The goal's score when it is met exactly (100.00%, as damon_feed_loop_next_input's goal). */
const GOAL_SCORE = 10000;
/** Where the loop restarts from when it was off and the goal is missed: 1/64 of the cap. */
const RESTART_FRACTION = 1 / 64;

export interface Quota {
  /** quotas/bytes: the cap per reset interval. */
  capBytes: number;
  /** The loop's state: the effective quota as a fraction of the cap, in [0, 1]. */
  fraction: number;
  /** The effective quota (esz) of this interval, bytes. */
  esz: number;
  charged: number;
  /** When this interval started; -1 before the first. */
  chargedFromNs: number;
  /** The goal: node `goalNode`'s used ('used') or free ('free') share, in 1/10000. */
  goalNode: number;
  goalMetric: 'used' | 'free';
  goalBp: number;
}

export function newQuota(
  capBytes: number,
  goalNode: number,
  goalMetric: 'used' | 'free',
  goalBp: number,
): Quota {
  return { capBytes, fraction: 1, esz: 0, charged: 0, chargedFromNs: -1, goalNode, goalMetric, goalBp };
}

/**
 * damon_feed_loop_next_input(), on the fraction of the cap: under the goal the quota grows by the
 * shortfall's share (at most doubling), over it shrinks by the excess's share, and at twice the goal
 * or more it is off. Example: score 5000 (half the goal) takes 0.5 to 0.75; 15000 takes 0.5 to 0.25.
 * The kernel runs the same step on bytes from a one-byte minimum with no upper bound, so a scheme
 * needs ~30 s to ramp up to 200 MB/s; here the loop starts at the cap, stays within it, and restarts
 * from 1/64 of it, so runs of a few seconds show the goals at work.
 */
export function feedLoopNext(fraction: number, score: number): number {
  if (score >= GOAL_SCORE * 2) return 0;
  const last = score < GOAL_SCORE ? Math.max(fraction, RESTART_FRACTION) : fraction;
  return Math.min(1, (last * (2 * GOAL_SCORE - score)) / GOAL_SCORE);
}

/** damos_get_node_mem_bp(): the goal node's used or free share of its memory, then the score. */
export function goalScore(k: Kernel, q: Quota): number {
  const total = k.m.managedPages[q.goalNode]!;
  if (total === 0) return GOAL_SCORE;
  const free = k.m.nrFree[q.goalNode]!;
  const bp = Math.floor(((q.goalMetric === 'used' ? total - free : free) * 10000) / total);
  return Math.floor((bp * GOAL_SCORE) / q.goalBp);
}

/** damos_adjust_quota(): at the start of each reset interval the charge restarts and esz is retuned. */
export function adjustQuota(k: Kernel, q: Quota, nowNs: number): void {
  if (q.chargedFromNs >= 0 && nowNs < q.chargedFromNs + QUOTA_RESET_NS) return;
  q.fraction = feedLoopNext(q.fraction, goalScore(k, q));
  q.chargedFromNs = nowNs;
  q.charged = 0;
  q.esz = Math.floor(q.fraction * q.capBytes);
}

/** Whole pages still allowed in this interval (DAMOS charges in DAMON_MIN_REGION units). */
export function quotaPagesLeft(q: Quota, pageSize: number): number {
  return Math.max(0, Math.floor((q.esz - q.charged) / pageSize));
}
