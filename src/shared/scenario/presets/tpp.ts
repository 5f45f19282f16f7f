// Preset `tpp`: Meta's Transparent Page Placement (ASPLOS'23) as posted to linux-mm.
import type { PolicyPreset } from '../presets.ts';

export const tpp: PolicyPreset = {
  name: 'tpp',
  title: 'TPP: transparent page placement (Meta, 2021-23)',
  summary:
    'Reclaim for demotion is decoupled from allocation: a fast node with a demotion target wakes kswapd ' +
    'below its own WMARK_DEMOTE (demote_scale_factor above high) and reclaims up to it, so allocations ' +
    'find free DRAM. Promotion (NUMA balancing) moves only pages already on the active LRU; a first ' +
    'hint fault activates the page, so a page must prove itself twice before it climbs.',
  source:
    'TPP: Transparent Page Placement for CXL-Enabled Tiered-Memory, Maruf et al., ASPLOS 2023; ' +
    'patches cover.1637778851.git.hasanalmaruf@fb.com (linux-mm 2021-11). Run with numa_balancing=3 ' +
    "and demotion as in the memtis README. Left out: the active-LRU check for file pages, TPP's own stats.",
  knobs: { demotion_enabled: true, numa_balancing: 3 },
  // TPP's kernel (5.16-rc) had "never demote for memcg reclaim" (5.15-5.18): see noMemcgDemotion.
  mechanisms: { demotion: true, tieringPromotion: true, tpp: true, noMemcgDemotion: true },
  kernel: {
    fixed: "the patches' own (2021-11, 5.16-rc)",
    reason:
      'TPP patched a v5.16-rc kernel; its WMARK_DEMOTE and active-LRU promotion filter were not merged as ' +
      'posted (6.1 took only hot-page selection), so neither 6.1 nor 6.12 runs it',
  },
};
