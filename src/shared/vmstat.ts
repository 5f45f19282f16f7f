// The vmstat counters the engine keeps, under the kernel's exact names (mm/vmstat.c vmstat_text[]),
// because users grep for them. Every counter is kept per node; /proc/vmstat is the sum over nodes.
// A counter the kernel has no name for is declared in DERIVED, and the UI says so next to it.
// Which kernel prints which counter is declared once per counter in COUNTER_KERNELS and PER_NODE_SINCE.
import { KERNEL_VERSIONS, type KernelVersion } from './scenario/kernels.ts';
import {
  COLLOID_EVENTS,
  COLLOID_GAUGES,
  HYBRIDTIER_EVENTS,
  HYBRIDTIER_GAUGES,
  MEMTIS_EVENTS,
  MEMTIS_SPLIT_EVENTS,
  MEMTIS_GAUGES,
  NOMAD_EVENTS,
  NOMAD_GAUGES,
  RESEARCH_DERIVED,
  RESEARCH_KERNELS,
} from './vmstat-research.ts';

/** Gauges: a page count at the moment of sampling (node_stat_item / zone_stat_item). */
export const GAUGES = [
  'nr_free_pages',
  'nr_inactive_anon',
  'nr_active_anon',
  'nr_inactive_file',
  'nr_active_file',
  'nr_anon_pages',
  'nr_file_pages',
  'nr_dirty',
  // Derived (see DERIVED): the name is a stored column and CSV header, so it stays.
  'nr_swap_used',
] as const;

/** Events: cumulative counts since the run started (vm_event_item and the per-node event stats). */
export const EVENTS = [
  'pgpgin',
  'pgpgout',
  'pswpin',
  'pswpout',
  'pgalloc_normal',
  'pgfree',
  'pgactivate',
  'pgdeactivate',
  'pgfault',
  'pgmajfault',
  'pgrefill',
  'pgscan_kswapd',
  'pgscan_direct',
  'pgscan_anon',
  'pgscan_file',
  'pgsteal_kswapd',
  'pgsteal_direct',
  'pgsteal_anon',
  'pgsteal_file',
  'pgdemote_kswapd',
  'pgdemote_direct',
  'pgdemote_khugepaged',
  'pgdemote_proactive',
  'pgpromote_success',
  'pgpromote_candidate',
  'pgpromote_candidate_nrl',
  'pgmigrate_success',
  'pgmigrate_fail',
  'numa_hit',
  'numa_miss',
  'numa_foreign',
  'numa_interleave',
  'numa_local',
  'numa_other',
  'numa_pte_updates',
  'numa_hint_faults',
  'numa_hint_faults_local',
  'numa_pages_migrated',
  'allocstall_normal',
  'kswapd_low_wmark_hit_quickly',
  'kswapd_high_wmark_hit_quickly',
  'pageoutrun',
  'oom_kill',
  // Append only from here: the database stores one column per counter, and a new one is a new
  // migration that adds its columns at the end of the table: a later counter goes in a new list at
  // the end of COUNTERS, whatever its kind.
  // Yang Shi v3's own counter (never mainline): pages NUMA balancing moved from a migrate target up.
  'numa_pages_promoted',
] as const;

/**
 * Gauges added after the first migration. A new column goes at the end of its table, so these
 * follow EVENTS in COUNTERS, like LATER_EVENTS (append only): kernel memory that user work causes,
 * and the pageblock state behind huge pages and fallbacks.
 */
export const LATER_GAUGES = [
  'nr_page_table_pages',
  'nr_slab_reclaimable',
  'nr_free_pageblocks',
  'nr_watermark_boost',
] as const;

/** Events added with LATER_GAUGES: kcompactd's work (mm/compaction.c). */
export const LATER_EVENTS = [
  'compact_migrate_scanned',
  'compact_free_scanned',
  'compact_isolated',
  'compact_daemon_wake',
  'compact_daemon_migrate_scanned',
  'compact_daemon_free_scanned',
] as const;

