// Preset `wu-2018-daemon`: Fengguang Wu's user-space migration daemon (Intel memory-optimizer).
import type { PolicyPreset } from '../presets.ts';

export const wu2018Daemon: PolicyPreset = {
  name: 'wu-2018-daemon',
  title: 'User-space migration daemon (Fengguang Wu 2018)',
  summary:
    "A daemon walks each process's anonymous pages for accessed bits (/proc/PID/idle_pages) every " +
    'interval, scores each page 0..nr_walks by how many walks of a round found it young, and after each ' +
    'round move_pages() the hottest into DRAM and the coldest out, within bandwidth_mbps and ' +
    'anti_thrash_threshold, filling at most dram_percent of DRAM above its high watermark. A process with ' +
    'a dramShare gets that share; the others compete for the rest by hotness across processes, which ' +
    'leaves a low-load VM in PMEM (seed 003). The kernel side demotes cold pages in reclaim, and DRAM and ' +
    'PMEM nodes have separate zonelists (patch 10): an allocation on a DRAM node never falls back into ' +
    'PMEM, only migrations put pages there; page-table pages are always allocated in DRAM (patches ' +
    '11-12). Its v4.20 kernel predates watermark boosting (v5.0), so a fragmenting fallback ' +
    'never wakes kswapd there.',
  source:
    '[RFC][PATCH v2 00/21] PMEM NUMA node and hotness accounting/migration, Fengguang Wu, 2018-12-26 ' +
    '(seed 004; seed 003 for per-VM shares); intel/memory-optimizer sys-refs (GlobalScan.cc, Option.h).',
  knobs: { demotion_enabled: true, numa_balancing: 0, watermark_boost_factor: 0 },
  mechanisms: {
    demotion: true,
    tieringPromotion: false,
    mover: 'memory-optimizer',
    separateZonelists: true,
    pageTablesInDram: true,
  },
  kernel: {
    fixed: "the RFC's own (2018-12, 4.20)",
    reason:
      "the daemon needs the series' kernel side (separate zonelists, page tables in DRAM, /proc/PID/idle_pages), " +
      'which no mainline kernel has; v4.20 also predates watermark boosting',
  },
};
