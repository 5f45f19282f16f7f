// The page-fault and page-cache paths a task's reference can take when its page is not mapped:
// do_anonymous_page (zero-filled anon), do_swap_page (swap-in.ts), and a page-cache miss on read()
// (filemap_read). Costs go to k.chargedNs.
import { STAT } from '../../shared/vmstat.ts';
import { FAULT_BASE_NS, FILE_READ_PAGE_NS } from './costs.ts';
import { count, mapPage, type Kernel } from './kernel.ts';
import { faultAddLru, lruGenMarkAccessed, lruMove, pageCacheAddLru } from './lru.ts';
import { pageCacheAdded, pageCacheDeleted, pteAlloc } from './kmem.ts';
import { NIL, PTE_SWAPPED, pageToNid } from './mem-state.ts';
import { doSwapPage } from './swap-in.ts';
import { doHugePmdAnonymousPage } from './thp-fault.ts';
import { allocPage, type AllocPolicy } from './page-alloc.ts';
import { PG, WRITE_BITS } from './page-flags.ts';
import {
  memcgCharged,
  memcgCountFault,
  memcgHandleOverHigh,
  memcgOfVpage,
  memcgTryCharge,
} from './memcontrol.ts';

/**
 * Faults in `vpage` for a task. Returns the new pfn, or NIL if the allocation failed for good
 * (the task is being OOM-killed). Postcondition on success: PTE present, page on the inactive LRU.
 */
export function handleFault(
  k: Kernel,
  policy: AllocPolicy,
  vpage: number,
  write: boolean,
  file: boolean,
  isCurrentKilled: () => boolean,
): number {
  const m = k.m;
  const local = policy.localNode;
  const memcg = memcgOfVpage(k, vpage);
  if (!file) {
    count(k, local, STAT.pgfault);
    memcgCountFault(k, memcg);
  }
  // A swapped page's PTE page is there already: the swap entry lives in it.
  if (m.pte[vpage]! >= PTE_SWAPPED)
    return returnToUser(k, local, doSwapPage(k, policy, vpage, write, isCurrentKilled));
  // Kernel memory first, as pte_alloc() comes before the anon page; the xarray node is taken
  // before the page-cache page here, so that a failed allocation leaves nothing half mapped.
  if (
    file ? !pageCacheAdded(k, policy, vpage, isCurrentKilled) : !pteAlloc(k, policy, vpage, isCurrentKilled)
  )
    return NIL;
  if (!file) {
    const head = doHugePmdAnonymousPage(k, policy, vpage, write, memcg);
    if (head !== NIL) return returnToUser(k, local, head);
  }
  // mem_cgroup_charge() (before the allocation here: a charge that fails leaves no page to free).
  const charged = memcgTryCharge(k, memcg, 1, local, isCurrentKilled);
  const pfn = charged ? allocPage(k, policy, isCurrentKilled) : NIL;
  if (pfn === NIL) {
    if (file) pageCacheDeleted(k, vpage);
    return NIL;
  }
  const node = pageToNid(m, pfn);
  let flags: number = PG.young | (write ? WRITE_BITS : 0);
  if (file) {
    // Read from storage into the page cache; mark_page_accessed() sets PG_referenced on first use.
    flags = PG.file | PG.referenced;
    k.chargedNs += FILE_READ_PAGE_NS;
    count(k, local, STAT.pgpgin, k.pageSize / 1024);
    k.traffic[node * 2 + 1]! += k.pageSize; // the device writes the page into memory (DMA)
  } else {
    // Zeroing the new page writes it once at the node's write bandwidth (GB/s = bytes/ns).
    k.chargedNs += FAULT_BASE_NS + k.pageSize / k.machine.nodes[node]!.writeBandwidthGBps;
    k.traffic[node * 2 + 1]! += k.pageSize;
  }
  m.flags[pfn] = flags;
  m.owner[pfn] = vpage;
  m.memcg[pfn] = memcg;
  m.stamp[pfn] = 0;
  m.migratedAt[pfn] = 0;
  if (file) pageCacheAddLru(m, pfn);
  else faultAddLru(m, pfn);
  mapPage(k, vpage, pfn);
  memcgCharged(k, memcg, 1);
  return returnToUser(k, local, pfn);
}

/** The fault returns to user space: mem_cgroup_handle_over_high() runs first (resume_user_mode_work). */
function returnToUser(k: Kernel, local: number, pfn: number): number {
  if (pfn !== NIL) memcgHandleOverHigh(k, local);
  return pfn;
}

/**
 * mark_page_accessed() for a page-cache page read with read(): inactive,unreferenced ->
 * inactive,referenced -> active,unreferenced -> active,referenced (PG_referenced is the first step).
 * Under MGLRU the accesses count in the folio's refs instead (and PG_idle stays, as the kernel leaves it).
 */
export function markPageAccessed(k: Kernel, pfn: number, node: number): void {
  if (lruGenMarkAccessed(k.m, pfn)) return;
  const fl = k.m.flags[pfn]! & ~PG.idle; // folio_mark_accessed also clears PG_idle
  k.m.flags[pfn] = fl;
  if (!(fl & PG.referenced)) {
    k.m.flags[pfn] = fl | PG.referenced;
  } else if (!(fl & PG.active) && fl & PG.lru) {
    lruMove(k.m, pfn, PG.active, PG.referenced);
    count(k, node, STAT.pgactivate);
  }
}
