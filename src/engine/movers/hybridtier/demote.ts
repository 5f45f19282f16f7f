// Demotion (the runtime's scan_for_cold_pages and second chance): when free DRAM falls to
// ALLOC_WMARK (hybridtier_alloc_wmark_bp), first demote the second-chance pages not sampled since they were queued (once 60 s
// have passed), then walk the process's DRAM pages from where the last walk stopped for cold ones
// (frequency below the hot threshold, no momentum) until DRAM would be free to DEMOTE_WMARK, and
// move them to the slow node. A hot page with no momentum is not demoted but queued for a second
// chance, its frequency noted (a page at 15 is marked down to 14, so a later sample shows).
// Example (hot 5): on a walk, a page at frequency 2 and momentum 0 is demoted; at 9 and momentum 0
// it is queued with 9; at 1 and momentum 2 it stays.
import { STAT } from '../../../shared/vmstat.ts';
import { count, type Kernel } from '../../mm/kernel.ts';
import { PTE_SWAPPED, pageToNid } from '../../mm/mem-state.ts';
import { MR } from '../../mm/migrate.ts';
import { MOVE_OK, movePage } from '../../mm/move-pages.ts';
import { spend } from '../types.ts';
import {
  MAX_DEMOTION_RESETS,
  MOMENTUM_DEMOTE_BELOW,
  MOVE_PAGES_NS,
  PAGEMAP_PAGE_NS,
  SECOND_CHANCE_AFTER_NS,
  SECOND_CHANCE_MAX,
  THROTTLE_ABOVE_BPS,
  THROTTLE_BELOW_BPS,
  THROTTLE_MAX_SECS,
} from './constants.ts';
import { MAX_FREQUENCY, decrement, frequency } from './sketch.ts';
import type { HybridTier } from './state.ts';

/** What a demotion pass asks of its caller: nothing, or monitor mode (no cold pages left to find). */
export type DemotionOutcome = 'done' | 'monitor';

const freeBytes = (k: Kernel, h: HybridTier): number => k.m.nrFree[h.fastNode]! * k.pageSize;

/** After a batch: demote if DRAM is short of free memory. */
export function maybeDemote(k: Kernel, h: HybridTier): DemotionOutcome {
  const { hybridtier_alloc_wmark_bp: allocBp, hybridtier_demote_wmark_bp: demoteBp } = k.knobs;
  if (h.slowNode < 0 || freeBytes(k, h) > (h.fastBytes * allocBp) / 10000) return 'done';
  demoteSecondChances(k, h);
  const want = Math.floor(((h.fastBytes * demoteBp) / 10000 - freeBytes(k, h)) / k.pageSize);
  if (want <= 0) return 'done';
  const { cold, fullSweep } = scanForColdPages(k, h, want);
  const demoted = demote(k, h, cold);
  throttle(h, demoted * k.pageSize);
  if (demoted < want) h.lastScanned = 0;
  return afterSweep(h, fullSweep);
}

/** Second-chance pages whose frequency did not change since they were queued go down. */
function demoteSecondChances(k: Kernel, h: HybridTier): void {
  if (h.secondChance.length === 0 || h.clockNs - h.secondChanceClockNs <= SECOND_CHANCE_AFTER_NS) return;
  const down: number[] = [];
  h.secondChance.forEach((v, i) => {
    if (frequency(h.lfu, v) === h.secondChanceOldFreq[i]) down.push(v);
  });
  h.secondChanceClockNs = h.clockNs;
  demote(k, h, down);
  h.secondChance.length = 0;
  h.secondChanceOldFreq.length = 0;
}

/**
 * Walks DRAM pages of the scanned regions after lastScanned until `want` cold ones are found.
 * Queues second chances on the way. fullSweep: the walk reached the end without finding enough.
 */
export function scanForColdPages(
  k: Kernel,
  h: HybridTier,
  want: number,
): { cold: number[]; fullSweep: boolean } {
  const cold: number[] = [];
  let scanned = 0;
  for (let r = 0; r < h.scanBase.length && cold.length < want; r++) {
    const end = h.scanBase[r]! + h.scanPages[r]!;
    for (let v = Math.max(h.scanBase[r]!, h.lastScanned); v < end && cold.length < want; v++) {
      scanned++;
      const e = k.m.pte[v]!;
      if (e === 0 || e >= PTE_SWAPPED || pageToNid(k.m, e - 1) !== h.fastNode) continue;
      const freq = frequency(h.lfu, v);
      if (frequency(h.momentum, v) >= MOMENTUM_DEMOTE_BELOW) continue;
      if (freq < h.hotThreshold) cold.push(v);
      else if (h.secondChance.length < SECOND_CHANCE_MAX) queueSecondChance(k, h, v, freq);
      if (cold.length >= want) h.lastScanned = Math.max(h.lastScanned, v + 1);
    }
  }
  spend(h, scanned * PAGEMAP_PAGE_NS);
  return { cold, fullSweep: cold.length < want };
}

function queueSecondChance(k: Kernel, h: HybridTier, v: number, freq: number): void {
  h.secondChance.push(v);
  count(k, h.fastNode, STAT.hybridtier_second_chance);
  if (freq === MAX_FREQUENCY) {
    decrement(h.lfu, v);
    h.secondChanceOldFreq.push(MAX_FREQUENCY - 1);
  } else h.secondChanceOldFreq.push(freq);
}

/** move_pages() of the pages still on DRAM to the slow node; returns how many moved. */
function demote(k: Kernel, h: HybridTier, vpages: readonly number[]): number {
  let moved = 0;
  for (const v of vpages) {
    const e = k.m.pte[v]!;
    if (e === 0 || e >= PTE_SWAPPED || pageToNid(k.m, e - 1) !== h.fastNode) continue;
    k.nowNs = h.clockNs;
    k.chargedNs = 0;
    const rc = movePage(k, v, h.slowNode, MR.daemon, h.fastNode);
    spend(h, MOVE_PAGES_NS + k.chargedNs);
    if (rc === MOVE_OK) {
      count(k, h.fastNode, STAT.hybridtier_demoted);
      moved++;
    }
  }
  return moved;
}

/** Past 100 MiB/s since the last demotion the runtime sleeps a second after each; below 10 it stops. */
function throttle(h: HybridTier, bytes: number): void {
  const secs = (h.clockNs - h.demotionClockNs) / 1e9;
  const rate = secs > 0 ? bytes / secs : Infinity;
  if (rate > THROTTLE_ABOVE_BPS && h.throttleSecs < THROTTLE_MAX_SECS) h.throttleSecs++;
  else if (rate < THROTTLE_BELOW_BPS && h.throttleSecs > 0) h.throttleSecs--;
  h.demotionClockNs = h.clockNs;
  // Asleep: the perf ring buffers overflow, so the samples of this second are lost.
  h.clockNs += h.throttleSecs * 1e9;
  h.asleepUntilNs = h.clockNs;
}

/** Two full sweeps in a row without enough cold pages, or ten alternations: monitor mode. */
function afterSweep(h: HybridTier, fullSweep: boolean): DemotionOutcome {
  if (h.fullSweepOnce && fullSweep) return 'monitor';
  if (!h.fullSweepOnce && fullSweep) h.fullSweepOnce = true;
  else if (h.fullSweepOnce && !fullSweep) {
    h.fullSweepOnce = false;
    if (++h.demotionResets === MAX_DEMOTION_RESETS) return 'monitor';
  }
  return 'done';
}
