// NOMAD's transactional page migration (TPM; async_promote_main.c promote_work_handler and
// nomad_transit_pages): a NUMA hint fault that would promote a page queues it instead, and a work
// queue copies it while the page stays mapped, having cleared its PTE dirty bit; at commit the
// dirty bit tells whether the page was written during the copy. Clean: the PTE is switched to the
// copy (the old frame kept as a shadow, nomad-shadow.ts). Written: the copy is thrown away (abort)
// and the page stays where it is, for a later hint fault to queue again.
//
// Timing: the worker runs after each round of turns. It commits the copies it started at the end of
// the previous round, then starts copies of the pages queued since, one after another, as many as
// its copy time fits in one fine round (one CPU). Copy j of a round started at T runs from T plus
// the copies before it for pageSize / min(read, write bandwidth) (620.6 ns for 4 KiB from PMEM into
// DRAM); a write in that window aborts it. The exact engine sees each write (a write to a page
// being copied takes the slow path, PG_COPYING); the rate engine decides it at commit, with
// probability 1 - e^(-p w D) for the D draws of the page's law that fell in the window (the
// round's draws times the window's share of the round).
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
import { WMARK_LOW } from './watermark.ts';

/**
 * Frame flag (bit 14 of page-flags.ts's free bits): the page is being copied by a transactional
 * promotion, so a write reference to it is checked against the copy's window (tpmWrite).
 */
export const PG_COPYING = 1 << 14;

/** Pages waiting for the worker or being copied: frame, owner, target node, faulting CPU's node. */
interface TpmList {
  src: Uint32Array;
  vpage: Uint32Array;
  target: Uint32Array;
  local: Uint32Array;
  /** In flight only: the copy's frame on the target, its window, the law's draws at its start, and whether a write fell in it. */
  dst: Uint32Array;
  startNs: Float64Array;
  endNs: Float64Array;
  drawn0: Float64Array;
  written: Uint8Array;
  len: number;
}

function tpmList(cap: number): TpmList {
  const a = (): Uint32Array => new Uint32Array(cap);
  const f = (): Float64Array => new Float64Array(cap);
  return {
    src: a(),
    vpage: a(),
    target: a(),
    local: a(),
    dst: a(),
    startNs: f(),
    endNs: f(),
    drawn0: f(),
    written: new Uint8Array(cap),
    len: 0,
  };
}

export interface NomadTpm extends Mover {
  /**
   * queue_pages_for_promotion(): isolates base page `pfn` (on the LRU, mapped) for promotion to
   * `target`. Returns false if the queue is full (the page stays on its LRU).
   */
  queue(k: Kernel, pfn: number, target: number, local: number): boolean;
  /** A write reference to page `pfn` (PG_COPYING) at k.nowNs: aborts its copy if in the window. */
  wrote(k: Kernel, pfn: number): void;
}

export function createNomadTpm(k: Kernel): NomadTpm {
  const cap = k.knobs.nomad_promote_queue_len;
  const queued = tpmList(cap);
  const inFlight = tpmList(cap);
  let busyNs = 0;
  /** When the worker last ran: the start of the round whose copies it commits next. */
  let lastRunNs = 0;
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
    wrote(k, pfn) {
      for (let j = 0; j < inFlight.len; j++) {
        if (inFlight.src[j] !== pfn) continue;
        if (k.nowNs >= inFlight.startNs[j]! && k.nowNs < inFlight.endNs[j]!) inFlight.written[j] = 1;
        return;
      }
    },
    run(k, untilNs) {
      const roundNs = untilNs - lastRunNs;
      for (let i = 0; i < inFlight.len; i++) busyNs += commit(k, inFlight, i, roundNs);
      inFlight.len = 0;
      lastRunNs = untilNs;
      let copyNs = 0;
      let i = 0;
      for (; i < queued.len && copyNs < FINE_ROUND_NS; i++)
        copyNs += startCopy(k, queued, i, inFlight, untilNs + copyNs);
      queued.src.copyWithin(0, i, queued.len);
      queued.vpage.copyWithin(0, i, queued.len);
      queued.target.copyWithin(0, i, queued.len);
      queued.local.copyWithin(0, i, queued.len);
      queued.len -= i;
      busyNs += copyNs;
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
 * Starts copying entry i of `queued` at `atNs` (alloc_promote_page: the target alone, no reclaim),
 * the page still mapped. Returns the copy's time.
 */
function startCopy(k: Kernel, queued: TpmList, i: number, inFlight: TpmList, atNs: number): number {
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
  // The module clears the PTE dirty bit here and reads it at commit: what counts is a write between.
  k.m.flags[src] = k.m.flags[src]! | PG_COPYING;
  const copyNs = copyPage(k, from, target);
  const j = inFlight.len++;
  const vpage = queued.vpage[i]!;
  inFlight.src[j] = src;
  inFlight.vpage[j] = vpage;
  inFlight.target[j] = target;
  inFlight.local[j] = local;
  inFlight.dst[j] = dst;
  inFlight.startNs[j] = atNs;
  inFlight.endNs[j] = atNs + copyNs;
  inFlight.drawn0[j] = k.refs ? k.refs.drawCount(k, vpage) : 0;
  inFlight.written[j] = 0;
  return copyNs;
}

/**
 * Commits or aborts in-flight entry i, after the round of `roundNs` in which its copy ran, by
 * whether the page was written in the copy's window. Returns the worker time it took.
 */
function commit(k: Kernel, l: TpmList, i: number, roundNs: number): number {
  const src = l.src[i]!;
  const dst = l.dst[i]!;
  const target = l.target[i]!;
  if (!stillQueued(k, l, i)) {
    freeCopy(k, dst);
    return 0;
  }
  k.m.flags[src] = k.m.flags[src]! & ~PG_COPYING;
  if (l.written[i] || writtenInWindow(k, l, i, roundNs)) {
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

/**
 * The rate engine's write check: the draws of the page's law in the round, the window's share of
 * them (draws assumed even over the round), and 1 - e^(-p w D) for those D. The exact engine saw
 * every write (tpmWrite), so this is false there.
 */
function writtenInWindow(k: Kernel, l: TpmList, i: number, roundNs: number): boolean {
  if (k.refs === null || !(roundNs > 0)) return false;
  const v = l.vpage[i]!;
  const share = Math.min(1, (l.endNs[i]! - l.startNs[i]!) / roundNs);
  return k.refs.writtenIn(k, v, (k.refs.drawCount(k, v) - l.drawn0[i]!) * share);
}

function freeCopy(k: Kernel, dst: number): void {
  putFreeFrame(k.m, dst);
  count(k, pageToNid(k.m, dst), STAT.pgfree);
}