/**
 * Added with the swap cache (mm/swap_state.c): swap readahead's pages read ahead and faults that
 * found one in the swap cache, and the swap cache's size (NR_SWAPCACHE).
 */
export const SWAP_CACHE_EVENTS = ['swap_ra', 'swap_ra_hit'] as const;
export const SWAP_CACHE_GAUGES = ['nr_swapcached'] as const;

/**
 * Added with loaded latency (derived, see DERIVED): the bytes each node's memory read and wrote
 * (references, page zeroing, migration copies, DMA of swap and file I/O), and its loaded read latency.
 */
export const BANDWIDTH_EVENTS = ['mem_read_bytes', 'mem_write_bytes'] as const;
export const BANDWIDTH_GAUGES = ['mem_read_latency_ns'] as const;

/**
 * Added with transparent huge pages (mm/huge_memory.c, mm/migrate.c, mm/vmscan.c): THP faults and
 * their fallbacks, splits, whole-THP migrations and swap-outs, and PMD-level NUMA hinting updates.
 */
export const THP_EVENTS = [
  'thp_fault_alloc',
  'thp_fault_fallback',
  'thp_split_page',
  'thp_migration_success',
  'thp_migration_fail',
  'thp_migration_split',
  'thp_swpout',
  'thp_swpout_fallback',
  'numa_huge_pte_updates',
] as const;

/** MAX_NR_GENS: the multi-gen LRU keeps at most four generations a node, so four slots by age. */
const GEN_SLOTS = [0, 1, 2, 3] as const;

/**
 * Added with the multi-gen LRU (derived, see DERIVED): a node's generations as /sys/kernel/debug/lru_gen
 * lists them, by age, slot i being generation max_seq - i (0 the youngest): its anon and file pages
 * and its age in ms; and max_seq and min_seq per type. All 0 with lru_gen_enabled off.
 */
export const LRU_GEN_GAUGES = [
  'lru_gen_max_seq',
  'lru_gen_min_seq_anon',
  'lru_gen_min_seq_file',
  ...GEN_SLOTS.map((i) => `lru_gen_anon_${i}` as const),
  ...GEN_SLOTS.map((i) => `lru_gen_file_${i}` as const),
  ...GEN_SLOTS.map((i) => `lru_gen_age_ms_${i}` as const),
] as const;

/**
 * Added with direct compaction (mm/page_alloc.c __alloc_pages_direct_compact): compaction runs a
 * faulting task stalled in, and whether a page could be had after them.
 */
export const DIRECT_COMPACTION_EVENTS = ['compact_stall', 'compact_fail', 'compact_success'] as const;

/**
 * Added with memory cgroups: memory.reclaim's own reclaim counters (6.15, Hao Jia's "split
 * proactive reclaim statistics from direct reclaim"). Before 6.15 proactive reclaim counted in
 * pgscan_direct/pgsteal_direct, and so it does here (scan-control.ts reclaimerStats): the columns
 * stay for a kernel that has them, and no modelled kernel records them (NOT_MODELLED).
 */
export const PROACTIVE_EVENTS = ['pgscan_proactive', 'pgsteal_proactive'] as const;

/**
 * Added with the fleet metrics (derived, see DERIVED): a node's resident workload pages by cold age,
 * bin b as COLD_AGE_BIN_MS in fleet-metrics.ts (0 the working set: idle 0 as DAMON_STAT counts it).
 */
const COLD_AGE_SLOTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export const FLEET_GAUGES = COLD_AGE_SLOTS.map((b) => `cold_age_pages_${b}` as const);

/**
 * Every counter in the order of its database column. The tables are append-only, so a counter
 * added later goes at the end, in its migration's order, whatever its kind.
 */
