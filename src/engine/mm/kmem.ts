// Kernel memory that user work causes: page-table pages (one PTE page per 512 mapped pages,
// unmovable: nr_page_table_pages) and the reclaimable slab behind the page cache (xarray nodes:
// nr_slab_reclaimable). They are the unmovable and reclaimable allocations that make pageblock
// fallbacks happen. Modelled at 4 KiB pages only: at larger pages a 4 KiB kernel page is a
// fraction of a frame.
import { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE } from './free-area.ts';
import type { Kernel } from './kernel.ts';
import { NIL, putFreeFrame, pageToNid } from './mem-state.ts';
import { allocPage, makeAllocPolicy, type AllocPolicy } from './page-alloc.ts';
import { findVma } from './vma.ts';

/** PTRS_PER_PTE: PTEs in one 4 KiB page-table page, so one per 2 MiB of mapped address space. */
export const PTRS_PER_PTE = 512;
/** XA_CHUNK_SIZE: page-cache slots in one xarray node. */
export const XA_CHUNK_SIZE = 64;
/**
 * radix_tree_node objects per 4 KiB slab page: 576-byte objects, 28 to a 4-page slab in slabinfo
 * (SLUB, x86-64). Dense caching then needs a slab page per 448 page-cache pages; the upper levels
 * (1/64 of that) and dentries/inodes (per file, which the model has no notion of) are left out.
 */
export const XA_NODES_PER_SLAB_PAGE = 7;

export interface KernelMemory {
  /** Page-table and slab pages exist only at 4 KiB pages (see the header). */
  enabled: boolean;
  /**
   * Per 512-vpage chunk of the global vpage space: its PTE page's pfn, or NIL. Workloads' regions
   * are laid end to end unaligned, so a chunk across two regions shares one PTE page.
   */
  pteTable: Uint32Array;
  /** Per workload: its page-cache pages, its xarray slab pages and the top of their stack (via lruNext). */
  cached: Float64Array;
  slabPages: Float64Array;
  slabTop: Uint32Array;
  /** Per node gauges. */
  nrPageTablePages: Float64Array;
  nrSlabReclaimable: Float64Array;
  /** The region of the last page-cache lookup: a stream stays in one file for many pages. */
  lastVma: number;
  /**
   * Wu's patches 11-12 ("allocate page table pages from DRAM"): per CPU node, the policy PTE pages
   * are allocated with, bound to the DRAM nodes whatever the task's own policy; null in mainline,
   * where a PTE page follows the task's policy like its other pages (alloc_pages, get_task_policy).
   */
  pgtablePolicy: AllocPolicy[] | null;
}

export function createKernelMemory(
  pageSize: number,
  nrVpages: number,
  nrGroups: number,
  nrNodes: number,
  dramNodes: number[] | null = null,
): KernelMemory {
  const enabled = pageSize === 4096;
  return {
    enabled,
    pteTable: new Uint32Array(enabled ? Math.ceil(nrVpages / PTRS_PER_PTE) : 0).fill(NIL),
    cached: new Float64Array(nrGroups),
    slabPages: new Float64Array(nrGroups),
    slabTop: new Uint32Array(nrGroups).fill(NIL),
    nrPageTablePages: new Float64Array(nrNodes),
    nrSlabReclaimable: new Float64Array(nrNodes),
    lastVma: 0,
    pgtablePolicy: dramNodes?.length
      ? Array.from({ length: nrNodes }, (_, cpuNode) =>
          makeAllocPolicy(nrNodes, cpuNode, { mode: 'bind', nodes: dramNodes, flags: [] }),
        )
      : null,
  };
}

/**
 * pte_alloc() before a fault maps vpage: allocates its PTE page (unmovable, with the task's
 * policy, or in DRAM under Wu's series) if the chunk has none. Returns false if that allocation
 * failed for good.
 */
