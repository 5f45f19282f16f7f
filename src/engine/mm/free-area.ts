// The buddy allocator's free lists kept at pageblock granularity (mm/page_alloc.c): each pageblock
// (2 MiB, order 9 at 4 KiB pages) has a migratetype and a count of free pages, and sits on its
// node's list for that migratetype and its "order", so __rmqueue_smallest and __rmqueue_fallback
// make the kernel's choices without per-frame state. Worked example, 4 KiB pages: a fresh node's
// pageblocks are all MIGRATE_MOVABLE and free (order 9). The first page-table page finds no
// unmovable free page, falls back to the largest free movable chunk, a whole pageblock, and takes
// it over (change_pageblock_range: no fragmentation, no boost). Once no free pageblock is left, an
// unmovable page taken from a half-used movable block is a fragmenting fallback: the zone's
// watermark is boosted (boost_watermark) and the block's free pages go to the unmovable lists.

/** enum migratetype (include/linux/mmzone.h), in the kernel's order. */
export const MIGRATE_UNMOVABLE = 0;
export const MIGRATE_MOVABLE = 1;
export const MIGRATE_RECLAIMABLE = 2;
export const MIGRATE_TYPES = 3;
export type Migratetype = 0 | 1 | 2;
/**
 * MIGRATE_ISOLATE: a pageblock on no free list, as start_isolate_page_range() leaves memory being
 * offlined and as memory not yet onlined starts (move_pfn_range_to_zone(..., MIGRATE_ISOLATE)).
 * Its free pages are not the zone's free pages; only memory-hotplug.ts sets it.
 */
export const MIGRATE_ISOLATE = 3;

const NIL = 0xffffffff;

/**
 * Per-pageblock and per-node free-list state. A block's "order" stands for its largest free buddy
 * chunk: pageblockOrder when the whole block is free, else floor(log2(free pages)), the largest
 * chunk its free pages could form. Searching orders the kernel's way (largest first for fallbacks,
 * smallest first within a type) then picks fullest blocks first and whole blocks last, which is
 * what "this roughly approximates finding the pageblock with the most free pages" means there.
 */
export interface FreeArea {
  /** pageblock_order: 9 at 4 KiB pages (2 MiB blocks); 0 at pages of 2 MiB and more. */
  pageblockOrder: number;
  /** pageblock_nr_pages. */
  pageblockNr: number;
  /** First block index of each node (blocks never straddle nodes; a node's last one may be short). */
  blockStart: Uint32Array;
  // Per pageblock.
  /** get_pageblock_migratetype(). */
  type: Uint8Array;
  /** Free pages in the block. */
  nrFree: Uint16Array;
  /** Allocated pages that are movable (on an LRU): move_freepages_block's movable_pages. */
  nrMovable: Uint16Array;
  /** Frames at the block's end never handed out yet: the next is first + bumped. */
  bumped: Uint16Array;
  /** Freed frames of the block, chained through MemState.lruNext (LIFO: cache-warm first). */
  freeHead: Uint32Array;
  next: Uint32Array;
  prev: Uint32Array;
  // Per node, migratetype and order: index (node * MIGRATE_TYPES + mt) * nrOrders + order.
  nrOrders: number;
  listHead: Uint32Array;
  /** Blocks on each list: with order pageblockOrder, the free pageblocks (huge pages to be had). */
  nrBlocks: Uint32Array;
  /** Per node and migratetype: bit o set while that order's list is not empty. */
  orderMask: Uint32Array;
  /**
   * Per node and migratetype: a block whose free pages steal_suitable_fallback moved to this type's
   * lists without claiming the block; this type allocates from it before falling back again.
   */
  borrowed: Uint32Array;
  /** Per node: fallbacks from a partly used pageblock (the ones that boost the watermark). */
  nrFragmenting: Float64Array;
  /** Per pageblock: 1 while the whole block is one transparent huge page (huge-memory.ts). */
  compound: Uint8Array;
  /** Blocks with compound 1: while none is, no frame is a THP head and folio.ts need not look. */
  nrCompound: number;
}

/**
 * `spanned` pages per node get pageblocks; only the first `present` pages of each (all of them when
 * absent) are online and free, the rest is MIGRATE_ISOLATE with no free pages until onlined.
 */
