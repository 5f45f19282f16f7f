// Reads a cgroup's memory.current, memory.stat, memory.events and memory.numa_stat from the
// engine's state, in bytes as the kernel shows them (events stay counts), for results and samples.
import { MEMCG_MEMORY_EVENTS, MEMCG_STAT_EVENTS, type CgroupStat } from '../../shared/memcg-stat.ts';
import type { Kernel } from '../mm/kernel.ts';
import { lruvecOf, lruvecSize } from '../mm/lru.ts';
import { NR_MEMCG_EVENTS, NR_MEMCG_MEMORY_EVENTS } from '../mm/memcg-state.ts';
import { memcgNodePages, memcgUsage } from '../mm/memcg-protection.ts';
import {
  LRU_ACTIVE_ANON,
  LRU_ACTIVE_FILE,
  LRU_INACTIVE_ANON,
  LRU_INACTIVE_FILE,
  type LruList,
} from '../mm/page-flags.ts';

function listBytes(k: Kernel, memcg: number, lru: LruList): number {
  let pages = 0;
  for (let n = 0; n < k.m.nrNodes; n++) pages += lruvecSize(k.m, lruvecOf(k.m, memcg, n), lru);
  return pages * k.pageSize;
}

/** memcg's files now (memcg >= 1). */
export function readCgroupStat(k: Kernel, memcg: number): CgroupStat {
  const s = k.memcg;
  const bytes = (pages: number) => (pages === Infinity ? null : pages * k.pageSize);
  const nodes = Array.from({ length: k.m.nrNodes }, (_, n) => n);
  const ia = listBytes(k, memcg, LRU_INACTIVE_ANON);
  const aa = listBytes(k, memcg, LRU_ACTIVE_ANON);
  const inf = listBytes(k, memcg, LRU_INACTIVE_FILE);
  const af = listBytes(k, memcg, LRU_ACTIVE_FILE);
  const stat = {
    anon: ia + aa,
    file: inf + af,
    inactive_anon: ia,
    active_anon: aa,
    inactive_file: inf,
    active_file: af,
  };
  const events = MEMCG_STAT_EVENTS.map((name, i) => [name, s.stats[memcg * NR_MEMCG_EVENTS + i]!]);
  return {
    name: s.names[memcg]!,
    current: memcgUsage(k, memcg) * k.pageSize,
    max: bytes(s.limits[memcg]!.max),
    high: bytes(s.limits[memcg]!.high),
    stat: { ...stat, ...Object.fromEntries(events) } as CgroupStat['stat'],
    events: Object.fromEntries(
      MEMCG_MEMORY_EVENTS.map((name, i) => [name, s.events[memcg * NR_MEMCG_MEMORY_EVENTS + i]!]),
    ) as CgroupStat['events'],
    numaStat: {
      anon: nodes.map((n) => memcgNodePages(k, memcg, n, false) * k.pageSize),
      file: nodes.map((n) => memcgNodePages(k, memcg, n, true) * k.pageSize),
    },
  };
}

/** Every cgroup's files (the root's are not shown, as cgroupfs has none for it). */
export function readCgroupStats(k: Kernel): CgroupStat[] {
  return k.memcg.names.slice(1).map((_, i) => readCgroupStat(k, i + 1));
}
