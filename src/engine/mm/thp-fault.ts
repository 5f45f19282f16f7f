// The THP fault (do_huge_pmd_anonymous_page / __do_huge_pmd_anonymous_page): a first touch in an
// anonymous VMA that may have huge pages (transparent_hugepage "always", or "madvise" and the
// workload's MADV_HUGEPAGE) whose whole aligned PMD range is still unpopulated takes a 2 MiB folio
// when a node of its zonelist has a free pageblock; otherwise it falls back to a base page.
// Worked example (4 KiB pages): a 6 MiB usemem VMA starting at vpage 300 covers PMD ranges
// [512, 1024) and [1024, 1536) whole; vpages 300..511 and 1536..1835 only ever get base pages.
import { STAT } from '../../shared/vmstat.ts';
import { FAULT_BASE_NS } from './costs.ts';
import { accountResident, count, type Kernel } from './kernel.ts';
import { findWholeFreeBlock, takeWholeBlock } from './free-area.ts';
import { lruAdd } from './lru.ts';
import { NIL, PTE_NONE, pageToNid } from './mem-state.ts';
import { PG, WRITE_BITS } from './page-flags.ts';
import { zoneStatistics, type AllocPolicy } from './page-alloc.ts';
import { NOT_MAPPED, pageMoved } from './reference-model.ts';
import { findVma } from './vma.ts';
import { WMARK_LOW, WMARK_MIN, wmarkPages } from './watermark.ts';
import { memcgCharged, memcgMargin } from './memcontrol.ts';

/**
 * A whole free pageblock of node n as one THP, if an order-9 allocation passes zone_watermark_ok()
 * at mark `which` (free pages less the 2^9 - 1 it takes must stay above the mark). Returns the head
 * pfn or NIL. Postcondition on success: the block is compound, its frames off every free list.
 */
export function allocHugeOnNode(k: Kernel, n: number, which: number): number {
  const m = k.m;
  const a = m.area;
  if (a.pageblockOrder === 0) return NIL;
  if (m.nrFree[n]! - (a.pageblockNr - 1) <= wmarkPages(k, n, which)) return NIL;
  const b = findWholeFreeBlock(a, n);
  if (b < 0) return NIL;
  takeWholeBlock(a, n, b);
  m.nrFree[n]! -= a.pageblockNr;
  return m.nodeStart[n]! + (b - a.blockStart[n]!) * a.pageblockNr;
}

/** The first vpage of vpage's PMD range if a THP may map it (thp_vma_suitable_order), else -1. */
function hugeRangeOf(k: Kernel, vpage: number): number {
  const nr = k.m.area.pageblockNr;
  if (nr <= 1) return -1;
  const r = findVma(k.vmas, vpage);
  if (!k.thpAllowed[r]) return -1;
  const start = vpage - (vpage % nr);
  const base = k.vmas.base[r]!;
  if (start < base || start + nr > base + k.vmas.pages[r]!) return -1;
  // pmd_none(): a PTE table exists as soon as one page of the range is mapped or swapped.
  for (let v = start; v < start + nr; v++) if (k.m.pte[v] !== PTE_NONE) return -1;
  return start;
}

/**
 * vma_alloc_folio() at HPAGE_PMD_ORDER with the task's mempolicy and GFP_TRANSHUGE_LIGHT: the
 * zonelist at WMARK_LOW, then the slow path's one more pass at WMARK_MIN; no kswapd wake-up
 * (no __GFP_KSWAPD_RECLAIM), no direct reclaim or compaction (the defrag knob is not modelled).
 */
function allocHugePage(k: Kernel, p: AllocPolicy): number {
  let preferred = p.localNode;
  if (p.mode === 'preferred') preferred = p.nodes[0]!;
  else if (p.mode === 'interleave') preferred = p.nodes[p.ilNext++ % p.nodes.length]!;
  const allowed = p.allowed;
  if (allowed && !allowed[preferred]) preferred = allowed.indexOf(1);
  for (const which of HUGE_FAULT_MARKS) {
    for (const n of k.layout.zonelist[preferred]!) {
      if (allowed && !allowed[n]) continue;
      const head = allocHugeOnNode(k, n, which);
      if (head === NIL) continue;
      zoneStatistics(k, preferred, n, p.localNode, k.m.area.pageblockNr);
      return head;
    }
  }
  return NIL;
}

/** The fast path's mark, then __alloc_pages_slowpath's (gfp_to_alloc_flags: ALLOC_WMARK_MIN). */
const HUGE_FAULT_MARKS = [WMARK_LOW, WMARK_MIN] as const;

/**
 * do_huge_pmd_anonymous_page(): maps a zeroed THP over vpage's PMD range and returns its head, or
 * NIL to fall back to a base page (counted as thp_fault_fallback when the VMA could have had one).
 * The PTE page pte_alloc() took is the table deposited for a later split (pgtable_trans_huge_deposit).
 */
export function doHugePmdAnonymousPage(
  k: Kernel,
  p: AllocPolicy,
  vpage: number,
  write: boolean,
  memcg = 0,
): number {
  const start = hugeRangeOf(k, vpage);
  if (start < 0) return NIL;
  const m = k.m;
  const local = p.localNode;
  // mem_cgroup_charge() of the folio failing falls back too (THP_FAULT_FALLBACK_CHARGE). We let a
  // THP charge only within the cgroup's margin: the kernel's THP gfp mostly forbids or limits the
  // reclaim a charge would need (__GFP_NORETRY unless the VMA is madvised).
  const head = memcgMargin(k, memcg) >= m.area.pageblockNr ? allocHugePage(k, p) : NIL;
  if (head === NIL) {
    count(k, local, STAT.thp_fault_fallback);
    return NIL;
  }
  count(k, local, STAT.thp_fault_alloc);
  const node = pageToNid(m, head);
  const nr = m.area.pageblockNr;
  // clear_huge_page(): zeroing writes all of it once at the node's write bandwidth.
  k.chargedNs += FAULT_BASE_NS + (nr * k.pageSize) / k.machine.nodes[node]!.writeBandwidthGBps;
  k.traffic[node * 2 + 1]! += nr * k.pageSize;
  m.flags[head] = PG.young | (write ? WRITE_BITS : 0);
  m.owner[head] = start;
  m.memcg[head] = memcg;
  m.stamp[head] = 0;
  m.migratedAt[head] = 0;
  lruAdd(m, head);
  memcgCharged(k, memcg, nr);
  for (let v = start; v < start + nr; v++) {
    m.pte[v] = head + 1;
    accountResident(k, v, node, 1);
    pageMoved(k, v, NOT_MAPPED, node);
  }
  return head;
}
