// migrate_folio: move one page's contents to a new frame, remapping its PTE, with the cost and
// bandwidth it takes. Every migration names its reason (enum migrate_reason) for attribution.
import { STAT } from '../../shared/vmstat.ts';
import type { MigrationReason } from '../../shared/result.ts';
import { copyNs, MIGRATE_BASE_NS } from './costs.ts';
import { accountResident, count, type Kernel } from './kernel.ts';
import { lruAdd, lruCopyAge } from './lru.ts';
import { NIL, putFreeFrame, pageToNid } from './mem-state.ts';
import { nomadMigrating } from './nomad-shadow.ts';
import { PG } from './page-flags.ts';
import { pageMoved } from './reference-model.ts';
import { inSwapCache, swapCachePte } from './swap-state.ts';

/** Why a page moved (include/linux/migrate_mode.h names, plus user-space movers). */
export const MR = {
  demotion: 0,
  numaMisplaced: 1,
  daemon: 2,
  damon: 3,
  syscall: 4,
  compaction: 5,
  /** MR_MEMORY_HOTPLUG: moved out of a memory block being offlined (memory-hotplug.ts). */
  memoryHotplug: 6,
  /** MEMTIS's kmigrated (movers/memtis): migrate_pages(MR_NUMA_MISPLACED) from its own lists. */
  memtis: 7,
} as const;
export type MigrateReason = (typeof MR)[keyof typeof MR];
export const NR_MIGRATE_REASONS = 8;
export const MIGRATE_REASON_NAMES: readonly MigrationReason[] = [
  'demotion',
  'numa_misplaced',
  'daemon',
  'damon',
  'syscall',
  'compaction',
  'memory_hotplug',
  'memtis',
];

/** A page moved back across tiers within this long of its last move is counted as ping-pong. */
export const PING_PONG_WINDOW_MS = 10_000;

/**
 * Marks a page's move between tiers: promoted or demoted, when, and whether it undid a recent move
 * the other way (ping-pong, counted as the folio's `nr` pages). Moves within a tier leave the marks
 * alone. Returns the new flags.
 */
export function markTierMove(
  k: Kernel,
  src: number,
  from: number,
  to: number,
  flags: number,
  nr = 1,
): number {
  const tierFrom = k.layout.tierOf[from]!;
  const tierTo = k.layout.tierOf[to]!;
  if (tierFrom === tierTo) return flags;
  // A move within PING_PONG_WINDOW_MS of the page's last tier move, the other way, is ping-pong.
  const nowMs = k.nowNs / 1e6;
  const recent = nowMs - k.m.migratedAt[src]! < PING_PONG_WINDOW_MS;
  if (tierTo < tierFrom) {
    if (flags & PG.demoted && recent) k.pingPong.demotedThenPromoted += nr;
    return (flags & ~PG.demoted) | PG.promoted;
  }
  if (flags & PG.promoted && recent) k.pingPong.promotedThenDemoted += nr;
  return (flags & ~PG.promoted) | PG.demoted;
}

/** migrateFolio's mode bits (NOMAD's non-exclusive migration; 0 is the kernel's plain move). */
export const MIGRATE_KEEP_SOURCE = 1;
/** dst already holds the page's contents (NOMAD's shadow): remap without copying. */
export const MIGRATE_NO_COPY = 2;

/**
 * Moves isolated page `src` into the already allocated frame `dst` and puts `dst` on its node's LRU.
 * Postcondition: the PTE (or the swap cache's entry) points at dst, flags (but PG_lru) carried over;
 * src is free, or with MIGRATE_KEEP_SOURCE still allocated with no owner, flags or charge (a
 * NOMAD shadow). With MIGRATE_NO_COPY nothing is copied (no bandwidth, no copy time). Returns the cost.
 */
export function migrateFolio(k: Kernel, src: number, dst: number, reason: MigrateReason, mode = 0): number {
  const m = k.m;
  if (k.nomad !== null) nomadMigrating(k, src, dst);
  const from = pageToNid(m, src);
  const to = pageToNid(m, dst);
  const vpage = m.owner[src]!;
  const crossesTiers = k.layout.tierOf[from] !== k.layout.tierOf[to];
  const flags = markTierMove(k, src, from, to, m.flags[src]! & ~PG.lru);
  m.migratedAt[dst] = crossesTiers ? Math.floor(k.nowNs / 1e6) : m.migratedAt[src]!;
  m.flags[dst] = flags;
  m.owner[dst] = vpage;
  m.memcg[dst] = m.memcg[src]!; // mem_cgroup_migrate(): the charge moves with the page
  m.stamp[dst] = m.stamp[src]!;
  if (m.touchMark.length > 0) m.touchMark[dst] = m.touchMark[src]!;
  if (m.pte[vpage] === src + 1) {
    m.pte[vpage] = dst + 1;
    accountResident(k, vpage, from, -1);
    accountResident(k, vpage, to, 1);
    if (!(flags & PG.protnone)) pageMoved(k, vpage, from, to);
  } else {
    m.pte[vpage] = swapCachePte(dst); // an unmapped swap-cache page (readahead) stays unmapped
    k.swap!.nrUnmapped[from]!--;
    k.swap!.nrUnmapped[to]!++;
  }
  if (!(flags & PG.file) && inSwapCache(k, vpage)) {
    k.swap!.nrSwapcached[from]!--;
    k.swap!.nrSwapcached[to]!++;
  }
  lruCopyAge(m, src, dst);
  if (mode & MIGRATE_KEEP_SOURCE) {
    m.flags[src] = 0;
    m.owner[src] = NIL;
    m.memcg[src] = 0; // mem_cgroup_migrate() moved the charge to dst
    if (m.lrugen) m.lrugen.genFlags[src] = 0;
  } else {
    putFreeFrame(m, src);
    count(k, from, STAT.pgfree);
  }
  lruAdd(m, dst);
  count(k, from, STAT.pgmigrate_success);
  k.migrated[(reason * k.m.nrNodes + from) * k.m.nrNodes + to]!++;
  if (mode & MIGRATE_NO_COPY) return MIGRATE_BASE_NS;
  return MIGRATE_BASE_NS + copyPage(k, from, to);
}

/** Copies one page from node `from` to `to`: counts both ends' traffic, returns the copy time. */
export function copyPage(k: Kernel, from: number, to: number): number {
  const machine = k.machine.nodes;
  k.traffic[from * 2]! += k.pageSize;
  k.traffic[to * 2 + 1]! += k.pageSize;
  return copyNs(k.pageSize, machine[from]!.readBandwidthGBps, machine[to]!.writeBandwidthGBps);
}
