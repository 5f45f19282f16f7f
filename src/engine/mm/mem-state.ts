// All per-page state of a simulated machine, as typed arrays sized once (structure of arrays):
// page frames (pfn-indexed) and the page table (global vpage-indexed). 23 bytes per frame, 27 with the rate
// engine's touch marks, one more with the multi-gen LRU; the free lists are kept per pageblock (free-area.ts), under 0.05 bytes a frame.
import type { MachineLayout } from '../machine/types.ts';
import {
  createFreeArea,
  freeToBlock,
  MIGRATE_ISOLATE,
  MIGRATE_MOVABLE,
  pageblockOf,
  type FreeArea,
  type Migratetype,
} from './free-area.ts';
import { rmqueueFallback, rmqueueSmallest } from './rmqueue.ts';
import { NR_LRU_LISTS } from './page-flags.ts';
import type { LruGen } from './lru-gen.ts';

/**
 * page_to_nid(): the node whose range [nodeStart[n], nodeEnd[n]) holds pfn. The kernel keeps
 * the node in page->flags; here the few nodes' ranges answer it, from node 0 up (an empty node's
 * range is empty, so the scan passes over it), and the flags keep their bits for PG state.
 */
export function pageToNid(m: MemState, pfn: number): number {
  const end = m.nodeEnd;
  let n = 0;
  while (pfn >= end[n]!) n++;
  return n;
}

/** The lowest pfn pageToNid() gives node n: the end of the node below (a hole between goes up). */
export function nodeFirstPfn(m: MemState, n: number): number {
  return n === 0 ? 0 : m.nodeEnd[n - 1]!;
}

/**
 * page_memcg(): the cgroup a frame is charged to. With no cgroups every frame is the root's (0),
 * and the per-frame byte is not read: a miss saved on every LRU add and unlink.
 */
export function pageMemcg(m: MemState, pfn: number): number {
  return m.nrMemcgs === 1 ? 0 : m.memcg[pfn]!;
}

/** End of a list / no frame / no owner. */
export const NIL = 0xffffffff;
/**
 * A page-table entry is 0 (never touched), pfn + 1 (present), SWAPPED (on the swap device only), or
 * SWAPPED + pfn + 1 (swapped out, its copy in the swap cache in frame pfn: swap-state.ts).
 */
export const PTE_NONE = 0;
export const PTE_SWAPPED = 0x80000000;

export interface MemState {
  nrNodes: number;
  nrFrames: number;
  /**
   * First pfn of each node; node n spans layout.spannedPages[n] frames from there, all managed
   * unless memory hot-plug has part of it offline (memory-hotplug.ts).
   */
  nodeStart: Uint32Array;
  /** nodeStart[n] + spanned pages: where node n's frames end (pageToNid's bounds), online or not. */
  nodeEnd: Uint32Array;
  managedPages: Uint32Array;
  // Per frame.
  /** PG bits (page-flags.ts); the node is not among them: pageToNid() finds it from nodeStart. */
  flags: Uint16Array;
  lruNext: Uint32Array;
  lruPrev: Uint32Array;
  /** The vpage mapping this frame (reverse map), NIL when free. */
  owner: Uint32Array;
  /**
   * The memory cgroup the page is charged to (folio_memcg), 0 for the root: which lruvec it is on.
   * Set where a frame gets its owner, before lruAdd; a migration carries it (mem_cgroup_migrate).
   */
  memcg: Uint8Array;
  /** NUMA-balancing scan time (ms) for slow-tier pages, or the last faulting node + 1 (mode 1). */
  stamp: Uint32Array;
  /** When the page last moved between tiers (ms): how ping-pong is told from ordinary moves. */
  migratedAt: Uint32Array;
  /**
   * Rate engine only (empty otherwise): the draw count of the page's workload when its accessed
   * and dirty bits were last settled. Float32 keeps a frame at 26 bytes; its rounding (1 part in
   * 2^24) only matters for a page looked at again within ~1e-7 of its workload's draws.
   */
  touchMark: Float32Array;
  // Per node.
  /** Free frames by pageblock, migratetype and order; freed frames are chained through lruNext. */
  area: FreeArea;
  nrFree: Float64Array;
  /**
   * Memory cgroups, the root (0) included: the lists below are per lruvec, one per memcg and node
   * (mem_cgroup_lruvec), indexed by lruvec (memcg * nrNodes + node) * NR_LRU_LISTS + lru.
   */
  nrMemcgs: number;
  /** LRU lists per lruvec. Head is the newest page, tail the oldest. */
  lruHead: Uint32Array;
  lruTail: Uint32Array;
  lruSize: Float64Array;
  /** Per node and lru (node * NR_LRU_LISTS + lru): the node's pages over all its lruvecs (node_page_state). */
  nodeLruSize: Float64Array;
  nrDirty: Float64Array;
  /** The multi-gen LRU (lru_gen_enabled, set up by sim/setup.ts), one byte a frame; null: two lists. */
  lrugen: LruGen | null;
  // Per virtual page.
  pte: Uint32Array;
}