export const COUNTERS = [
  ...GAUGES,
  ...EVENTS,
  ...LATER_GAUGES,
  ...LATER_EVENTS,
  ...SWAP_CACHE_EVENTS,
  ...SWAP_CACHE_GAUGES,
  ...BANDWIDTH_EVENTS,
  ...BANDWIDTH_GAUGES,
  ...THP_EVENTS,
  ...DIRECT_COMPACTION_EVENTS,
  ...LRU_GEN_GAUGES,
  ...PROACTIVE_EVENTS,
  ...HYBRIDTIER_EVENTS,
  ...HYBRIDTIER_GAUGES,
  ...COLLOID_EVENTS,
  ...COLLOID_GAUGES,
  ...NOMAD_EVENTS,
  ...NOMAD_GAUGES,
  ...MEMTIS_EVENTS,
  ...MEMTIS_GAUGES,
  ...FLEET_GAUGES,
  ...MEMTIS_SPLIT_EVENTS,
] as const;
export type CounterName = (typeof COUNTERS)[number];

/**
 * Counters that are not in /proc/vmstat, with where their value would come from on a real machine.
 * Their names are kept (samples columns, CSV headers and result files use them); the UI shows them
 * as derived, e.g. "nr_swap_used (derived)".
 */
export const DERIVED: Readonly<Partial<Record<CounterName, { from: string }>>> = {
  nr_free_pageblocks: {
    from:
      "wholly free pageblocks (2 MiB at 4 KiB pages), each a huge page to be had: /proc/buddyinfo's " +
      'order-9 column plus twice its order-10 one',
  },
  nr_watermark_boost: {
    from: 'the zone\'s watermark_boost in pages, the "boost" line of /proc/zoneinfo',
  },
  mem_read_bytes: {
    from:
      "bytes read from the node's memory: the uncore's memory-controller CAS counters (e.g. " +
      "uncore_imc/cas_count_read, 64 bytes each) or Intel PCM, summed over the node's channels",
  },
  mem_write_bytes: {
    from: "bytes written to the node's memory: uncore_imc/cas_count_write, 64 bytes each, or Intel PCM",
  },
  mem_read_latency_ns: {
    from:
      "the node's loaded read latency at the last tick's bandwidth (what Intel MLC --loaded_latency or " +
      'Colloid measure); the machine-wide value is a sum over nodes, so read it per node',
  },
  ...lruGenDerived(),
  ...RESEARCH_DERIVED,
  ...fleetDerived(),
  htmm_warm_threshold: {
    from: "MEMTIS's warm threshold (memcg->warm_threshold): pages at or above it are not demoted; on node 0",
  },
  htmm_sample_period: {
    from: "ksampled's PEBS sample period as it traces it (get_sample_period); on node 0; 0 under other presets",
  },
  nr_swap_used: {
    from:
      'swap in use machine-wide, SwapTotal - SwapFree of /proc/meminfo in pages; the kernel keeps no ' +
      'per-node swap count, so it is carried on node 0',
  },
};
export const NR_COUNTERS = COUNTERS.length;

/** What each cold-age gauge estimates: DAMON_STAT gives the same as a share of memory by idle time. */
function fleetDerived(): Partial<Record<CounterName, { from: string }>> {
  const out: Partial<Record<CounterName, { from: string }>> = {};
  FLEET_GAUGES.forEach((name, b) => {
    const range =
      b === 0
        ? 'accessed in the last 100 ms aggregation interval (the working set)'
        : b === FLEET_GAUGES.length - 1
          ? `idle at least ${(100 * 2 ** (b - 1)) / 1000} s`
          : `idle ${(100 * 2 ** (b - 1)) / 1000} s to under ${(100 * 2 ** b) / 1000} s`;
    out[name] = {
      from:
        `resident workload pages ${range}, estimated from at most 1024 sampled pages per workload; on a ` +
        'real machine DAMON (paddr) or the idle page tracking bitmap gives it',
    };
  });
  return out;
}