export function createFreeArea(
  spanned: Uint32Array,
  pageSize: number,
  present: Uint32Array = spanned,
): FreeArea {
  const managedPages = spanned;
  const pageblockOrder = Math.max(0, 21 - Math.log2(pageSize));
  const pageblockNr = 2 ** pageblockOrder;
  const nrNodes = managedPages.length;
  const blockStart = new Uint32Array(nrNodes + 1);
  for (let n = 0; n < nrNodes; n++)
    blockStart[n + 1] = blockStart[n]! + Math.ceil(managedPages[n]! / pageblockNr);
  const nrBlocks = blockStart[nrNodes]!;
  const nrOrders = pageblockOrder + 1;
  const lists = nrNodes * MIGRATE_TYPES * nrOrders;
  const a: FreeArea = {
    pageblockOrder,
    pageblockNr,
    blockStart,
    // memmap_init_zone(): every pageblock starts MIGRATE_MOVABLE.
    type: new Uint8Array(nrBlocks).fill(MIGRATE_MOVABLE),
    nrFree: new Uint16Array(nrBlocks),
    nrMovable: new Uint16Array(nrBlocks),
    bumped: new Uint16Array(nrBlocks),
    freeHead: new Uint32Array(nrBlocks).fill(NIL),
    next: new Uint32Array(nrBlocks).fill(NIL),
    prev: new Uint32Array(nrBlocks).fill(NIL),
    nrOrders,
    listHead: new Uint32Array(lists).fill(NIL),
    nrBlocks: new Uint32Array(lists),
    orderMask: new Uint32Array(nrNodes * MIGRATE_TYPES),
    borrowed: new Uint32Array(nrNodes * MIGRATE_TYPES).fill(NIL),
    nrFragmenting: new Float64Array(nrNodes),
    compound: new Uint8Array(nrBlocks),
    nrCompound: 0,
  };
  // Highest block first, so the lists hand out low pfns first.
  for (let n = 0; n < nrNodes; n++) {
    for (let b = blockStart[n + 1]! - 1; b >= blockStart[n]!; b--) {
      if ((b - blockStart[n]!) * pageblockNr >= present[n]!) {
        a.type[b] = MIGRATE_ISOLATE;
        continue;
      }
      a.nrFree[b] = blockSize(a, managedPages, n, b);
      listAdd(a, n, b);
    }
  }
  return a;
}

function blockSize(a: FreeArea, managedPages: Uint32Array, n: number, b: number): number {
  const first = (b - a.blockStart[n]!) * a.pageblockNr;
  return Math.min(a.pageblockNr, managedPages[n]! - first);
}

/** The order `free` pages of a block stand for (see FreeArea); -1 when none is free. */
function orderOfFree(a: FreeArea, free: number): number {
  if (free === 0) return -1;
  if (free === a.pageblockNr) return a.pageblockOrder;
  return Math.min(31 - Math.clz32(free), a.pageblockOrder - 1);
}

export function blockOrder(a: FreeArea, b: number): number {
  return orderOfFree(a, a.nrFree[b]!);
}

function listIndex(a: FreeArea, n: number, mt: number, order: number): number {
  return (n * MIGRATE_TYPES + mt) * a.nrOrders + order;
}

function listAdd(a: FreeArea, n: number, b: number): void {
  const order = blockOrder(a, b);
  if (order < 0 || a.type[b] === MIGRATE_ISOLATE) return;
  const i = listIndex(a, n, a.type[b]!, order);
  const head = a.listHead[i]!;
  a.next[b] = head;
  a.prev[b] = NIL;
  if (head !== NIL) a.prev[head] = b;
  a.listHead[i] = b;
  a.nrBlocks[i]!++;
  a.orderMask[n * MIGRATE_TYPES + a.type[b]!]! |= 1 << order;
}

function listDel(a: FreeArea, n: number, b: number): void {
  const order = blockOrder(a, b);
  if (order < 0 || a.type[b] === MIGRATE_ISOLATE) return;
  const i = listIndex(a, n, a.type[b]!, order);
  const next = a.next[b]!;
  const prev = a.prev[b]!;
  if (prev !== NIL) a.next[prev] = next;
  else a.listHead[i] = next;
  if (next !== NIL) a.prev[next] = prev;
  if (--a.nrBlocks[i]! === 0) a.orderMask[n * MIGRATE_TYPES + a.type[b]!]! &= ~(1 << order);
}

/** set_pageblock_migratetype(), moving the block to the new type's lists. */
export function setPageblockMigratetype(a: FreeArea, n: number, b: number, mt: Migratetype): void {
  listDel(a, n, b);
  a.type[b] = mt;
  listAdd(a, n, b);
}

/** The pageblock holding pfn, a frame of node n (first pfn of n at nodeStart). */
export function pageblockOf(a: FreeArea, nodeStart: number, n: number, pfn: number): number {
  return a.blockStart[n]! + ((pfn - nodeStart) >>> a.pageblockOrder);
}

