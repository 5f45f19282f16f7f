// The research presets' own counters (memtis, colloid, nomad, hybridtier): what each system counts, where
// a real machine shows it (DERIVED's `from`), and that no mainline kernel prints it. Their columns
// sit at the end of COUNTERS (vmstat.ts) in their migrations' order.
import type { KernelVersion } from './scenario/kernels.ts';
import type { CounterName } from './vmstat.ts';

/**
 * Added with the `hybridtier` preset (derived, see DERIVED): what HybridTier's user-space runtime
 * counts in its log. Per node: PEBS samples of loads its memory served, pages promoted from it and
 * demoted from it (cold, and cold after a second chance), pages given a second chance, and entries
 * into monitor mode; and the runtime's hot threshold, carried on the node its CPU is on.
 */
export const HYBRIDTIER_EVENTS = [
  'hybridtier_samples',
  'hybridtier_promoted',
  'hybridtier_demoted',
  'hybridtier_second_chance',
  'hybridtier_monitor_entries',
] as const;
export const HYBRIDTIER_GAUGES = ['hybridtier_hot_threshold'] as const;

/**
 * Added with the colloid preset (derived, see DERIVED): pages Colloid moved (hot default-tier pages
 * demoted at their hint fault, promotions it let through), and what its colloid-mon measured: each
 * tier's smoothed loaded latency (on the default node and on each alternate node), the default tier's
 * share p of the accesses and the step delta p, both in millionths, on the default node.
 */
export const COLLOID_EVENTS = ['colloid_promote', 'colloid_demote'] as const;
export const COLLOID_GAUGES = ['colloid_latency_ns', 'colloid_p_ppm', 'colloid_delta_p_ppm'] as const;

/**
 * Added with the `nomad` preset (NOMAD, OSDI'24; its module's own statistics, read through its
 * device, not /proc/vmstat): transactional promotions committed and aborted (a write during the
 * copy), demotions that remapped a clean page to its shadow without a copy, shadows freed by the
 * first write's write-protect fault and by the slow node's reclaim, and the shadow pages held (a
 * gauge, on the slow node that holds them).
 */
export const NOMAD_EVENTS = [
  'nomad_tpm_commit',
  'nomad_tpm_abort',
  'nomad_shadow_demote',
  'nomad_shadow_wp_free',
  'nomad_shadow_reclaim',
] as const;
export const NOMAD_GAUGES = ['nr_nomad_shadow'] as const;

/**
 * Added with the `memtis` preset: MEMTIS's own vm events (its vm_event_item.h: HTMM_NR_SAMPLED,
 * HTMM_NR_PROMOTED, HTMM_NR_DEMOTED) and, derived, its hot and warm thresholds (histogram bins) and
 * ksampled's current PEBS period, carried on node 0 (they are machine-wide). Not in mainline.
 */
export const MEMTIS_EVENTS = ['htmm_nr_sampled', 'htmm_nr_promoted', 'htmm_nr_demoted'] as const;
export const MEMTIS_GAUGES = ['htmm_active_threshold', 'htmm_warm_threshold', 'htmm_sample_period'] as const;

/**
 * Added with MEMTIS's huge-page splitting (derived, see memtisDerived): THPs its kmigrated split
 * because their subpages were unevenly hot. Its column follows the fleet gauges (its migration's place).
 */
export const MEMTIS_SPLIT_EVENTS = ['htmm_nr_split'] as const;

type Derived = Partial<Record<CounterName, { from: string }>>;
type Kernels = Partial<Record<CounterName, { kernels: readonly KernelVersion[]; source: string }>>;

/** HybridTier's own counts: its runtime prints them (tiering_runtime/hybridtier.cpp), the kernel has none. */
function hybridtierDerived(): Partial<Record<CounterName, { from: string }>> {
  const log = "HybridTier's runtime log";
  return {
    hybridtier_samples: {
      from: `PEBS samples (MEM_LOAD_L3_MISS_RETIRED.LOCAL_DRAM/REMOTE_DRAM) of loads from the node, ${log}`,
    },
    hybridtier_promoted: { from: `pages move_pages() moved up from the node ("pages migrated"), ${log}` },
    hybridtier_demoted: {
      from: `pages move_pages() moved down from the node (cold, or after a second chance), ${log}`,
    },
    hybridtier_second_chance: {
      from: `pages found hot but without momentum and queued for a second chance, ${log}`,
    },
    hybridtier_monitor_entries: { from: `times the runtime turned sampling off for monitor mode, ${log}` },
    hybridtier_hot_threshold: {
      from: `the runtime's hot threshold ("hot thresh"), on its CPU's node, ${log}`,
    },
  };
}

