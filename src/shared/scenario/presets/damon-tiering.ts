// Preset `damon-tiering`: DAMON-based tiering with DAMOS migrate_hot / migrate_cold schemes.
import type { PolicyPreset } from '../presets.ts';

export const damonTiering: PolicyPreset = {
  name: 'damon-tiering',
  title: 'DAMON tiering (DAMOS migrate_hot/migrate_cold, v6.11+)',
  summary:
    'kdamond samples one page per adaptive region for access; every aggregation interval a migrate_cold ' +
    'scheme on the fast node moves regions with no accesses down and a migrate_hot scheme on the slow ' +
    'node moves regions accessed in at least damos_hot_min_access_pct of samples up, each within its ' +
    'quota, tuned toward node utilisation goals (node_mem_free_bp / node_mem_used_bp). One kdamond per ' +
    'node monitors its physical memory; the schemes use the young filters of damo mem_tier.sh and count ' +
    'only pgmigrate_success. Each quota starts at its cap (the kernel ramps up from one byte over about ' +
    '30 s). On small simulated nodes the watermarks alone keep more than 0.5% free: raise ' +
    'damos_demote_free_bp there.',
  source:
    'mm/damon/paddr.c DAMOS_MIGRATE_HOT/COLD (SK hynix, v6.11); quota goals node_mem_used_bp/free_bp ' +
    "(v6.16); SJ's setup in damo scripts/mem_tier.sh and samples/damon/mtier.c.",
  knobs: { demotion_enabled: false, numa_balancing: 0 },
  mechanisms: { demotion: true, tieringPromotion: true, lruGen: true, mover: 'damon' },
  kernel: {
    fixed: 'v6.16',
    reason:
      'DAMOS_MIGRATE_HOT/COLD came in v6.11 and the node_mem_used_bp/free_bp quota goals it tunes toward in ' +
      'v6.16: neither 6.1 nor 6.12 has the whole of it',
  },
};
