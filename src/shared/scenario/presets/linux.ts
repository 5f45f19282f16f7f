// Preset `linux`: mainline as it boots, every knob at the kernel's default.
import type { PolicyPreset } from '../presets.ts';
import { EITHER_KERNEL } from '../kernels.ts';

export const linux: PolicyPreset = {
  name: 'linux',
  title: 'Linux (mainline defaults)',
  summary:
    'A current mainline kernel with nothing tuned: demotion is built in but off ' +
    '(demotion_enabled = false) and NUMA balancing is off (numa_balancing = 0), so a full DRAM node ' +
    'falls back to the slower node at allocation time and reclaims by swapping or dropping pages.',
  source:
    'Mainline defaults: /sys/kernel/mm/numa/demotion_enabled defaults to false (mm/memory-tiers.c); ' +
    'kernel.numa_balancing is 0 unless CONFIG_NUMA_BALANCING_DEFAULT_ENABLED (kernel/sched/fair.c).',
  knobs: { demotion_enabled: false, numa_balancing: 0 },
  mechanisms: { demotion: true, tieringPromotion: true, lruGen: true },
  kernel: EITHER_KERNEL,
};
