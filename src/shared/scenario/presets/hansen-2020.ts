// Preset `hansen-2020`: Dave Hansen and Keith Busch's "Migrate Pages in lieu of discard" RFC.
import type { PolicyPreset } from '../presets.ts';

export const hansen2020: PolicyPreset = {
  name: 'hansen-2020',
  title: 'Migrate in lieu of discard (Hansen/Busch 2019-20)',
  summary:
    "Reclaim moves a cold page to its node's one demotion target instead of swapping or dropping it " +
    '(node_reclaim_mode bit 8, RECLAIM_MIGRATE); if that fails the page is reclaimed as before. Nothing ' +
    'ever promotes, so demoted pages are stranded in the slow tier however hot they become.',
  source:
    '[RFC][PATCH 0/8] Migrate Pages in lieu of discard, Dave Hansen, LKML 2020-06-29 (seeds 001, 002); ' +
    'merged in reworked form in v5.15 behind /sys/kernel/mm/numa/demotion_enabled.',
  knobs: { demotion_enabled: false, numa_balancing: 0, zone_reclaim_mode: 8 },
  mechanisms: {
    demotion: false,
    tieringPromotion: false,
    reclaimMigrate: 'hansen-2020',
    noMemcgDemotion: true,
  },
  kernel: {
    fixed: "the RFC's own (2020, 5.x)",
    reason:
      'its RECLAIM_MIGRATE bit and one-target demotion were reworked before ' +
      'v5.15 merged demotion, so 6.1 and 6.12 have a different mechanism',
  },
};
