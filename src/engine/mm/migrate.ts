// migrate_folio: move one page's contents to a new frame, remapping its PTE, with the cost and
// bandwidth it takes. Every migration names its reason (enum migrate_reason) for attribution.
import { STAT } from '../../shared/vmstat.ts';
import { copyNs, MIGRATE_BASE_NS } from './costs.ts';
import { count, type Kernel } from './kernel.ts';
import { lruAdd } from './lru.ts';
import { putFreeFrame } from './mem-state.ts';
import { PG } from './page-flags.ts';

/** Why a page moved (include/linux/migrate_mode.h names, plus user-space movers). */
export const MR = {
  demotion: 0,
  numaMisplaced: 1,
  daemon: 2,
  damon: 3,
  syscall: 4,
} as const;
export const NR_MIGRATE_REASONS = 5;
export const MIGRATE_REASON_NAMES = ['demotion', 'numa_misplaced', 'daemon', 'damon', 'syscall'] as const;

/**
 * Moves isolated page `src` into the already allocated frame `dst` and puts `dst` on its node's LRU.
 * Postcondition: the PTE points at dst, src is free, flags (but PG_lru) carried over. Returns the cost.
 */
export function migrateFolio(k: Kernel, src: number, dst: number, reason: number): number {
  const m = k.m;
  const from = m.nodeOf[src]!;
  const to = m.nodeOf[dst]!;
  const vpage = m.owner[src]!;
  let flags = m.flags[src]! & ~PG.lru;
  flags = reason === MR.demotion ? flags | PG.demoted : flags & ~PG.demoted;
  m.flags[dst] = flags;
  m.owner[dst] = vpage;
  m.stamp[dst] = m.stamp[src]!;
  m.pte[vpage] = dst + 1;
  putFreeFrame(m, src);
  lruAdd(m, dst);
  count(k, from, STAT.pgfree);
  count(k, from, STAT.pgmigrate_success);
  k.migrated[(reason * k.m.nrNodes + from) * k.m.nrNodes + to]!++;
  const machine = k.machine.nodes;
  k.traffic[from * 2]! += k.pageSize;
  k.traffic[to * 2 + 1]! += k.pageSize;
  return (
    MIGRATE_BASE_NS + copyNs(k.pageSize, machine[from]!.readBandwidthGBps, machine[to]!.writeBandwidthGBps)
  );
}
