// The split itself (htmm_core.c, htmm_migrater.c): kmigrated's LRU walks after a cooling or a
// threshold change queue the THPs check_split_huge_page picks (deferred_split_huge_page_for_htmm),
// and at its next wake-up deferred_split_scan_for_htmm splits up to 50 of its node's queued THPs
// through the kernel's split_huge_page (thp_split_page). Each subpage then is a base page with its
// own count (the tail pages' pginfo copied into the PTEs, __split_huge_pmd_locked) and its own bin
// in hotness_hg, so the next passes promote the hot subpages and demote the cold ones.
import { STAT } from '../../../shared/vmstat.ts';
import { isThpHead } from '../../mm/folio.ts';
import { splitHugePage } from '../../mm/huge-memory.ts';
import { count, type Kernel } from '../../mm/kernel.ts';
import { NIL, PTE_SWAPPED, pageToNid } from '../../mm/mem-state.ts';
import { PG } from '../../mm/page-flags.ts';
import { getIdx } from './bins.ts';
import type { Hotness } from './hotness.ts';
import { checkSplitHugePage } from './split.ts';

/** deferred_split_scan_for_htmm()'s nr_max: THPs split a wake-up (100 MB). */
export const SPLIT_MAX_PER_SCAN = 50;

/** The head frame of the THP mapping huge range r now, or NIL. */
export function thpHeadOfRange(k: Kernel, h: Hotness, r: number): number {
  const v0 = r * h.thp.nr;
  const e = k.m.pte[v0];
  if (e === undefined || e === 0 || e >= PTE_SWAPPED) return NIL;
  const pfn = e - 1;
  return k.m.owner[pfn] === v0 && isThpHead(k.m, pfn) ? pfn : NIL;
}

/**
 * The adjusting/cooling walk's check of each THP on an anon LRU of `node`: queues those
 * check_split_huge_page picks. Counts thp_deferred_split_page (memtis counts the queueing so, and in
 * htmm_missed_dramread/nvmread). Returns the THPs looked at.
 */
export function queueSplits(k: Kernel, h: Hotness, node: number): number {
  const t = h.thp;
  if (!h.split.enabled || h.split.splitThreshold === 0) return 0;
  let looked = 0;
  for (let r = 0; r < t.queued.length; r++) {
    if (t.queued[r]) continue;
    const head = thpHeadOfRange(k, h, r);
    if (head === NIL || pageToNid(k.m, head) !== node) continue;
    const fl = k.m.flags[head]!;
    if (!(fl & PG.lru) || fl & PG.file) continue;
    looked++;
    if (!checkSplitHugePage(h.split, t.skewIdx[r]!, t.nr)) continue;
    t.queued[r] = 1;
  }
  return looked;
}

/**
 * deferred_split_scan_for_htmm() for `node`: splits up to SPLIT_MAX_PER_SCAN of its queued THPs, in
 * queue (here vpage) order; a queued range that is no THP any more leaves the queue. Moves each
 * split THP's 512 pages out of its bin in hotness_hg and each subpage into its own. Returns the splits.
 */
export function splitQueued(k: Kernel, h: Hotness, node: number): number {
  const t = h.thp;
  let split = 0;
  for (let r = 0; r < t.queued.length && split < SPLIT_MAX_PER_SCAN; r++) {
    if (!t.queued[r]) continue;
    const head = thpHeadOfRange(k, h, r);
    if (head === NIL) {
      t.queued[r] = 0;
      continue;
    }
    if (pageToNid(k.m, head) !== node || !(k.m.flags[head]! & PG.lru)) continue;
    t.queued[r] = 0;
    splitHugePage(k, head);
    h.hg[t.idx[r]!] = Math.max(0, h.hg[t.idx[r]!]! - t.nr);
    for (let v = r * t.nr, end = v + t.nr; v < end; v++) h.hg[getIdx(h.totalAccesses[v]!)]!++;
    count(k, node, STAT.htmm_nr_split);
    split++;
  }
  if (split > 0) h.split.splitHappen = true;
  return split;
}
