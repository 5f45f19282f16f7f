// The per-cgroup counters the model keeps, under the kernel's names: memory.stat (gauges in bytes,
// then events), memory.events, and memory.numa_stat's per-node anon/file. One list for the
// engine's arrays, the result, the samples table, the CSV export and the run view.

/** memory.stat gauges, bytes (memcg_stat_items[]): the cgroup's pages on its LRU lists. */
export const MEMCG_STAT_GAUGES = [
  'anon',
  'file',
  'inactive_anon',
  'active_anon',
  'inactive_file',
  'active_file',
] as const;

/**
 * memory.stat events the model produces (memcg_vm_event_stat[]): reclaim by who reclaimed
 * (pgscan_proactive/pgsteal_proactive since 6.15), demotion by the same split (6.8+), promotion,
 * faults, aging, and swap-outs (pswpout is in memory.stat since 6.13). memory.stat's `pgscan` and
 * `pgsteal` are the sums of the three.
 */
export const MEMCG_STAT_EVENTS = [
  'pgscan_kswapd',
  'pgscan_direct',
  'pgscan_proactive',
  'pgsteal_kswapd',
  'pgsteal_direct',
  'pgsteal_proactive',
  'pgdemote_kswapd',
  'pgdemote_direct',
  'pgdemote_proactive',
  'pgpromote_success',
  'pgfault',
  'pgrefill',
  'pgactivate',
  'pgdeactivate',
  'pswpout',
] as const;

/** memory.events (enum memcg_memory_event): low, high, max, oom, oom_kill. */
export const MEMCG_MEMORY_EVENTS = ['low', 'high', 'max', 'oom', 'oom_kill'] as const;

export type MemcgGaugeName = (typeof MEMCG_STAT_GAUGES)[number];
export type MemcgEventName = (typeof MEMCG_STAT_EVENTS)[number];
export type MemcgMemoryEventName = (typeof MEMCG_MEMORY_EVENTS)[number];

/** One cgroup at a moment: memory.current, memory.stat, memory.events and memory.numa_stat. */
export interface CgroupStat {
  name: string;
  /** memory.current, bytes. */
  current: number;
  /** memory.max and memory.high as set, bytes, or null for "max". */
  max: number | null;
  high: number | null;
  stat: Record<MemcgGaugeName | MemcgEventName, number>;
  events: Record<MemcgMemoryEventName, number>;
  /** memory.numa_stat: anon and file bytes per node id (index). */
  numaStat: { anon: number[]; file: number[] };
}

/**
 * The columns of one cgroup's sample row, in the order of the memcg_samples table: memory.current,
 * the memory.stat gauges and events, memory.events, then memory.numa_stat's anon_N<n> and file_N<n>
 * per node (stored as rows per node, see the table).
 */
export const MEMCG_SAMPLE_COLUMNS = [
  'current',
  ...MEMCG_STAT_GAUGES,
  ...MEMCG_STAT_EVENTS,
  ...MEMCG_MEMORY_EVENTS,
] as const;
export type MemcgSampleColumn = (typeof MEMCG_SAMPLE_COLUMNS)[number];
