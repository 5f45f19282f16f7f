// The vmstat counters the engine keeps, under the kernel's exact names (mm/vmstat.c vmstat_text[]),
// because users grep for them. Every counter is kept per node; /proc/vmstat is the sum over nodes.
// A counter the kernel has no name for is declared in DERIVED, and the UI says so next to it.

/** Gauges: a page count at the moment of sampling (node_stat_item / zone_stat_item). */
const FIRST_GAUGES = [
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
/** Gauges added after the events (their columns come last): swap-cache pages, NR_SWAPCACHE. */
const LATER_GAUGES = ['nr_swapcached'] as const;
export const GAUGES = [...FIRST_GAUGES, ...LATER_GAUGES] as const;

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
  // migration that adds its column at the end of the table (COUNTERS: a
  // counter added after nr_swapcached goes in a new list after LATER_GAUGES).
  // Yang Shi v3's own counter (never mainline): pages NUMA balancing moved from a migrate target up.
  'numa_pages_promoted',
  // Swap readahead (mm/swap_state.c): pages read ahead, and faults that found one in the swap cache.
  'swap_ra',
  'swap_ra_hit',
] as const;

/**
 * Every counter in the order of its database column. The tables are append-only, so a counter added
 * later goes at the end, whatever its kind: after the events come the later gauges.
 */
export const COUNTERS = [...FIRST_GAUGES, ...EVENTS, ...LATER_GAUGES] as const;
export type CounterName = (typeof COUNTERS)[number];

/**
 * Counters that are not in /proc/vmstat, with where their value would come from on a real machine.
 * Their names are kept (samples columns, CSV headers and result files use them); the UI shows them
 * as derived, e.g. "nr_swap_used (derived)".
 */
export const DERIVED: Readonly<Partial<Record<CounterName, { from: string }>>> = {
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

export function isGauge(name: string): boolean {
  return (GAUGES as readonly string[]).includes(name);
}

/** What a derived counter stands for, or undefined for the kernel's own counters. */
export function derivedFrom(name: string): string | undefined {
  return DERIVED[name as CounterName]?.from;
}

/** The name as the UI shows it: the kernel's own, or ours marked "(derived)". */
export function counterLabel(name: string): string {
  return derivedFrom(name) === undefined ? name : `${name} (derived)`;
}
