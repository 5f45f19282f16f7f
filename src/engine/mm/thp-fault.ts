// The THP fault (do_huge_pmd_anonymous_page / __do_huge_pmd_anonymous_page): a first touch in an
// anonymous VMA that may have huge pages (transparent_hugepage "always", or "madvise" and the
// workload's MADV_HUGEPAGE) whose whole aligned PMD range is still unpopulated takes a 2 MiB folio
// as thp-alloc.ts finds one (the defrag setting decides whether it may compact and reclaim for it);
// otherwise it falls back to a base page.
// Worked example (4 KiB pages): a 6 MiB usemem VMA starting at vpage 300 covers PMD ranges
// [512, 1024) and [1024, 1536) whole; vpages 300..511 and 1536..1835 only ever get base pages.
import { STAT } from '../../shared/vmstat.ts';
import { FAULT_BASE_NS } from './costs.ts';
import { accountResident, count, type Kernel } from './kernel.ts';
import { faultAddLru } from './lru.ts';
import { NIL, PTE_NONE, pageToNid } from './mem-state.ts';
import { PG, WRITE_BITS } from './page-flags.ts';
import type { AllocPolicy } from './page-alloc.ts';
import { allocHugePage } from './thp-alloc.ts';
import { vmaThpGfpMask } from './thp-gfp.ts';
import { NOT_MAPPED, pageMoved } from './reference-model.ts';
import { findVma } from './vma.ts';
import { memcgCharged, memcgMargin } from './memcontrol.ts';

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
  const r = findVma(k.vmas, vpage);
  // mem_cgroup_charge() of the folio failing falls back too (THP_FAULT_FALLBACK_CHARGE). We let a
  // THP charge only within the cgroup's margin: the kernel's THP gfp mostly forbids or limits the
  // reclaim a charge would need (__GFP_NORETRY unless the VMA is madvised).
  const head =
    memcgMargin(k, memcg) >= m.area.pageblockNr
      ? allocHugePage(k, p, vmaThpGfpMask(k.knobs.transparent_hugepage_defrag, k.thpMadvised[r] === 1))
      : NIL;
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
  faultAddLru(m, head);
  memcgCharged(k, memcg, nr);
  for (let v = start; v < start + nr; v++) {
    m.pte[v] = head + 1;
    accountResident(k, v, node, 1);
    pageMoved(k, v, NOT_MAPPED, node);
  }
  return head;
}