/** Where each MGLRU gauge is on a real machine: /sys/kernel/debug/lru_gen (CONFIG_LRU_GEN, debugfs). */
function lruGenDerived(): Partial<Record<CounterName, { from: string }>> {
  const file = '/sys/kernel/debug/lru_gen';
  const perNode = 'the machine-wide value is a sum over nodes, so read it per node';
  const out: Partial<Record<CounterName, { from: string }>> = {
    lru_gen_max_seq: { from: `max_seq, the last line's seq under "node N" in ${file}; ${perNode}` },
    lru_gen_min_seq_anon: {
      from: `min_seq[LRU_GEN_ANON], where anon's generations start in ${file}; ${perNode}`,
    },
    lru_gen_min_seq_file: {
      from: `min_seq[LRU_GEN_FILE], where file's generations start in ${file}; ${perNode}`,
    },
  };
  for (const i of GEN_SLOTS) {
    const line = `the line for seq max_seq - ${i} under "node N" in ${file}`;
    out[`lru_gen_anon_${i}`] = {
      from: `anon pages of generation max_seq - ${i}: the anon column of ${line}`,
    };
    out[`lru_gen_file_${i}`] = {
      from: `file pages of generation max_seq - ${i}: the file column of ${line}`,
    };
    out[`lru_gen_age_ms_${i}`] = {
      from: `age of generation max_seq - ${i} in ms: the age column of ${line}; ${perNode}`,
    };
  }
  return out;
}

/** Index of each counter in a per-node stats row, e.g. `STAT.pgscan_kswapd`. */
export const STAT = Object.fromEntries(COUNTERS.map((name, i) => [name, i])) as {
  readonly [K in CounterName]: number;
};

const GAUGE_NAMES: ReadonlySet<string> = new Set([
  ...GAUGES,
  ...LATER_GAUGES,
  ...SWAP_CACHE_GAUGES,
  ...BANDWIDTH_GAUGES,
  ...LRU_GEN_GAUGES,
  ...HYBRIDTIER_GAUGES,
  ...COLLOID_GAUGES,
  ...NOMAD_GAUGES,
  ...MEMTIS_GAUGES,
  ...FLEET_GAUGES,
]);

export function isGauge(name: string): boolean {
  return GAUGE_NAMES.has(name);
}

/** What a derived counter stands for, or undefined for the kernel's own counters. */
export function derivedFrom(name: string): string | undefined {
  return DERIVED[name as CounterName]?.from;
}

/** The name as the UI shows it: the kernel's own, or ours marked "(derived)". */
export function counterLabel(name: string): string {
  return derivedFrom(name) === undefined ? name : `${name} (derived)`;
}

/**
 * The counters that are not printed by every modelled kernel, each with the versions whose
 * mm/vmstat.c vmstat_text[] has it and where the difference comes from. A counter not listed here
 * is in both v6.1's and v6.12's vmstat_text (or is ours, see DERIVED). Checked against the two
 * tags' include/linux/vm_event_item.h and include/linux/mmzone.h.
 */
export const COUNTER_KERNELS: Readonly<
  Partial<Record<CounterName, { kernels: readonly KernelVersion[]; source: string }>>
