// The policy knobs, by the kernel's own sysctl/sysfs/debugfs names, with the kernel's defaults.
// One table serves validation, the engine, the CLI's docs and the UI's knob editor.

export interface KnobSpec {
  readonly default: number | boolean | null;
  readonly kind: 'bool' | 'int' | 'enum';
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly number[];
  readonly unit: string;
  /** Where the kernel keeps it, so users can find the real thing. */
  readonly path: string;
  readonly help: string;
}

export const KNOBS = {
  demotion_enabled: {
    default: false,
    kind: 'bool',
    unit: '',
    path: '/sys/kernel/mm/numa/demotion_enabled',
    help: 'Demote cold pages to the next lower memory tier in reclaim instead of swapping or discarding them.',
  },
  numa_balancing: {
    default: 0,
    kind: 'enum',
    values: [0, 1, 2, 3],
    unit: 'mode',
    path: '/proc/sys/kernel/numa_balancing',
    help: '0 off, 1 NUMA balancing (NORMAL), 2 memory tiering (promote hot slow-tier pages), 3 both.',
  },
  min_free_kbytes: {
    default: null,
    kind: 'int',
    min: 128,
    max: 67108864,
    unit: 'KiB',
    path: '/proc/sys/vm/min_free_kbytes',
    help: 'Reserve behind WMARK_MIN, split across nodes by size. Empty: int_sqrt(lowmem_kbytes * 16), clamped to [128, 262144].',
  },
  watermark_scale_factor: {
    default: 10,
    kind: 'int',
    min: 1,
    max: 3000,
    unit: '1/10000 of node',
    path: '/proc/sys/vm/watermark_scale_factor',
    help: 'Gap between watermarks min, low, high and promo, in units of 0.01% of the node (at least min/4).',
  },
  swappiness: {
    default: 60,
    kind: 'int',
    min: 0,
    max: 200,
    unit: '',
    path: '/proc/sys/vm/swappiness',
    help: 'Relative cost of swapping anon pages against dropping file pages in reclaim (get_scan_count).',
  },
  zone_reclaim_mode: {
    default: 0,
    kind: 'int',
    min: 0,
    max: 7,
    unit: 'bits',
    path: '/proc/sys/vm/zone_reclaim_mode',
    help: 'Bit 1: reclaim the local node before falling back to a remote one (node_reclaim). 0 falls back at once.',
  },
  scan_delay_ms: {
    default: 1000,
    kind: 'int',
    min: 0,
    max: 3600000,
    unit: 'ms',
    path: '/sys/kernel/debug/sched/numa_balancing/scan_delay_ms',
    help: 'Delay from task start to its first NUMA-balancing scan.',
  },
  scan_period_min_ms: {
    default: 1000,
    kind: 'int',
    min: 1,
    max: 3600000,
    unit: 'ms',
    path: '/sys/kernel/debug/sched/numa_balancing/scan_period_min_ms',
    help: 'Shortest time between two scans of a task (a full pass over its memory).',
  },
  scan_period_max_ms: {
    default: 60000,
    kind: 'int',
    min: 1,
    max: 3600000,
    unit: 'ms',
    path: '/sys/kernel/debug/sched/numa_balancing/scan_period_max_ms',
    help: 'Longest time between scans; also the period of the hot-threshold auto-adjust.',
  },
  scan_size_mb: {
    default: 256,
    kind: 'int',
    min: 1,
    max: 1048576,
    unit: 'MiB',
    path: '/sys/kernel/debug/sched/numa_balancing/scan_size_mb',
    help: 'Memory made PROT_NONE per scan step, so that the next touch is a NUMA hint fault.',
  },
  hot_threshold_ms: {
    default: 1000,
    kind: 'int',
    min: 1,
    max: 3600000,
    unit: 'ms',
    path: '/sys/kernel/debug/sched/numa_balancing/hot_threshold_ms',
    help: 'A slow-tier page whose hint fault comes sooner than this after its scan is hot (a promotion candidate).',
  },
  numa_balancing_promote_rate_limit_MBps: {
    default: 65536,
    kind: 'int',
    min: 1,
    max: 1048576,
    unit: 'MB/s',
    path: '/proc/sys/kernel/numa_balancing_promote_rate_limit_MBps',
    help: 'Promotion candidates allowed per second per fast node. Rule of thumb: under 1/10 of the slow node write bandwidth.',
  },
} as const satisfies Record<string, KnobSpec>;

export type KnobName = keyof typeof KNOBS;

/** Knob values after defaults are applied; `min_free_kbytes` null means the kernel computes it. */
export interface Knobs {
  demotion_enabled: boolean;
  numa_balancing: 0 | 1 | 2 | 3;
  min_free_kbytes: number | null;
  watermark_scale_factor: number;
  swappiness: number;
  zone_reclaim_mode: number;
  scan_delay_ms: number;
  scan_period_min_ms: number;
  scan_period_max_ms: number;
  scan_size_mb: number;
  hot_threshold_ms: number;
  numa_balancing_promote_rate_limit_MBps: number;
}

export function defaultKnobs(): Knobs {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(KNOBS)) out[name] = spec.default;
  return out as unknown as Knobs;
}

/** kernel.numa_balancing bits (include/linux/sched/sysctl.h). */
export const NUMA_BALANCING_NORMAL = 1;
export const NUMA_BALANCING_MEMORY_TIERING = 2;
