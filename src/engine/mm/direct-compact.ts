// Direct compaction (mm/compaction.c try_to_compact_pages, compact_zone_order): the allocating
// task runs compact_zone() itself on each node of its zonelist, with kcompactd's scanners, from the
// positions the last direct run left (compact_cached_migrate_pfn/free_pfn), and its time is the
// task's. A sync run that fails defers the node's next attempts (compaction-defer.ts).
import {
  COMPACT,
  compactionSuitable,
  compactStep,
  resetCachedPositions,
  type CompactResult,
} from './compaction.ts';
import {
  compactionDeferReset,
  compactionDeferred,
  compactionRestarting,
  deferCompaction,
} from './compaction-defer.ts';
import { hugeWatermarkOk } from './huge-alloc.ts';
import type { Kernel } from './kernel.ts';
import { WMARK_MIN } from './watermark.ts';

/** enum compact_priority: lower is more thorough; THP faults use ASYNC, then SYNC_LIGHT at most. */
export const COMPACT_PRIO = {
  /** MIN_COMPACT_PRIORITY: never deferred (not used by THP faults). */
  syncFull: 0,
  /** DEF_COMPACT_PRIORITY: MIGRATE_SYNC_LIGHT; a failure defers the node. */
  syncLight: 1,
  /** INIT_COMPACT_PRIORITY: MIGRATE_ASYNC, movable pageblocks only, never defers. */
  async: 2,
} as const;
export type CompactPriority = (typeof COMPACT_PRIO)[keyof typeof COMPACT_PRIO];

/**
 * compact_zone() for a direct compactor at pageblock_order on node n: COMPACT.success at once if
 * the allocation can succeed (zone_watermark_ok at ALLOC_WMARK_MIN), COMPACT.skipped unless
 * compaction_suitable(), else the scanners run until a block is free (success), they meet
 * (complete: the cached positions go back to the node's ends) or no free page is left to
 * migrate into (contended). The run's time is charged to the task.
 */
export function compactZoneDirect(k: Kernel, n: number, prio: CompactPriority): CompactResult {
  if (hugeWatermarkOk(k, n, WMARK_MIN)) return COMPACT.success;
  if (!compactionSuitable(k, n)) return COMPACT.skipped;
  const cc = k.compactCached[n]!;
  if (compactionRestarting(k.compactDefer[n]!, k.m.area.pageblockOrder)) resetCachedPositions(k, n, cc);
  cc.async = prio === COMPACT_PRIO.async;
  cc.result = COMPACT.continue;
  let costNs = 0;
  while (cc.result === COMPACT.continue) costNs += compactStep(k, n, cc);
  if (cc.result === COMPACT.complete) resetCachedPositions(k, n, cc);
  k.chargedNs += costNs;
  return cc.result;
}

/**
 * try_to_compact_pages() at pageblock_order over a zonelist: each node not deferred is compacted
 * until one reports success. Returns the largest result seen (COMPACT.skipped if none ran).
 * Postconditions: a success resets that node's deferral expectation (alloc_success false); a sync
 * run that completed without success defers its node.
 */
export function tryToCompactPages(
  k: Kernel,
  zonelist: readonly number[],
  allowed: Uint8Array | null,
  prio: CompactPriority,
): CompactResult {
  const order = k.m.area.pageblockOrder;
  let rc: CompactResult = COMPACT.skipped;
  for (const n of zonelist) {
    if (allowed && !allowed[n]) continue;
    const defer = k.compactDefer[n]!;
    if (prio > COMPACT_PRIO.syncFull && compactionDeferred(defer, order)) {
      rc = Math.max(rc, COMPACT.deferred) as CompactResult;
      continue;
    }
    const status = compactZoneDirect(k, n, prio);
    rc = Math.max(rc, status) as CompactResult;
    if (status === COMPACT.success) {
      compactionDeferReset(defer, order, false);
      break;
    }
    if (prio !== COMPACT_PRIO.async && status === COMPACT.complete) deferCompaction(defer, order);
  }
  return rc;
}