export function pteAlloc(
  k: Kernel,
  policy: AllocPolicy,
  vpage: number,
  isCurrentKilled: () => boolean,
): boolean {
  const km = k.kmem;
  if (!km.enabled) return true;
  const chunk = Math.floor(vpage / PTRS_PER_PTE);
  if (km.pteTable[chunk] !== NIL) return true;
  const p = km.pgtablePolicy?.[policy.localNode] ?? policy;
  const pfn = allocPage(k, p, isCurrentKilled, MIGRATE_UNMOVABLE);
  if (pfn === NIL) return false;
  km.pteTable[chunk] = pfn;
  km.nrPageTablePages[pageToNid(k.m, pfn)]!++;
  k.sampler?.pteAllocated(k, chunk * PTRS_PER_PTE);
  return true;
}

/** free_pgtables() at exit: frees the PTE pages of a workload's anonymous regions. */
export function freePgtables(k: Kernel, group: number): void {
  const km = k.kmem;
  if (!km.enabled) return;
  const v = k.vmas;
  for (let r = 0; r < v.base.length; r++) {
    if (v.group[r] !== group || v.file[r] || v.pages[r] === 0) continue;
    const last = Math.floor((v.base[r]! + v.pages[r]! - 1) / PTRS_PER_PTE);
    for (let c = Math.floor(v.base[r]! / PTRS_PER_PTE); c <= last; c++) {
      const pfn = km.pteTable[c]!;
      if (pfn === NIL) continue;
      km.nrPageTablePages[pageToNid(k.m, pfn)]!--;
      putFreeFrame(k.m, pfn, MIGRATE_UNMOVABLE);
      km.pteTable[c] = NIL;
    }
  }
}

/** Page-cache pages one xarray slab page covers: ceil(ceil(c / 64) / 7) pages hold c cached pages. */
const CACHED_PER_SLAB_PAGE = XA_CHUNK_SIZE * XA_NODES_PER_SLAB_PAGE;

/** The workload of page-cache page vpage (groupOf, with a one-region cache). */
function fileGroup(k: Kernel, vpage: number): number {
  const v = k.vmas;
  let r = k.kmem.lastVma;
  if (!(vpage >= v.base[r]! && vpage < v.base[r]! + v.pages[r]!)) k.kmem.lastVma = r = findVma(v, vpage);
  return v.group[r]!;
}

/**
 * The xarray side of adding a page-cache page of vpage's workload: a new slab page (reclaimable,
 * with the task's policy) when its nodes need one. Returns false if that allocation failed for good.
 */
export function pageCacheAdded(
  k: Kernel,
  policy: AllocPolicy,
  vpage: number,
  isCurrentKilled: () => boolean,
): boolean {
  const km = k.kmem;
  if (!km.enabled) return true;
  const g = fileGroup(k, vpage);
  km.cached[g]!++;
  if (km.slabPages[g]! * CACHED_PER_SLAB_PAGE >= km.cached[g]!) return true;
  const pfn = allocPage(k, policy, isCurrentKilled, MIGRATE_RECLAIMABLE);
  if (pfn === NIL) return false;
  k.m.lruNext[pfn] = km.slabTop[g]!;
  km.slabTop[g] = pfn;
  km.slabPages[g]!++;
  km.nrSlabReclaimable[pageToNid(k.m, pfn)]!++;
  return true;
}

/**
 * The xarray side of evicting a page-cache page: its node is freed once empty, taken here as at
 * once (the shadow entries that workingset keeps in it, and their shrinker, are not modelled).
 */
export function pageCacheDeleted(k: Kernel, vpage: number): void {
  const km = k.kmem;
  if (!km.enabled) return;
  const g = fileGroup(k, vpage);
  km.cached[g]!--;
  if ((km.slabPages[g]! - 1) * CACHED_PER_SLAB_PAGE < km.cached[g]!) return;
  const pfn = km.slabTop[g]!;
  km.slabTop[g] = k.m.lruNext[pfn]!;
  km.slabPages[g]!--;
  km.nrSlabReclaimable[pageToNid(k.m, pfn)]!--;
  putFreeFrame(k.m, pfn, MIGRATE_RECLAIMABLE);
}
