// Migrating a THP whole (migrate_folio on a PMD-mapped folio, remove_migration_pmd): the folio's
// contents move to a free pageblock of the target and every vpage of its PMD range follows.
import { STAT } from '../../shared/vmstat.ts';
import { copyNs, MIGRATE_BASE_NS } from './costs.ts';
import { accountResident, count, type Kernel } from './kernel.ts';
import { lruAdd, lruCopyAge } from './lru.ts';
import { pageToNid } from './mem-state.ts';
import { PG } from './page-flags.ts';
import { markTierMove, type MigrateReason } from './migrate.ts';
import { pageMoved } from './reference-model.ts';
import { hpagePmdNr } from './folio.ts';
import { putFreeHugeFolio } from './huge-memory.ts';

/**
 * Moves isolated THP `src` into the THP frames at `dst` (allocated whole) and puts dst on its
 * node's LRU. Postcondition: every vpage of the range points at dst, src's block is free, the
 * folio's flags (but PG_lru) carried over. Counts pgmigrate_success by pages and
 * thp_migration_success once. Returns the cost.
 */
export function migrateHugeFolio(k: Kernel, src: number, dst: number, reason: MigrateReason): number {
  const m = k.m;
  const from = pageToNid(m, src);
  const to = pageToNid(m, dst);
  const v0 = m.owner[src]!;
  const nr = hpagePmdNr(m);
  const crossesTiers = k.layout.tierOf[from] !== k.layout.tierOf[to];
  const flags = markTierMove(k, src, from, to, m.flags[src]! & ~PG.lru, nr);
  m.migratedAt[dst] = crossesTiers ? Math.floor(k.nowNs / 1e6) : m.migratedAt[src]!;
  m.flags[dst] = flags;
  m.owner[dst] = v0;
  m.memcg[dst] = m.memcg[src]!; // mem_cgroup_migrate(): the charge moves with the folio
  m.stamp[dst] = m.stamp[src]!;
  if (m.touchMark.length > 0) m.touchMark[dst] = m.touchMark[src]!;
  for (let v = v0; v < v0 + nr; v++) {
    m.pte[v] = dst + 1;
    accountResident(k, v, from, -1);
    accountResident(k, v, to, 1);
    if (!(flags & PG.protnone)) pageMoved(k, v, from, to);
  }
  lruCopyAge(m, src, dst);
  m.flags[src] = 0;
  putFreeHugeFolio(k, src);
  lruAdd(m, dst);
  count(k, from, STAT.pgmigrate_success, nr);
  count(k, from, STAT.thp_migration_success);
  k.migrated[(reason * m.nrNodes + from) * m.nrNodes + to]! += nr;
  const bytes = nr * k.pageSize;
  k.traffic[from * 2]! += bytes;
  k.traffic[to * 2 + 1]! += bytes;
  const nodes = k.machine.nodes;
  return MIGRATE_BASE_NS + copyNs(bytes, nodes[from]!.readBandwidthGBps, nodes[to]!.writeBandwidthGBps);
}