/** Where NOMAD's counters are on a real machine: its module's status read (read_module_status). */
function nomadDerived(): Partial<Record<CounterName, { from: string }>> {
  const dev = "NOMAD's /dev/async_prom READ_MODULE_INFO record";
  return {
    nomad_tpm_commit: { from: `transactional_migration_success in ${dev}` },
    nomad_tpm_abort: { from: `transactional_migration_fail in ${dev} (written during the copy)` },
    nomad_shadow_demote: { from: `shadow_demote_num in ${dev} (demote_shadow_page_breakup)` },
    nomad_shadow_wp_free: { from: `wp_num in ${dev} (release_shadow_page in the write fault)` },
    nomad_shadow_reclaim: { from: `batch_free_num in ${dev} (reclaim_shadow_page)` },
    nr_nomad_shadow: { from: `xa_mapping_num in ${dev}, machine-wide; per node here, on the shadows' node` },
  };
}

/** Colloid's counters: its kernel has no vmstat lines of its own; colloid-mon's globals, read with bpftrace. */
function colloidDerived(): Partial<Record<CounterName, { from: string }>> {
  const mon = "colloid-mon's";
  return {
    colloid_promote: {
      from: 'promotions made while Colloid found the default tier faster (within its delta p); the kernel counts them only in pgpromote_success',
    },
    colloid_demote: {
      from: 'hot default-tier pages moved down at a hint fault (numa_migrate_memory_away_target); the kernel counts them only in numa_pages_migrated',
    },
    colloid_latency_ns: {
      from: `${mon} smoothed_lat_local (on the default node) and smoothed_lat_remote (on each alternate node), from CHA TOR occupancy over inserts; read it per node`,
    },
    colloid_p_ppm: {
      from: `${mon} cur_p: the default tier's share of the smoothed TOR inserts, in millionths, on the default node`,
    },
    colloid_delta_p_ppm: {
      from: `${mon} colloid_delta_p: the share of accesses to move this quantum, in millionths, on the default node`,
    },
  };
}

/** MEMTIS's derived gauges (its events are its own vm_event_item.h lines). */
function memtisDerived(): Derived {
  return {
    htmm_active_threshold: {
      from:
        "MEMTIS's hot threshold, a hotness-histogram bin (memcg->active_threshold, in its per-memcg hotness " +
        'stats); machine-wide, on node 0; 0 under other presets',
    },
    htmm_nr_split: {
      from:
        "THPs MEMTIS split for skewness (deferred_split_scan_for_htmm's successes; memtis counts them only " +
        'in thp_split_page, and their queueing in thp_deferred_split_page and htmm_missed_dramread/nvmread), on their node',
    },
  };
}

/** MEMTIS's counters: its own v5.15.19 kernel's, in neither mainline version. */
function memtisOnly(): Partial<Record<CounterName, { kernels: readonly KernelVersion[]; source: string }>> {
  const source = 'MEMTIS (github.com/cosmoss-jigu/memtis, v5.15.19): never merged';
  return Object.fromEntries(
    [...MEMTIS_EVENTS, ...MEMTIS_GAUGES, ...MEMTIS_SPLIT_EVENTS].map((name) => [
      name,
      { kernels: [], source },
    ]),
  );
}

/** NOMAD's counters are its out-of-tree module's: no mainline kernel prints them. */
function nomadKernels(): Partial<Record<CounterName, { kernels: readonly KernelVersion[]; source: string }>> {
  const source = "NOMAD's async_promote module (OSDI'24, out of tree, on 5.13-rc6)";
  const out: Partial<Record<CounterName, { kernels: readonly KernelVersion[]; source: string }>> = {};
  for (const name of [...NOMAD_EVENTS, ...NOMAD_GAUGES]) out[name] = { kernels: [], source };
  return out;
}

/** Colloid's counters are its fork's (preset colloid), never mainline's. */
function colloidKernels(): Partial<
  Record<CounterName, { kernels: readonly KernelVersion[]; source: string }>
> {
  const source = "Colloid's fork of v6.3 (host-architecture/colloid, SOSP'24), never posted upstream";
  return Object.fromEntries(
    [...COLLOID_EVENTS, ...COLLOID_GAUGES].map((name) => [name, { kernels: [], source }]),
  );
}

/** Where each research counter is on a real machine, for DERIVED. */
export const RESEARCH_DERIVED: Derived = {
  ...hybridtierDerived(),
  ...colloidDerived(),
  ...nomadDerived(),
  ...memtisDerived(),
};

/** No mainline kernel prints a research counter (HybridTier's are its runtime's log, kept on every kernel). */
export const RESEARCH_KERNELS: Kernels = {
  ...colloidKernels(),
  ...nomadKernels(),
  ...memtisOnly(),
};
