// The policy knobs, by the kernel's own sysctl/sysfs/debugfs names, with the kernel's defaults.
// One table serves validation, the engine, the CLI's docs and the UI's knob editor; the movers'
// knobs (memory-optimizer, DAMON) are in mover-knobs.ts.
import { MOVER_KNOBS, type MoverKnobs } from './mover-knobs.ts';
import { HYBRIDTIER_KNOBS, type HybridtierKnobs } from './hybridtier-knobs.ts';
import { COLLOID_KNOBS, type ColloidKnobs } from './colloid-knobs.ts';
import { NOMAD_KNOBS, type NomadKnobs } from './nomad-knobs.ts';
import { MEMTIS_KNOBS, type MemtisKnobs } from './memtis-knobs.ts';

/** Which mechanism a knob belongs to, so editors can group them. */
export type KnobGroup =
  | 'reclaim'
  | 'swap'
  | 'thp'
  | 'demotion'
  | 'numa_balancing'
  | 'tpp'
  | 'memory-optimizer'
  | 'damon'
  | 'hybridtier'
  | 'colloid'
  | 'nomad'
  | 'memtis';

export interface KnobSpec {
  readonly group: KnobGroup;
  readonly default: number | boolean | string | null;
  /** 'choice': one of `choices`, a word as the kernel's sysfs file takes it. */
  readonly kind: 'bool' | 'int' | 'enum' | 'choice';
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly number[];
  readonly choices?: readonly string[];
  readonly unit: string;
  /** Where the kernel keeps it, so users can find the real thing. */
  readonly path: string;
  readonly help: string;
}

/** The words /sys/kernel/mm/transparent_hugepage/enabled takes. */
export const THP_ENABLED = ['always', 'madvise', 'never'] as const;
export type ThpEnabled = (typeof THP_ENABLED)[number];

/** The words /sys/kernel/mm/transparent_hugepage/defrag takes. */
export const THP_DEFRAG = ['always', 'defer', 'defer+madvise', 'madvise', 'never'] as const;
export type ThpDefrag = (typeof THP_DEFRAG)[number];

