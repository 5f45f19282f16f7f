// Preset `yang-shi-v3`: Yang Shi's "Another Approach to Use PMEM as NUMA Node" v3 (2019).
import type { PolicyPreset } from '../presets.ts';

export const yangShiV3: PolicyPreset = {
  name: 'yang-shi-v3',
  title: 'Yang Shi v3: migrate mode for node reclaim (2019)',
  summary:
    'Primary nodes (CPU + memory) demote anonymous pages in reclaim to their closest migrate-target ' +
    'node, once, when zone_reclaim_mode has the migrate bit (8). A target that ran out of memory is ' +
    'marked contended and reclaim swaps instead until the target is balanced again. NUMA balancing ' +
    '(mode 1) promotes a page when it is referenced again, counted as numa_pages_promoted.',
  source:
    '[PATCH v3 0/9] Another Approach to Use PMEM as NUMA Node, Yang Shi, linux-mm 2019-05 (seed 000). ' +
    'Left out: THP migration and the N_CPU_MEM/migrate-target sysfs files.',
  knobs: { demotion_enabled: false, numa_balancing: 1, zone_reclaim_mode: 8 },
  mechanisms: {
    demotion: false,
    tieringPromotion: false,
    reclaimMigrate: 'yang-shi-v3',
    noMemcgDemotion: true,
  },
  kernel: {
    fixed: "the series' own (2019, 5.x)",
    reason:
      'its migrate mode, contended targets and numa_pages_promoted were never ' +
      'merged, so no 6.x kernel has them',
  },
};
