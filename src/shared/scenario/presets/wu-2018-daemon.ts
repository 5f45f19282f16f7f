// Preset `wu-2018-daemon`: Fengguang Wu's user-space migration daemon (Intel memory-optimizer).
import type { PolicyPreset } from '../presets.ts';

export const wu2018Daemon: PolicyPreset = {
  name: 'wu-2018-daemon',
  title: 'User-space migration daemon (Fengguang Wu 2018)',
  summary:
    "A daemon walks each process's page tables for accessed bits (/proc/PID/idle_pages) several times " +
    'a round, scores every page by how many walks found it young, and move_pages() the hottest into DRAM ' +
    'up to dram_percent (per process: its dramShare) and the coldest out, within a bandwidth cap. The ' +
    'kernel side demotes cold pages in reclaim. Page-table pages stay in DRAM (not modelled: no page tables).',
  source:
    '[RFC][PATCH v2 00/21] PMEM NUMA node and hotness accounting/migration, Fengguang Wu, 2018-12-26 ' +
    '(seed 004; seed 003 for per-VM shares); intel/memory-optimizer sys-refs (GlobalScan.cc, Option.h).',
  knobs: { demotion_enabled: true, numa_balancing: 0 },
  mechanisms: { demotion: true, tieringPromotion: false, mover: 'memory-optimizer' },
};
