// Preset `memtis`: MEMTIS (Lee et al., SOSP'23): PEBS access sampling, a hotness histogram whose
// threshold sizes the hot set to the fast tier, cooling, and kmigrated promoting and demoting.
import type { PolicyPreset } from '../presets.ts';

export const memtis: PolicyPreset = {
  name: 'memtis',
  title: 'MEMTIS: sampled hotness histogram (SOSP 2023)',
  summary:
    'ksampled takes one of every htmm_sample_period references of each thread (PEBS) and adds 512 to the ' +
    "page's access count; pages are binned by log2 of it into a 16-bin histogram, and every " +
    'htmm_adaptation_period samples the hot threshold becomes the highest bin whose pages and those above ' +
    'fit the fast tier. Every htmm_cooling_period samples every count is halved. A kmigrated thread per ' +
    'slow node promotes its hot pages while the fast node has room above its promotion watermark; one per ' +
    'fast node demotes pages below the warm threshold when the fast node is short of room. NUMA balancing ' +
    'and demotion in reclaim are off, as memtis runs.',
  source:
    'MEMTIS: Efficient Memory Tiering with Dynamic Page Classification and Page Size Determination, Lee et ' +
    'al., SOSP 2023; github.com/cosmoss-jigu/memtis linux/mm/htmm_core.c (update_pginfo, ' +
    '__adjust_active_threshold, __cooling), htmm_migrater.c (kmigraterd), htmm_sampler.c (ksamplingd). ' +
    'Left out: huge-page hotness and splitting (the skewness/benefit estimate), the store event at its own ' +
    'period, memcg limits (the fast tier is every top-tier node), file pages in kmigrated.',
  knobs: { demotion_enabled: false, numa_balancing: 0 },
  mechanisms: { demotion: true, tieringPromotion: false, mover: 'memtis' },
  kernel: {
    fixed: "memtis's own (v5.15.19)",
    reason:
      'MEMTIS patches a v5.15.19 kernel (ksampled, kmigrated, the htmm sysfs knobs); none of it is in 6.1 or 6.12',
  },
};