export const KNOBS = {
  demotion_enabled: {
    group: 'demotion',
    default: false,
    kind: 'bool',
    unit: '',
    path: '/sys/kernel/mm/numa/demotion_enabled',
    help: 'Demote cold pages to the next lower memory tier in reclaim instead of swapping or discarding them.',
  },
  numa_balancing: {
    group: 'numa_balancing',
    default: 0,
    kind: 'enum',
    values: [0, 1, 2, 3, 6],
    unit: 'mode',
    path: '/proc/sys/kernel/numa_balancing',
    help:
      '0 off, 1 NUMA balancing (NORMAL), 2 memory tiering (promote hot slow-tier pages), 3 both; 6 memory ' +
      "tiering with Colloid's latency balancing (bit 4, NUMA_BALANCING_COLLOID: preset colloid only).",
  },
  min_free_kbytes: {
    group: 'reclaim',
    default: null,
    kind: 'int',
    min: 128,
    max: 67108864,
    unit: 'KiB',
    path: '/proc/sys/vm/min_free_kbytes',
    help: 'Reserve behind WMARK_MIN, split across nodes by size. Empty: int_sqrt(lowmem_kbytes * 16), clamped to [128, 262144].',
  },
  watermark_scale_factor: {
    group: 'reclaim',
    default: 10,
    kind: 'int',
    min: 1,
    max: 3000,
    unit: '1/10000 of node',
    path: '/proc/sys/vm/watermark_scale_factor',
    help: 'Gap between watermarks min, low, high and promo, in units of 0.01% of the node (at least min/4).',
  },
  watermark_boost_factor: {
    group: 'reclaim',
    default: 15000,
    kind: 'int',
    min: 0,
    max: 2147483647,
    unit: '1/10000 of high',
    path: '/proc/sys/vm/watermark_boost_factor',
    help:
      "How far a fragmenting fallback (a page taken from another migratetype's pageblock) may boost the " +
      'watermarks: by one pageblock per fallback, up to this share of the high mark (15000: 1.5x). kswapd ' +
      'is woken to reclaim to high + boost, without swap or writeback while only the boost is short. 0: off.',
  },
  swappiness: {
    group: 'reclaim',
    default: 60,
    kind: 'int',
    min: 0,
    max: 200,
    unit: '',
    path: '/proc/sys/vm/swappiness',
    help: 'Relative cost of swapping anon pages against dropping file pages in reclaim (get_scan_count).',
  },
  zone_reclaim_mode: {
    group: 'reclaim',
    default: 0,
    kind: 'int',
    min: 0,
    max: 15,
    unit: 'bits',
    path: '/proc/sys/vm/zone_reclaim_mode',
    help:
      'Bit 1: reclaim the local node before going remote (node_reclaim); 2: write dirty pages; 4: unmap. ' +
      'Bit 8 (RECLAIM_MIGRATE, 2019-20 RFCs only): demote in reclaim instead of discarding.',
  },
  lru_gen_enabled: {
    group: 'reclaim',
    // 6.12's default is true: KERNEL_KNOB_DEFAULTS, through presetKnobs.
    default: false,
    kind: 'bool',
    unit: '',
    path: '/sys/kernel/mm/lru_gen/enabled',
    help:
      'The multi-gen LRU (MGLRU, 6.1+): reclaim ages pages into up to 4 generations per node and memory ' +
      'cgroup by walking page tables for accessed bits, and evicts from the oldest, choosing ' +
      'anon or file and protecting often-used tiers by refault feedback (a PID controller); 6.1 and 6.12 ' +
      'follow their own rules, before the v6.14 rework. On by default on 6.12 (as Debian builds it), ' +
      'off on 6.1 and on damon-tiering (kernel-knob-defaults.ts). Off: the active/inactive lists.',
  },
  lru_gen_min_ttl_ms: {
    group: 'reclaim',
    default: 0,
    kind: 'int',
    min: 0,
    max: 4294967295,
    unit: 'ms',
    path: '/sys/kernel/mm/lru_gen/min_ttl_ms',
    help:
      "MGLRU's thrashing protection: kswapd OOM-kills when the oldest generation is younger than this, " +
      'rather than evict the working set of the last N ms. 0: off. Needs lru_gen_enabled.',
  },
  page_cluster: {
    group: 'swap',
    default: 3,
    kind: 'int',
    min: 0,
    max: 30,
    unit: 'log2 pages',
    path: '/proc/sys/vm/page-cluster',
    help:
      'A swap-in reads up to 2^page-cluster pages (8 by default) into the swap cache with it, by swap ' +
      'offset or by address (at most 2^5 then); the window grows with readahead hits. 0: no readahead.',
  },
  vma_ra_enabled: {
    group: 'swap',
    default: true,
    kind: 'bool',
    unit: '',
    path: '/sys/kernel/mm/swap/vma_ra_enabled',
    help:
      'Read ahead by virtual address (swap_vma_readahead) rather than by swap offset; a rotating ' +
      'swap disk (hdd) turns it off whatever this says. zram swaps in without the swap cache or readahead.',
  },
  transparent_hugepage: {
    group: 'thp',
    default: 'madvise',
    kind: 'choice',
    choices: THP_ENABLED,
    unit: '',
    path: '/sys/kernel/mm/transparent_hugepage/enabled',
    help:
      'always: every anonymous fault whose 2 MiB range is unpopulated takes a huge page when a node has ' +
      'a free pageblock; madvise: only workloads with thp (MADV_HUGEPAGE); never: none. The Kconfig ' +
      'default is always; madvise, as some distributions ship it (Ubuntu), leaves scenarios without thp as they were.',
  },
  transparent_hugepage_defrag: {
    group: 'thp',
    default: 'madvise',
    kind: 'choice',
    choices: THP_DEFRAG,
    unit: '',
    path: '/sys/kernel/mm/transparent_hugepage/defrag',
    help:
      'What a THP fault does when no 2 MiB block is free (vma_thp_gfp_mask). always: stall in direct ' +
      'compaction and reclaim (async only, one try, unless the workload has thp); defer: wake kswapd ' +
      'and kcompactd, fall back at once; defer+madvise: stall for workloads with thp, defer for the ' +
      'rest; madvise (default): stall for workloads with thp, plain fallback for the rest; never: ' +
      'fall back at once. The stall is charged to the faulting task (compact_stall).',
  },
  scan_delay_ms: {
    group: 'numa_balancing',
    default: 1000,
    kind: 'int',
    min: 0,
    max: 3600000,
    unit: 'ms',
    path: '/sys/kernel/debug/sched/numa_balancing/scan_delay_ms',
    help: 'Delay from task start to its first NUMA-balancing scan.',
  },
  scan_period_min_ms: {
    group: 'numa_balancing',
    default: 1000,
    kind: 'int',
    min: 1,
    max: 3600000,
    unit: 'ms',
    path: '/sys/kernel/debug/sched/numa_balancing/scan_period_min_ms',
    help: 'Shortest time between two scans of a task (a full pass over its memory).',
  },
  scan_period_max_ms: {
    group: 'numa_balancing',
    default: 60000,
    kind: 'int',
    min: 1,
    max: 3600000,
    unit: 'ms',
    path: '/sys/kernel/debug/sched/numa_balancing/scan_period_max_ms',
    help: 'Longest time between scans; also the period of the hot-threshold auto-adjust.',
  },
  scan_size_mb: {
    group: 'numa_balancing',
    default: 256,
    kind: 'int',
    min: 1,
    max: 1048576,
    unit: 'MiB',
    path: '/sys/kernel/debug/sched/numa_balancing/scan_size_mb',
    help: 'Memory made PROT_NONE per scan step, so that the next touch is a NUMA hint fault.',
  },
  hot_threshold_ms: {
    group: 'numa_balancing',
    default: 1000,
    kind: 'int',
    min: 1,
    max: 3600000,
    unit: 'ms',
    path: '/sys/kernel/debug/sched/numa_balancing/hot_threshold_ms',
    help: 'A slow-tier page whose hint fault comes sooner than this after its scan is hot (a promotion candidate).',
  },
  numa_balancing_promote_rate_limit_MBps: {
    group: 'numa_balancing',
    default: 65536,
    kind: 'int',
    min: 1,
    max: 1048576,
    unit: 'MB/s',
    path: '/proc/sys/kernel/numa_balancing_promote_rate_limit_MBps',
    help: 'Promotion candidates allowed per second per fast node. Rule of thumb: under 1/10 of the slow node write bandwidth.',
  },
  demote_scale_factor: {
    group: 'tpp',
    default: 200,
    kind: 'int',
    min: 1,
    max: 3000,
    unit: '1/10000 of node',
    path: '/proc/sys/vm/demote_scale_factor (TPP patch)',
    help: 'TPP: WMARK_DEMOTE sits this far above high; a fast node with a demotion target reclaims up to it, ahead of allocation.',
  },
  ...MOVER_KNOBS,
  ...HYBRIDTIER_KNOBS,
  ...COLLOID_KNOBS,
  ...NOMAD_KNOBS,
  ...MEMTIS_KNOBS,
} as const satisfies Record<string, KnobSpec>;

