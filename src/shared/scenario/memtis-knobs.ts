// MEMTIS's knobs (Lee et al., SOSP'23), by its /sys/kernel/mm/htmm/ files with the artifact's
// defaults (github.com/cosmoss-jigu/memtis, memtis-userspace/scripts/set_htmm_*.sh). Part of KNOBS.
import type { KnobSpec } from './knobs.ts';

export const MEMTIS_KNOBS = {
  htmm_sample_period: {
    group: 'memtis',
    default: 199,
    kind: 'int',
    min: 1,
    max: 1000000,
    unit: 'refs',
    path: '/sys/kernel/mm/htmm/htmm_sample_period',
    help:
      'PEBS sampling: one of every this many memory references of a thread is sampled (memtis samples LLC ' +
      'load misses at 199 and stores at 100007; here every reference counts, at this one period).',
  },
  ksampled_soft_cpu_quota: {
    group: 'memtis',
    default: 30,
    kind: 'int',
    min: 0,
    max: 1000,
    unit: '‰ of a CPU',
    path: '/sys/kernel/mm/htmm/ksampled_soft_cpu_quota',
    help:
      'Every 15 s ksampled compares its CPU use with this and moves the sample period one step along ' +
      'pebs_period_list (199, 293, 401 ... 19997) up when over by 0.5%, down when under; 0 keeps the period fixed.',
  },
  htmm_adaptation_period: {
    group: 'memtis',
    default: 100000,
    kind: 'int',
    min: 1,
    max: 100000000,
    unit: 'samples',
    path: '/sys/kernel/mm/htmm/htmm_adaptation_period',
    help:
      'The hot threshold is recomputed this often: the highest histogram bin such that the pages in it and ' +
      'above fit the fast tier less its promotion watermark (__adjust_active_threshold).',
  },
  htmm_cooling_period: {
    group: 'memtis',
    default: 2000000,
    kind: 'int',
    min: 1,
    max: 1000000000,
    unit: 'samples',
    path: '/sys/kernel/mm/htmm/htmm_cooling_period',
    help: "Cooling: every this many samples each page's access count is halved and the hot threshold may drop by one.",
  },
  htmm_thres_hot: {
    group: 'memtis',
    default: 1,
    kind: 'int',
    min: 0,
    max: 15,
    unit: 'bin',
    path: '/sys/kernel/mm/htmm/htmm_thres_hot',
    help: 'The hot threshold never goes below this histogram bin.',
  },
  htmm_promotion_period_in_ms: {
    group: 'memtis',
    default: 500,
    kind: 'int',
    min: 1,
    max: 600000,
    unit: 'ms',
    path: '/sys/kernel/mm/htmm/htmm_promotion_period_in_ms',
    help: "A slow node's kmigrated promotes its hot pages this often, as many as fit above the fast node's promotion watermark.",
  },
  htmm_demotion_period_in_ms: {
    group: 'memtis',
    default: 500,
    kind: 'int',
    min: 1,
    max: 600000,
    unit: 'ms',
    path: '/sys/kernel/mm/htmm/htmm_demotion_period_in_ms',
    help:
      "A fast node's kmigrated checks this often whether it is short of room (for its pages, the slow tier's " +
      'hot pages and a 2-3% watermark) and demotes pages below the warm threshold.',
  },
  htmm_nowarm: {
    group: 'memtis',
    default: false,
    kind: 'bool',
    unit: '',
    path: '/sys/kernel/mm/htmm/htmm_nowarm',
    help:
      'Off: pages one bin below the hot threshold count as warm and are not demoted while the hot set is ' +
      'under 75% of the fast tier. On: the warm threshold is the hot threshold.',
  },
  htmm_thres_split: {
    group: 'memtis',
    default: 2,
    kind: 'int',
    min: 0,
    max: 20,
    unit: '',
    path: '/sys/kernel/mm/htmm/htmm_thres_split',
    help:
      'Huge-page splitting: 0 turns it off; any other value lets memtis split THPs whose subpages are unevenly ' +
      'hot (by skewness) when the hit ratio base pages would give (eHR) beats the real one (rHR). memtis sets ' +
      'it to 0 itself when splits did not raise the real hit ratio by 3%.',
  },
  htmm_split_period: {
    group: 'memtis',
    default: 2,
    kind: 'int',
    min: 0,
    max: 30,
    unit: 'shift',
    path: '/sys/kernel/mm/htmm/htmm_split_period',
    help:
      'A split decision is due at a cooling once more samples came since the last one than the workload ' +
      "memory shifted right by this (2: a quarter of it), and at least the fast tier's pages.",
  },
  htmm_gamma: {
    group: 'memtis',
    default: 4,
    kind: 'int',
    min: 0,
    max: 100,
    unit: '/10',
    path: '/sys/kernel/mm/htmm/htmm_gamma',
    help:
      'Scales the number of pages to split, (eHR - rHR) x samples / (accesses a huge page) x (slow - fast ' +
      'latency) / fast latency x 512, by this over 10 (4: 0.4).',
  },
  htmm_watermark_limits: {
    group: 'memtis',
    default: true,
    kind: 'bool',
    unit: '',
    path: 'not a knob in memtis: MIN/MAX_WATERMARK_LOWER/UPPER_LIMIT in htmm_migrater.c',
    help:
      "On: the fast tier's promotion (3%) and demotion (2%) watermarks are floored at 50 MB and capped at " +
      '1 GB, as memtis builds them for tens of GiB of DRAM. Off: plain 3% and 2%, for simulated fast tiers ' +
      'of a few hundred MiB or less, where a 50 MB floor would leave no room for a hot set.',
  },
} as const satisfies Record<string, KnobSpec>;

/** MEMTIS's knob values after defaults are applied. */
export interface MemtisKnobs {
  htmm_sample_period: number;
  ksampled_soft_cpu_quota: number;
  htmm_adaptation_period: number;
  htmm_cooling_period: number;
  htmm_thres_hot: number;
  htmm_promotion_period_in_ms: number;
  htmm_demotion_period_in_ms: number;
  htmm_nowarm: boolean;
  htmm_thres_split: number;
  htmm_split_period: number;
  htmm_gamma: number;
  htmm_watermark_limits: boolean;
}
