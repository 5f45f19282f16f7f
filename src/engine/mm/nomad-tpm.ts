// NOMAD's transactional page migration (TPM; async_promote_main.c promote_work_handler and
// nomad_transit_pages): a NUMA hint fault that would promote a page queues it instead, and a work
// queue copies it while the page stays mapped, having cleared its PTE dirty bit; at commit the
// dirty bit tells whether the page was written during the copy. Clean: the PTE is switched to the
// copy (the old frame kept as a shadow, nomad-shadow.ts). Written: the copy is thrown away (abort)
// and the page stays where it is, for a later hint fault to queue again.
//
// Timing: the worker runs after each round of turns. It commits the copies it started at the end of
// the previous round, then starts copies of the pages queued since, as many as its copy time fits
// in one fine round (one CPU). A copy's window is therefore the round the tasks just played (100 us),
// where the copy itself takes pageSize / min(read, write bandwidth) (~2 us for 4 KiB from PMEM):
// a page written more often than every 100 us aborts either way; one written more rarely aborts
// more often here than on the real machine (see README, Policies).
import { STAT } from '../../shared/vmstat.ts';
import type { Mover } from '../movers/types.ts';
import { MIGRATE_BASE_NS } from './costs.ts';
import { count, FINE_ROUND_NS, type Kernel } from './kernel.ts';
import { lruAdd, lruDel } from './lru.ts';
import { MEMCG_STAT } from './memcg-state.ts';
import { memcgCount } from './memcg-protection.ts';
import { NIL, pageToNid, putFreeFrame } from './mem-state.ts';
import { copyPage, migrateFolio, MIGRATE_KEEP_SOURCE, MIGRATE_NO_COPY, MR } from './migrate.ts';
import { linkShadow } from './nomad-shadow.ts';
import { getPageFromFreelist, zoneStatistics } from './page-alloc.ts';
import { PG } from './page-flags.ts';
import { syncAccessBits } from './reference-model.ts';
import { WMARK_LOW } from './watermark.ts';

/** Pages waiting for the worker or being copied: frame, owner, target node, faulting CPU's node. */
interface TpmList {
  src: Uint32Array;
  vpage: Uint32Array;
  target: Uint32Array;
  local: Uint32Array;
  /** The copy's frame on the target (in-flight list only). */
  dst: Uint32Array;
  len: number;
}

function tpmList(cap: number): TpmList {
  const a = (): Uint32Array => new Uint32Array(cap);
  return { src: a(), vpage: a(), target: a(), local: a(), dst: a(), len: 0 };
}

export interface NomadTpm extends Mover {
  /**
   * queue_pages_for_promotion(): isolates base page `pfn` (on the LRU, mapped) for promotion to
   * `target`. Returns false if the queue is full (the page stays on its LRU).
   */
  queue(k: Kernel, pfn: number, target: number, local: number): boolean;
}

export function createNomadTpm(k: Kernel): NomadTpm {
  const cap = k.knobs.nomad_promote_queue_len;
  const queued = tpmList(cap);
  const inFlight = tpmList(cap);
  let busyNs = 0;
  return {
    queue(k, pfn, target, local) {
      if (queued.len + inFlight.len >= cap) return false;
      lruDel(k.m, pfn); // isolate_lru_page(): reclaim and other migrations leave it alone
      const i = queued.len++;
      queued.src[i] = pfn;
      queued.vpage[i] = k.m.owner[pfn]!;
      queued.target[i] = target;
      queued.local[i] = local;
      return true;
    },
    run(k) {
      for (let i = 0; i < inFlight.len; i++) busyNs += commit(k, inFlight, i);
      inFlight.len = 0;
      let roundNs = 0;
      let i = 0;
      for (; i < queued.len && roundNs < FINE_ROUND_NS; i++) roundNs += startCopy(k, queued, i, inFlight);
      queued.src.copyWithin(0, i, queued.len);
      queued.vpage.copyWithin(0, i, queued.len);
      queued.target.copyWithin(0, i, queued.len);
      queued.local.copyWithin(0, i, queued.len);
      queued.len -= i;
      busyNs += roundNs;
    },
    cpuNs: () => busyNs,
  };
}

/** The page isolated at entry i is still the one queued: not freed, swapped or remapped since. */
function stillQueued(k: Kernel, l: TpmList, i: number): boolean {
  const src = l.src[i]!;
  const v = l.vpage[i]!;
  return k.m.owner[src] === v && k.m.pte[v] === src + 1 && !(k.m.flags[src]! & PG.lru);
}

/**
 * Starts copying entry i of `queued` (alloc_promote_page: the target alone, no reclaim): clears the
 * PTE dirty bit and copies. Returns the worker time it took.
 */
function startCopy(k: Kernel, queued: TpmList, i: number, inFlight: TpmList): number {
  if (!stillQueued(k, queued, i)) return 0;
  const src = queued.src[i]!;
  const target = queued.target[i]!;
  const local = queued.local[i]!;
  const from = pageToNid(k.m, src);
  const dst = getPageFromFreelist(k, k.thisNode[target]!, null, WMARK_LOW, local, false);
  if (dst === NIL) {
    lruAdd(k.m, src); // putback_lru_page(): retried at a later hint fault
    count(k, from, STAT.pgmigrate_fail);
    return 0;
  }
  zoneStatistics(k, target, target, local);
  syncAccessBits(k, src); // what was written before the copy counts before the bit is cleared
  k.m.flags[src] = k.m.flags[src]! & ~PG.written;
  const j = inFlight.len++;
  inFlight.src[j] = src;
  inFlight.vpage[j] = queued.vpage[i]!;
  inFlight.target[j] = target;
  inFlight.local[j] = local;
  inFlight.dst[j] = dst;
  return copyPage(k, from, target);
}

/** Commits or aborts in-flight entry i by its PTE dirty bit. Returns the worker time it took. */
function commit(k: Kernel, l: TpmList, i: number): number {
  const src = l.src[i]!;
  const dst = l.dst[i]!;
  const target = l.target[i]!;
  if (!stillQueued(k, l, i)) {
    freeCopy(k, dst);
    return 0;
  }
  syncAccessBits(k, src);
  if (k.m.flags[src]! & PG.written) {
    freeCopy(k, dst);
    lruAdd(k.m, src);
    count(k, pageToNid(k.m, src), STAT.nomad_tpm_abort);
    return 0;
  }
  const shadows = k.knobs.nomad_shadow_enabled;
  const memcg = k.m.memcg[src]!;
  migrateFolio(k, src, dst, MR.numaMisplaced, MIGRATE_NO_COPY | (shadows ? MIGRATE_KEEP_SOURCE : 0));
  if (shadows) linkShadow(k, dst, src);
  count(k, target, STAT.nomad_tpm_commit);
  count(k, l.local[i]!, STAT.numa_pages_migrated);
  count(k, target, STAT.pgpromote_success);
  memcgCount(k, memcg, MEMCG_STAT.pgpromote_success);
  return MIGRATE_BASE_NS;
}

function freeCopy(k: Kernel, dst: number): void {
  putFreeFrame(k.m, dst);
  count(k, pageToNid(k.m, dst), STAT.pgfree);
}
