// Taking a huge page off the free lists: zone_watermark_ok() at HPAGE_PMD_ORDER and the
// get_page_from_freelist() pass for it, which every THP path (fault, demotion, promotion, direct
// compaction's retry) goes through.
import { findWholeFreeBlock, nrFreePageblocks, takeWholeBlock } from './free-area.ts';
import type { Kernel } from './kernel.ts';
import { NIL } from './mem-state.ts';
import { wmarkPages } from './watermark.ts';

/**
 * zone_watermark_ok() at pageblock_order against mark `which`: free pages less the 2^9 - 1 the
 * allocation takes beyond one stay above the mark, and a whole pageblock is free.
 */
export function hugeWatermarkOk(k: Kernel, n: number, which: number): boolean {
  const a = k.m.area;
  if (a.pageblockOrder === 0) return false;
  return k.m.nrFree[n]! - (a.pageblockNr - 1) > wmarkPages(k, n, which) && nrFreePageblocks(a, n) > 0;
}

/**
 * A whole free pageblock of node n as one THP, if hugeWatermarkOk() at mark `which`. Returns the
 * head pfn or NIL. Postcondition on success: the block is compound, its frames off every free list.
 */
export function allocHugeOnNode(k: Kernel, n: number, which: number): number {
  const m = k.m;
  const a = m.area;
  if (!hugeWatermarkOk(k, n, which)) return NIL;
  const b = findWholeFreeBlock(a, n);
  if (b < 0) return NIL;
  takeWholeBlock(a, n, b);
  m.nrFree[n]! -= a.pageblockNr;
  return m.nodeStart[n]! + (b - a.blockStart[n]!) * a.pageblockNr;
}

/** get_page_from_freelist() at HPAGE_PMD_ORDER over a zonelist (nodes outside `allowed` skipped). */
export function getHugePageFromFreelist(
  k: Kernel,
  zonelist: readonly number[],
  allowed: Uint8Array | null,
  which: number,
): number {
  for (const n of zonelist) {
    if (allowed && !allowed[n]) continue;
    const head = allocHugeOnNode(k, n, which);
    if (head !== NIL) return head;
  }
  return NIL;
}
