// __rmqueue(): a free frame of one migratetype from a node, falling back to other types' pageblocks
// as __rmqueue_fallback() and steal_suitable_fallback() do (mm/page_alloc.c, v6.1). One zone per
// node and no ALLOC_NOFRAGMENT (it needs a populated ZONE_DMA32 below the node's Normal zone); no
// per-cpu page lists, highatomic reserve or CMA.
import {
  blockOrder,
  MIGRATE_MOVABLE,
  MIGRATE_RECLAIMABLE,
  MIGRATE_TYPES,
  MIGRATE_UNMOVABLE,
  setPageblockMigratetype,
  takeFromBlock,
  type FreeArea,
  type Migratetype,
} from './free-area.ts';
import type { MemState } from './mem-state.ts';

const NIL = 0xffffffff;

/** fallbacks[] in mm/page_alloc.c: where each type looks when its own lists are empty. */
const FALLBACKS: readonly (readonly Migratetype[])[] = [
  [MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE],
  [MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE],
  [MIGRATE_UNMOVABLE, MIGRATE_MOVABLE],
];

/**
 * __rmqueue_smallest(): the smallest free order of type mt, i.e. the fullest block with a free
 * page, then pages an earlier fallback moved to mt's lists. Returns a pfn or NIL.
 */
export function rmqueueSmallest(m: MemState, n: number, mt: Migratetype): number {
  const a = m.area;
  const mask = a.orderMask[n * MIGRATE_TYPES + mt]!;
  if (mask !== 0) {
    const order = 31 - Math.clz32(mask & -mask);
    const b = a.listHead[(n * MIGRATE_TYPES + mt) * a.nrOrders + order]!;
    return takeFromBlock(a, m.lruNext, m.nodeStart[n]!, n, b, mt);
  }
  const b = a.borrowed[n * MIGRATE_TYPES + mt]!;
  if (b === NIL) return NIL;
  if (a.nrFree[b]! > 0 && a.type[b] !== mt) return takeFromBlock(a, m.lruNext, m.nodeStart[n]!, n, b, mt);
  a.borrowed[n * MIGRATE_TYPES + mt] = NIL;
  return NIL;
}

/** can_steal_fallback(): whether the whole block may be taken over, not just the page. */
function canStealFallback(a: FreeArea, order: number, start: Migratetype): boolean {
  if (order >= a.pageblockOrder) return true;
  return order >= a.pageblockOrder >> 1 || start === MIGRATE_RECLAIMABLE || start === MIGRATE_UNMOVABLE;
}

/** find_suitable_fallback() at one order: the first fallback type with a free chunk there, or -1. */
function findSuitableFallback(a: FreeArea, n: number, order: number, start: Migratetype): number {
  for (const mt of FALLBACKS[start]!) if (a.orderMask[n * MIGRATE_TYPES + mt]! & (1 << order)) return mt;
  return -1;
}

/**
 * __rmqueue_fallback(): the largest free chunk of a fallback type; a movable allocation that may
 * not steal the block takes the smallest one instead (find_smallest), so it fragments the least.
 * Returns a pfn taken for `start`, or NIL when no other type has a free page either.
 */
export function rmqueueFallback(m: MemState, n: number, start: Migratetype): number {
  const a = m.area;
  let order = a.pageblockOrder;
  let mt = -1;
  for (; order >= 0; order--) if ((mt = findSuitableFallback(a, n, order, start)) >= 0) break;
  if (mt < 0) return NIL;
  let canSteal = canStealFallback(a, order, start);
  if (!canSteal && start === MIGRATE_MOVABLE && order > 0) {
    for (order = 0; order <= a.pageblockOrder; order++)
      if ((mt = findSuitableFallback(a, n, order, start)) >= 0) break;
    canSteal = canStealFallback(a, order, start);
  }
  const b = a.listHead[(n * MIGRATE_TYPES + mt) * a.nrOrders + order]!;
  return stealSuitableFallback(m, n, b, start, canSteal);
}

/**
 * steal_suitable_fallback(): a whole free pageblock changes type outright; from a partly used
 * one, the fallback fragments (counted in nrFragmenting: boost_watermark's cue) and, if allowed,
 * moves the block's free pages to `start`, claiming the block when at least half of it is free or
 * alike. Postcondition: one frame of block b is taken for `start` and returned.
 */
function stealSuitableFallback(
  m: MemState,
  n: number,
  b: number,
  start: Migratetype,
  wholeBlock: boolean,
): number {
  const a = m.area;
  const take = () => takeFromBlock(a, m.lruNext, m.nodeStart[n]!, n, b, start);
  if (blockOrder(a, b) >= a.pageblockOrder) {
    setPageblockMigratetype(a, n, b, start); // change_pageblock_range()
    return take();
  }
  a.nrFragmenting[n]!++;
  if (!wholeBlock) return take(); // single_page: only the chunk moves
  const old = a.type[b]!;
  const free = a.nrFree[b]!;
  const movable = a.nrMovable[b]!;
  // Unmovable and reclaimable pages cannot be told apart, so only a movable block's non-movable
  // pages count as alike for them.
  let alike = 0;
  if (start === MIGRATE_MOVABLE) alike = movable;
  else if (old === MIGRATE_MOVABLE) alike = a.pageblockNr - (free + movable);
  if (free + alike >= a.pageblockNr >> 1) setPageblockMigratetype(a, n, b, start);
  else a.borrowed[n * MIGRATE_TYPES + start] = b; // move_freepages_block() moved its free pages
  return take();
}
