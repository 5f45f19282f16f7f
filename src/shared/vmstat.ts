// The vmstat counters the engine keeps, under the kernel's exact names (mm/vmstat.c vmstat_text[]),
// because users grep for them. Every counter is kept per node; /proc/vmstat is the sum over nodes.
// A counter the kernel has no name for is declared in DERIVED, and the UI says so next to it.

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

/**
 * Added with memory cgroups: memory.reclaim's own reclaim counters (6.15, Hao Jia's "split
 * proactive reclaim statistics from direct reclaim"; pgdemote_proactive came with them and was
 * already here for DAMON). Before 6.15 proactive reclaim counted in pgscan_direct/pgsteal_direct.
 */
export const PROACTIVE_EVENTS = ['pgscan_proactive', 'pgsteal_proactive'] as const;

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
  ...PROACTIVE_EVENTS,
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
  nr_swap_used: {
    from:
      'swap in use machine-wide, SwapTotal - SwapFree of /proc/meminfo in pages; the kernel keeps no ' +
      'per-node swap count, so it is carried on node 0',
  },
};
export const NR_COUNTERS = COUNTERS.length;

/** Index of each counter in a per-node stats row, e.g. `STAT.pgscan_kswapd`. */
export const STAT = Object.fromEntries(COUNTERS.map((name, i) => [name, i])) as {
  readonly [K in CounterName]: number;
};

const GAUGE_NAMES: ReadonlySet<string> = new Set([
  ...GAUGES,
  ...LATER_GAUGES,
  ...SWAP_CACHE_GAUGES,
  ...BANDWIDTH_GAUGES,
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