> = {
  pgdemote_khugepaged: {
    kernels: ['6.12'],
    source:
      'Johannes Weiner, "mm: vmscan: split khugepaged stats from direct reclaim stats", v6.2 (with ' +
      'pgscan_khugepaged and pgsteal_khugepaged)',
  },
  pgdemote_proactive: {
    kernels: [],
    source:
      'Hao Jia, "mm: vmscan: Split proactive reclaim statistics from direct reclaim statistics", posted ' +
      '2025-03-18, after v6.12',
  },
  pgpromote_candidate_nrl: {
    kernels: [],
    source:
      'Ruan Shiyang, "mm: memory-tiering: fix PGPROMOTE_CANDIDATE counting" (PGPROMOTE_CANDIDATE_NRL; v1 ' +
      '2025-07-29, v3 2025-09-01 Cc stable): after v6.12 as tagged; 6.12.y stable and distribution kernels ' +
      '(RHEL 10) may carry it as a backport',
  },
  pgscan_proactive: {
    kernels: [],
    source:
      'Hao Jia, "mm: vmscan: Split proactive reclaim statistics from direct reclaim statistics" (v6.15): ' +
      'memory.reclaim counts as direct reclaim before it, and so in every kernel Tierlab models',
  },
  pgsteal_proactive: {
    kernels: [],
    source: 'with pgscan_proactive (v6.15)',
  },
  numa_pages_promoted: {
    kernels: [],
    source: "Yang Shi's v3 series (2019), never merged",
  },
  ...RESEARCH_KERNELS,
};

/**
 * Counters a kernel prints that Tierlab does not record because it models nothing that counts them:
 * with no khugepaged, and memory.reclaim counted as direct reclaim as every modelled kernel counts
 * it, a zero would be invented, not measured. Also printed by
 * 6.12 and not recorded: pgscan/pgsteal_khugepaged, nr_memmap_pages, nr_memmap_boot_pages (v6.11),
 * thp_underused_split_page (the underused-THP shrinker, v6.12) and swpin_zero/swpout_zero (the swap
 * zeromap, v6.12): Tierlab keeps no column for them.
 */
export const NOT_MODELLED: ReadonlySet<CounterName> = new Set([
  'pgdemote_khugepaged',
  'pgdemote_proactive',
  'pgscan_proactive',
  'pgsteal_proactive',
]);

/**
 * Event counters that are per node only from a release on: before it they are vm events, summed
 * over CPUs into /proc/vmstat and absent from /sys/devices/system/node/nodeN/vmstat.
 * Source: Li Zhijian, "mm/vmstat: Move pgdemote_* to per-node stats", v6.8.
 */
export const PER_NODE_SINCE: Readonly<Partial<Record<CounterName, KernelVersion>>> = {
  pgdemote_kswapd: '6.12',
  pgdemote_direct: '6.12',
  pgdemote_khugepaged: '6.12',
  pgdemote_proactive: '6.12',
};

/** Whether `kernel` prints `name` machine-wide (/proc/vmstat); our derived counters are in every one. */
export function kernelHas(kernel: KernelVersion, name: CounterName): boolean {
  const only = COUNTER_KERNELS[name];
  return only === undefined || only.kernels.includes(kernel);
}

/** Where a run's counters are shown: machine-wide (/proc/vmstat) or per node (nodeN/vmstat). */
export type CounterScope = 'machine' | 'node';

/**
 * The counters a run records and shows, in COUNTERS order: what its kernel prints and the model
 * counts. `null` is a research preset's own kernel (older than both versions): every counter the
 * model keeps, as before versions existed.
 */
export function recordedCounters(kernel: KernelVersion | null, scope: CounterScope): readonly CounterName[] {
  if (kernel === null) return COUNTERS;
  return RECORDED[kernel][scope];
}

const atOrAfter = (kernel: KernelVersion, since: KernelVersion): boolean =>
  KERNEL_VERSIONS.indexOf(kernel) >= KERNEL_VERSIONS.indexOf(since);

function recorded(kernel: KernelVersion, scope: CounterScope): readonly CounterName[] {
  return COUNTERS.filter((name) => {
    if (NOT_MODELLED.has(name) || !kernelHas(kernel, name)) return false;
    const since = PER_NODE_SINCE[name];
    return scope === 'machine' || since === undefined || atOrAfter(kernel, since);
  });
}

const RECORDED = Object.fromEntries(
  KERNEL_VERSIONS.map((k) => [k, { machine: recorded(k, 'machine'), node: recorded(k, 'node') }]),
) as Record<KernelVersion, Record<CounterScope, readonly CounterName[]>>;