/** Takes one free frame of block b for an allocation of type mt. `lruNext` chains the block's freed frames. */
export function takeFromBlock(
  a: FreeArea,
  lruNext: Uint32Array,
  nodeStart: number,
  n: number,
  b: number,
  mt: Migratetype,
): number {
  let pfn = a.freeHead[b]!;
  if (pfn !== NIL) a.freeHead[b] = lruNext[pfn]!;
  else pfn = nodeStart + (b - a.blockStart[n]!) * a.pageblockNr + a.bumped[b]!++;
  const free = a.nrFree[b]!;
  if (orderOfFree(a, free) !== orderOfFree(a, free - 1)) {
    listDel(a, n, b);
    a.nrFree[b]!--;
    listAdd(a, n, b);
  } else {
    a.nrFree[b]!--;
  }
  if (mt === MIGRATE_MOVABLE) a.nrMovable[b]!++;
  return pfn;
}

/** Returns frame pfn of block b, which held a page of type mt, to the block's free pages. */
export function freeToBlock(
  a: FreeArea,
  lruNext: Uint32Array,
  n: number,
  b: number,
  pfn: number,
  mt: Migratetype,
): void {
  lruNext[pfn] = a.freeHead[b]!;
  a.freeHead[b] = pfn;
  const free = a.nrFree[b]!;
  if (orderOfFree(a, free) !== orderOfFree(a, free + 1)) {
    listDel(a, n, b);
    a.nrFree[b]!++;
    listAdd(a, n, b);
  } else {
    a.nrFree[b]!++;
  }
  if (mt === MIGRATE_MOVABLE) a.nrMovable[b]!--;
}

/** Wholly free pageblocks of node n: how many huge pages could be had without compaction. */
export function nrFreePageblocks(a: FreeArea, n: number): number {
  let nr = 0;
  for (let mt = 0; mt < MIGRATE_TYPES; mt++)
    nr += a.nrBlocks[(n * MIGRATE_TYPES + mt) * a.nrOrders + a.pageblockOrder]!;
  return nr;
}

/**
 * A wholly free pageblock of node n for an order-pageblock_order allocation: a movable one first
 * (__rmqueue_smallest at that order), else one of another type, taken over outright as
 * __rmqueue_fallback does for a whole block. Returns the block index, or -1 when none is free.
 */
export function findWholeFreeBlock(a: FreeArea, n: number): number {
  const top = a.pageblockOrder;
  const own = a.listHead[listIndex(a, n, MIGRATE_MOVABLE, top)]!;
  if (own !== NIL) return own;
  for (const mt of [MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE]) {
    const b = a.listHead[listIndex(a, n, mt, top)]!;
    if (b !== NIL) return b;
  }
  return -1;
}

/**
 * Takes the whole free block b of node n as one compound movable page (prep_compound_page).
 * Postcondition: the block has no free page, all its frames count as movable, compound[b] = 1.
 */
export function takeWholeBlock(a: FreeArea, n: number, b: number): void {
  listDel(a, n, b);
  a.type[b] = MIGRATE_MOVABLE;
  a.nrFree[b] = 0;
  a.freeHead[b] = NIL;
  a.bumped[b] = a.pageblockNr;
  a.nrMovable[b] = a.pageblockNr;
  setCompound(a, b, 1);
}

/** Sets block b's compound byte, keeping nrCompound the count of ones. */
export function setCompound(a: FreeArea, b: number, to: 0 | 1): void {
  a.nrCompound += to - a.compound[b]!;
  a.compound[b] = to;
}

/** Frees compound block b of node n whole (__free_pages at pageblock_order). Postcondition: b wholly free. */
export function freeWholeBlock(a: FreeArea, n: number, b: number): void {
  setCompound(a, b, 0);
  a.nrFree[b] = a.pageblockNr;
  a.freeHead[b] = NIL;
  a.bumped[b] = 0;
  a.nrMovable[b] = 0;
  listAdd(a, n, b);
}

/**
 * set_migratetype_isolate() for pageblock b of node n: its free pages leave the free lists.
 * Returns how many they are, for the zone's free count.
 */
export function isolatePageblock(a: FreeArea, n: number, b: number): number {
  listDel(a, n, b);
  a.type[b] = MIGRATE_ISOLATE;
  return a.nrFree[b]!;
}

/** unset_migratetype_isolate(b, MIGRATE_MOVABLE): its free pages back on the lists; returns them. */
export function unisolatePageblock(a: FreeArea, n: number, b: number): number {
  a.type[b] = MIGRATE_MOVABLE;
  listAdd(a, n, b);
  return a.nrFree[b]!;
}

/**
 * online_pages_range() on isolated pageblock b: all `pages` frames free, none handed out yet; the
 * caller unisolates it. offline_isolated_pages() is the same with 0 pages: nothing is left there.
 */
export function resetIsolatedPageblock(a: FreeArea, b: number, pages: number): void {
  a.nrFree[b] = pages;
  a.nrMovable[b] = 0;
  a.bumped[b] = 0;
  a.freeHead[b] = NIL;
}
