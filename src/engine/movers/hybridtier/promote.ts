// A batch of samples (the runtime's perf_func loop, once SAMPLE_BATCH_SIZE samples are in): each
// sampled page's count goes into both sketches, and a page whose frequency reaches the hot
// threshold or whose momentum reaches the momentum threshold is moved to the fast node.
// Example (hot 5, momentum 3): a page sampled 5 times in one batch is promoted on its frequency; a
// page sampled 3 times with frequency 4 from earlier batches reaches 7 and is promoted; a page
// sampled twice, never before, stays (frequency 2, momentum 2).
import { STAT } from '../../../shared/vmstat.ts';
import { count, type Kernel } from '../../mm/kernel.ts';
import { PTE_SWAPPED, pageToNid } from '../../mm/mem-state.ts';
import { MR } from '../../mm/migrate.ts';
import { MOVE_ENOMEM, MOVE_OK, movePage } from '../../mm/move-pages.ts';
import { spend } from '../types.ts';
import { MAX_LOCAL_PERIOD_SCALE, MOVE_PAGES_NS, SKETCH_PAGE_NS, UNUSEFUL_SHARE } from './constants.ts';
import { increase } from './sketch.ts';
import type { HybridTier } from './state.ts';

/** Counts one sample of vpage into the batch being gathered. */
export function addSample(h: HybridTier, vpage: number): void {
  if (h.batchCounts[vpage] === 0) h.batchPages[h.nrBatchPages++] = vpage;
  h.batchCounts[vpage]!++;
  h.batchSamples++;
}

/**
 * Updates the sketches with the batch, promotes its hot pages and empties the batch. Returns the
 * pages promoted. Postcondition: batchCounts is all zero, nrBatchPages and batchSamples are 0.
 */
export function processBatch(k: Kernel, h: HybridTier): number {
  const candidates: number[] = [];
  const unusefulBefore = h.lfu.unuseful;
  for (let i = 0; i < h.nrBatchPages; i++) {
    const v = h.batchPages[i]!;
    const c = h.batchCounts[v]!;
    h.batchCounts[v] = 0;
    const freq = increase(h.lfu, v, c);
    const mom = increase(h.momentum, v, c);
    if (freq >= h.hotThreshold || mom >= h.momentumThreshold) candidates.push(v);
  }
  spend(h, h.nrBatchPages * SKETCH_PAGE_NS);
  // Samples that raised no counter were of pages already at 15; mostly DRAM's, whose sampling is halved.
  if (h.localSamples > 0 && (h.lfu.unuseful - unusefulBefore) / h.localSamples > UNUSEFUL_SHARE)
    h.localPeriodScale = Math.min(MAX_LOCAL_PERIOD_SCALE, h.localPeriodScale * 2);
  h.nrBatchPages = 0;
  h.batchSamples = 0;
  h.localSamples = 0;
  const promoted = promote(k, h, candidates);
  h.promotedHistory += promoted;
  return promoted;
}

/** move_pages() of the candidates to the fast node, in order, until the fast node is full. */
function promote(k: Kernel, h: HybridTier, candidates: readonly number[]): number {
  let promoted = 0;
  for (const v of candidates) {
    const e = k.m.pte[v]!;
    if (e === 0 || e >= PTE_SWAPPED) continue;
    const from = pageToNid(k.m, e - 1);
    if (k.layout.topTier[from]) continue;
    k.nowNs = h.clockNs;
    k.chargedNs = 0;
    const rc = movePage(k, v, h.fastNode, MR.daemon, h.fastNode);
    spend(h, MOVE_PAGES_NS + k.chargedNs);
    if (rc === MOVE_OK) {
      count(k, from, STAT.hybridtier_promoted);
      promoted++;
    } else if (rc === MOVE_ENOMEM) break;
  }
  return promoted;
}
