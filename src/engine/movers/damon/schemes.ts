// The two DAMOS schemes of SJ's tiering setup (damo scripts/mem_tier.sh): migrate_cold on a fast
// node for regions with no accesses, filter `reject young`; migrate_hot on a slow node for regions
// accessed in at least damos_hot_min_access_pct of samples, filter `allow young`.
import type { Kernel } from '../../mm/kernel.ts';
import { MB } from '../targets.ts';
import { newQuota, QUOTA_RESET_NS, type Quota } from './quota.ts';
import type { Regions } from './regions.ts';

export const MIGRATE_HOT = 0;
export const MIGRATE_COLD = 1;

export interface Scheme {
  action: typeof MIGRATE_HOT | typeof MIGRATE_COLD;
  /** schemes/N/target_nid. */
  targetNode: number;
  /** access_pattern/nr_accesses/{min,max}, in samples per aggregation interval. */
  minAccesses: number;
  maxAccesses: number;
  quota: Quota;
}

/** Samples per aggregation interval: the most nr_accesses a region can reach. */
export function maxNrAccesses(k: Kernel): number {
  return Math.max(1, Math.floor(k.knobs.damon_aggr_us / k.knobs.damon_sample_us));
}

function quotaBytes(k: Kernel): number {
  return (k.knobs.damos_quota_mbps * MB * QUOTA_RESET_NS) / 1e9;
}

/** migrate_hot on a slow node: goal node_mem_used_bp of the node it promotes to. */
export function migrateHot(k: Kernel, target: number): Scheme {
  const max = maxNrAccesses(k);
  return {
    action: MIGRATE_HOT,
    targetNode: target,
    minAccesses: Math.ceil((k.knobs.damos_hot_min_access_pct * max) / 100),
    maxAccesses: max,
    quota: newQuota(quotaBytes(k), target, 'used', k.knobs.damos_promote_used_bp),
  };
}

/** migrate_cold on a fast node: goal node_mem_free_bp of that node itself. */
export function migrateCold(k: Kernel, node: number, target: number): Scheme {
  return {
    action: MIGRATE_COLD,
    targetNode: target,
    minAccesses: 0,
    maxAccesses: 0,
    quota: newQuota(quotaBytes(k), node, 'free', k.knobs.damos_demote_free_bp),
  };
}

/**
 * The regions `s` applies to, best first, into `out`; returns how many. When the quota cannot cover
 * them all, DAMOS prefers the hottest (migrate_hot) or coldest (migrate_cold) by access frequency,
 * then age, as damon_hot_score / damon_cold_score rank them.
 */
export function eligibleRegions(r: Regions, s: Scheme, out: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < r.nr; i++) {
    const acc = r.nrAccesses[i]!;
    if (acc >= s.minAccesses && acc <= s.maxAccesses) out[n++] = i;
  }
  const hot = s.action === MIGRATE_HOT;
  out.subarray(0, n).sort((a, b) => {
    const byFreq = r.nrAccesses[b]! - r.nrAccesses[a]!;
    return (hot ? byFreq : -byFreq) || r.age[b]! - r.age[a]! || a - b;
  });
  return n;
}