export type KnobName = keyof typeof KNOBS;

/** Knob values after defaults are applied; `min_free_kbytes` null means the kernel computes it. */
export interface Knobs extends MoverKnobs, HybridtierKnobs, ColloidKnobs, NomadKnobs, MemtisKnobs {
  demotion_enabled: boolean;
  numa_balancing: 0 | 1 | 2 | 3 | 6;
  min_free_kbytes: number | null;
  watermark_scale_factor: number;
  watermark_boost_factor: number;
  swappiness: number;
  zone_reclaim_mode: number;
  lru_gen_enabled: boolean;
  lru_gen_min_ttl_ms: number;
  page_cluster: number;
  vma_ra_enabled: boolean;
  transparent_hugepage: ThpEnabled;
  transparent_hugepage_defrag: ThpDefrag;
  scan_delay_ms: number;
  scan_period_min_ms: number;
  scan_period_max_ms: number;
  scan_size_mb: number;
  hot_threshold_ms: number;
  numa_balancing_promote_rate_limit_MBps: number;
  demote_scale_factor: number;
}

export function defaultKnobs(): Knobs {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(KNOBS)) out[name] = spec.default;
  return out as unknown as Knobs;
}

/** kernel.numa_balancing bits (include/linux/sched/sysctl.h). */
export const NUMA_BALANCING_NORMAL = 1;
export const NUMA_BALANCING_MEMORY_TIERING = 2;
/** Colloid's kernel (host-architecture/colloid, 6.3): balance the tiers' loaded latencies (colloid preset). */
export const NUMA_BALANCING_COLLOID = 4;