export function createMemState(
  layout: MachineLayout,
  nrVpages: number,
  pageSize: number,
  touchMarks = false,
  nrMemcgs = 1,
): MemState {
  const nrNodes = layout.managedPages.length;
  const managedPages = Uint32Array.from(layout.managedPages);
  // Sized for every page a node can have; hot-pluggable memory starts offline (isolated).
  const spanned = Uint32Array.from(layout.spannedPages);
  const nodeStart = new Uint32Array(nrNodes);
  let nrFrames = 0;
  for (let n = 0; n < nrNodes; n++) {
    nodeStart[n] = nrFrames;
    nrFrames += spanned[n]!;
  }
  if (nrFrames >= PTE_SWAPPED - 1) throw new Error(`machine too large: ${nrFrames} page frames`);
  const flags = new Uint16Array(nrFrames);
  return {
    nrNodes,
    nrFrames,
    nodeStart,
    nodeEnd: nodeStart.map((s, n) => s + spanned[n]!),
    managedPages,
    flags,
    lruNext: new Uint32Array(nrFrames),
    lruPrev: new Uint32Array(nrFrames),
    owner: new Uint32Array(nrFrames).fill(NIL),
    memcg: new Uint8Array(nrFrames),
    stamp: new Uint32Array(nrFrames),
    migratedAt: new Uint32Array(nrFrames),
    touchMark: new Float32Array(touchMarks ? nrFrames : 0),
    area: createFreeArea(spanned, pageSize, managedPages),
    nrFree: Float64Array.from(layout.managedPages),
    nrMemcgs,
    lruHead: new Uint32Array(nrMemcgs * nrNodes * NR_LRU_LISTS).fill(NIL),
    lruTail: new Uint32Array(nrMemcgs * nrNodes * NR_LRU_LISTS).fill(NIL),
    lruSize: new Float64Array(nrMemcgs * nrNodes * NR_LRU_LISTS),
    nodeLruSize: new Float64Array(nrNodes * NR_LRU_LISTS),
    nrDirty: new Float64Array(nrNodes),
    lrugen: null,
    pte: new Uint32Array(nrVpages),
  };
}

/**
 * __rmqueue(): takes a free frame of migratetype mt from node n, or returns NIL. The caller checks
 * watermarks first (and boosts them when the take fragmented: area.nrFragmenting went up).
 */
export function takeFreeFrame(m: MemState, n: number, mt: Migratetype = MIGRATE_MOVABLE): number {
  let pfn = rmqueueSmallest(m, n, mt);
  if (pfn === NIL) pfn = rmqueueFallback(m, n, mt);
  if (pfn === NIL) return NIL;
  m.nrFree[n]!--;
  return pfn;
}

/**
 * Returns a frame that held a page of type mt to its pageblock's free pages.
 * Postcondition: flags cleared, no owner; counted free unless its block is isolated.
 */
export function putFreeFrame(m: MemState, pfn: number, mt: Migratetype = MIGRATE_MOVABLE): void {
  const n = pageToNid(m, pfn);
  m.flags[pfn] = 0;
  m.owner[pfn] = NIL;
  if (m.lrugen) m.lrugen.genFlags[pfn] = 0;
  m.memcg[pfn] = 0;
  const b = pageblockOf(m.area, m.nodeStart[n]!, n, pfn);
  freeToBlock(m.area, m.lruNext, n, b, pfn, mt);
  if (m.area.type[b] !== MIGRATE_ISOLATE) m.nrFree[n]!++;
}
