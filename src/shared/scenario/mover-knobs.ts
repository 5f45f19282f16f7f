// The knobs of the page movers outside the kernel's reclaim and NUMA balancing: Fengguang Wu's
// memory-optimizer daemon (its sysfs-less settings, by the daemon's own names) and DAMON/DAMOS
// (by their sysfs files). Part of KNOBS (knobs.ts).
import type { KnobSpec } from './knobs.ts';

export const MOVER_KNOBS = {
  memopt_interval_ms: {
    group: 'memory-optimizer',
    default: 100,
    kind: 'int',
    min: 1,
    max: 600000,
    unit: 'ms',
    path: 'memory-optimizer options.interval (initial_interval)',
    help: 'Time between two idle-bit walks of the watched processes.',
  },
  memopt_nr_walks: {
    group: 'memory-optimizer',
    default: 10,
    kind: 'int',
    min: 1,
    max: 255,
    unit: 'walks',
    path: 'memory-optimizer nr_walks',
    help: 'Walks per round: each page scores 0..nr_walks references; placement is decided once a round.',
  },
  memopt_dram_percent: {
    group: 'memory-optimizer',
    default: 100,
    kind: 'int',
    min: 0,
    max: 100,
    unit: '%',
    path: 'memory-optimizer options.dram_percent',
    help:
      "How much of the fast tier (above its high watermark) the watched processes' hottest pages may fill; a " +
      'process with a dramShare gets that share of it, the others share the rest by hotness ' +
      '(memory-optimizer itself reads it as a share of the watched memory).',
  },
  memopt_bandwidth_mbps: {
    group: 'memory-optimizer',
    default: 1000,
    kind: 'int',
    min: 1,
    max: 1048576,
    unit: 'MB/s',
    path: 'memory-optimizer options.bandwidth_mbps',
    help: 'Cap on the move_pages traffic the daemon generates.',
  },
  memopt_anti_thrash_threshold: {
    group: 'memory-optimizer',
    default: 2,
    kind: 'int',
    min: 0,
    max: 255,
    unit: 'refs',
    path: 'memory-optimizer anti_thrash_threshold',
    help:
      'A hot page swaps places with a cold one only if their scores differ by at least this ' +
      '(GlobalScan::anti_thrashing); moves into spare budget or out of an over-full one are not held back.',
  },
  memopt_weigh_dirty: {
    group: 'memory-optimizer',
    default: false,
    kind: 'bool',
    unit: '',
    path: 'not in memory-optimizer: seed 003 question 2 ("dirty bit could be considered later")',
    help:
      'Also read and clear each PTE dirty bit in the walk: a page written since the last walk scores 2 for it, ' +
      'one only read scores 1, so written pages go to DRAM first (PMEM writes are the slow side). Scores run to ' +
      '2 x nr_walks, so anti_thrash_threshold counts in the same doubled units.',
  },
  damon_sample_us: {
    group: 'damon',
    default: 5000,
    kind: 'int',
    min: 100,
    max: 10000000,
    unit: 'us',
    path: '/sys/kernel/mm/damon/admin/kdamonds/N/contexts/N/monitoring_attrs/intervals/sample_us',
    help: 'DAMON checks one page of each region for access this often.',
  },
  damon_aggr_us: {
    group: 'damon',
    default: 100000,
    kind: 'int',
    min: 1000,
    max: 100000000,
    unit: 'us',
    path: '.../monitoring_attrs/intervals/aggr_us',
    help: 'Access counts (nr_accesses) are aggregated, schemes applied and regions merged/split this often.',
  },
  damon_min_nr_regions: {
    group: 'damon',
    default: 10,
    kind: 'int',
    min: 1,
    max: 100000,
    unit: 'regions',
    path: '.../monitoring_attrs/nr_regions/min',
    help: 'Regions never fewer than this.',
  },
  damon_max_nr_regions: {
    group: 'damon',
    default: 1000,
    kind: 'int',
    min: 3,
    max: 100000,
    unit: 'regions',
    path: '.../monitoring_attrs/nr_regions/max',
    help: 'Regions never more than this: bounds DAMON overhead whatever the memory size.',
  },
  damos_quota_mbps: {
    group: 'damon',
    default: 200,
    kind: 'int',
    min: 1,
    max: 1048576,
    unit: 'MB/s',
    path: '.../schemes/N/quotas/bytes and reset_interval_ms',
    help: 'Each migrate_hot/migrate_cold scheme moves at most this much per second (damo mem_tier.sh: 200 MB/s).',
  },
  damos_promote_used_bp: {
    group: 'damon',
    default: 9970,
    kind: 'int',
    min: 1,
    max: 10000,
    unit: 'bp',
    path: '.../schemes/N/quotas/goals/G (node_mem_used_bp)',
    help: 'migrate_hot aims to fill the fast node to this used share (1/10000), tuning its quota.',
  },
  damos_demote_free_bp: {
    group: 'damon',
    default: 50,
    kind: 'int',
    min: 1,
    max: 10000,
    unit: 'bp',
    path: '.../schemes/N/quotas/goals/G (node_mem_free_bp)',
    help: 'migrate_cold aims to keep this free share (1/10000) on the fast node.',
  },
  damos_hot_min_access_pct: {
    group: 'damon',
    default: 5,
    kind: 'int',
    min: 0,
    max: 100,
    unit: '%',
    path: '.../schemes/N/access_pattern/nr_accesses/min',
    help: 'migrate_hot acts on regions accessed in at least this share of samples; migrate_cold on those at 0%.',
  },
} as const satisfies Record<string, KnobSpec>;

/** The movers' knob values after defaults are applied. */
export interface MoverKnobs {
  memopt_interval_ms: number;
  memopt_nr_walks: number;
  memopt_dram_percent: number;
  memopt_bandwidth_mbps: number;
  memopt_anti_thrash_threshold: number;
  memopt_weigh_dirty: boolean;
  damon_sample_us: number;
  damon_aggr_us: number;
  damon_min_nr_regions: number;
  damon_max_nr_regions: number;
  damos_quota_mbps: number;
  damos_promote_used_bp: number;
  damos_demote_free_bp: number;
  damos_hot_min_access_pct: number;
}
