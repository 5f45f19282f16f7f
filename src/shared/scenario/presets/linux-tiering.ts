// Preset `linux-tiering`: mainline memory tiering as documented: demotion plus NUMA balancing mode 2.
import type { PolicyPreset } from '../presets.ts';
import { EITHER_KERNEL } from '../kernels.ts';

export const linuxTiering: PolicyPreset = {
  name: 'linux-tiering',
  title: 'Mainline tiering (demotion + NUMA balancing mode 2)',
  summary:
    'Reclaim demotes cold pages a tier down (demotion_enabled); NUMA balancing in memory-tiering mode ' +
    'scans only slow-tier pages and promotes those whose hint fault comes within hot_threshold_ms of ' +
    'the scan, within the per-node rate limit, auto-adjusting the threshold; kswapd keeps promo headroom.',
  source:
    'Linux v6.1+: mm/memory-tiers.c, mm/vmscan.c demote_folio_list, kernel/sched/fair.c ' +
    'should_numa_migrate_memory (Huang Ying, "memory tiering: hot page selection", v6.1).',
  knobs: { demotion_enabled: true, numa_balancing: 2 },
  mechanisms: { demotion: true, tieringPromotion: true, lruGen: true },
  kernel: EITHER_KERNEL,
};
