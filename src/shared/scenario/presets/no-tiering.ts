// Preset `no-tiering`: a kernel from before 2019, with no notion of memory tiers at all.
import type { PolicyPreset } from '../presets.ts';

export const noTiering: PolicyPreset = {
  name: 'no-tiering',
  title: 'No tiering (kernel before 2019)',
  summary:
    'Slow memory is just another NUMA node. Reclaim never demotes (the mechanism does not exist), ' +
    'and NUMA balancing, if turned on, only knows mode 1: it moves pages towards the CPU that touches ' +
    'them, never from a slow tier to a fast one.',
  source:
    'Linux before v5.15: no "Migrate Pages in lieu of discard" (Dave Hansen, RFC 2019, merged v5.15) ' +
    'and no NUMA_BALANCING_MEMORY_TIERING (Huang Ying, v5.18).',
  knobs: { demotion_enabled: false, numa_balancing: 0 },
  mechanisms: { demotion: false, tieringPromotion: false },
  kernel: {
    fixed: 'before v5.15',
    reason:
      "it stands for the kernels before demotion (v5.15) and NUMA balancing's tiering mode (v5.18); 6.1 and " +
      '6.12 both have them',
  },
};
