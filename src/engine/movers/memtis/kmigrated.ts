// kmigraterd (htmm_migrater.c): one thread per node. A slow node's promotes its hot pages (bin at
// or above the hot threshold) to the fast node while that node has room below its promotion
// watermark; a fast node's demotes pages below the warm threshold when the fast node cannot hold its
// pages, the slow tier's hot pages and its watermark. Each sleeps its period between passes; a pass
// goes a batch at a time so that it spans rounds as the thread's CPU time does.
//
// memtis takes candidates from its LRU lists, which sampling keeps sorted (hot pages on the active
// list); here a pass walks the node's frames from where the last one stopped and tests each page's
// bin, which picks the same pages in another order. Its CPU is charged per page it looks at, as a
// list walk's would be, not per frame.
import { STAT } from '../../../shared/vmstat.ts';
import { count, type Kernel } from '../../mm/kernel.ts';
import { NIL } from '../../mm/mem-state.ts';
import { MR } from '../../mm/migrate.ts';
import { MOVE_OK, movePage } from '../../mm/move-pages.ts';
import { PG } from '../../mm/page-flags.ts';
import { spend, type Mover, type MoverClock } from '../types.ts';
import { isThpHead } from '../../mm/folio.ts';
import { migrateMisplacedHuge } from '../../mm/thp-numa.ts';
import { binAtLeast, demotionWatermark, promotionWatermark, type Hotness } from './hotness.ts';
import { hugeBinAtLeast } from './huge-hotness.ts';
import { queueSplits, splitQueued } from './split-scan.ts';
import { setThresholdGauges } from './gauges.ts';

/** Frames a step walks before it yields: a batch of isolate_lru_pages. */
const BATCH_FRAMES = 512;
/** Isolating one LRU page and testing its bin (isolate_lru_pages, get_pginfo_idx). */
const LOOK_NS = 60;
/** split_huge_page(): unmapping, 512 PTEs written with their pginfo, the tails onto the LRU. */
const SPLIT_NS = 20_000;

export interface KmigratedState extends MoverClock {
  readonly node: number;
  /** Where its pages go: the fast node (promotion) or the slow node (demotion). */
  readonly target: number;
  readonly promote: boolean;
  readonly periodNs: number;
  readonly cpuNode: number;
  /** The next frame to look at, kept across passes. */
  cursor: number;
  /** Pages still to move in this pass (0: asleep until clockNs). */
  left: number;
  /** Frames still to walk in this pass. */
  walkLeft: number;
  /** Demotion: the slow tier's hot pages counted at the pass's start (nr_need_promoted). */
  nrNeedPromoted: number;
  /** Demotion: pages it set out to demote, and those demoted so far. */
  nrToReclaim: number;
  nrReclaimed: number;
  /** Hotness.walkEpoch at its last list walk: a newer one means a cooling or threshold change to walk for. */
  walkEpoch: number;
}

export interface Kmigrated extends Mover {
  readonly state: KmigratedState;
}

export function createKmigrated(
  k: Kernel,
  h: Hotness,
  node: number,
  target: number,
  promote: boolean,
  cpuNode: number,
): Kmigrated {
  const periodMs = promote ? k.knobs.htmm_promotion_period_in_ms : k.knobs.htmm_demotion_period_in_ms;
  const s: KmigratedState = {
    node,
    target,
    promote,
    periodNs: periodMs * 1e6,
    cpuNode,
    clockNs: 0,
    busyNs: 0,
    cursor: k.m.nodeStart[node]!,
    left: 0,
    walkLeft: 0,
    nrNeedPromoted: 0,
    nrToReclaim: 0,
    nrReclaimed: 0,
    walkEpoch: 0,
  };
  return { state: s, run: (kk, untilNs) => runKmigrated(kk, h, s, untilNs), cpuNs: () => s.busyNs };
}

function runKmigrated(k: Kernel, h: Hotness, s: KmigratedState, untilNs: number): void {
  while (s.clockNs < untilNs) {
    if (s.left <= 0) {
      if (!startPass(k, h, s)) s.clockNs += s.periodNs;
      continue;
    }
    step(k, h, s);
    if (s.left <= 0 || s.walkLeft <= 0) {
      endPass(k, h, s);
      s.clockNs += s.periodNs;
    }
  }
}

/** Pages in use on node n (its LRU and kernel pages): what memtis's get_nr_lru_pages_node reads. */
function usedPages(k: Kernel, n: number): number {
  return k.m.managedPages[n]! - k.m.nrFree[n]!;
}

/** Sets out a pass; false if there is nothing to do this period. */
function startPass(k: Kernel, h: Hotness, s: KmigratedState): boolean {
  // First the THPs queued last time are split, then cooling_node/adjusting_node's walk queues more.
  spend(s, splitQueued(k, h, s.node) * SPLIT_NS);
  if (s.walkEpoch !== h.walkEpoch) {
    s.walkEpoch = h.walkEpoch;
    spend(s, queueSplits(k, h, s.node) * LOOK_NS);
  }
  s.left = s.promote ? nrToPromote(k, s) : nrExceeded(k, h, s);
  s.nrToReclaim = s.left;
  s.nrReclaimed = 0;
  s.walkLeft = k.m.nodeEnd[s.node]! - k.m.nodeStart[s.node]!;
  if (s.left > 0) return true;
  s.left = 0;
  return false;
}

/** promotion_available(): room on the fast node below its promotion watermark. */
export function nrToPromote(k: Kernel, s: Pick<KmigratedState, 'target'>): number {
  const max = k.m.managedPages[s.target]!;
  return Math.floor(max - promotionWatermark(max, k.knobs.htmm_watermark_limits) - usedPages(k, s.target));
}

/**
 * need_toptier_demotion(): how many pages the fast node must give up so that its pages, the slow
 * tier's hot ones and the promotion watermark fit; 0 while they do (or, with nothing hot below,
 * while the demotion watermark is free).
 */
export function nrExceeded(k: Kernel, h: Hotness, s: KmigratedState): number {
  const max = k.m.managedPages[s.node]!;
  const nrLru = usedPages(k, s.node);
  const need = countHot(k, h, s.target);
  s.nrNeedPromoted = need;
  const limits = k.knobs.htmm_watermark_limits;
  const maxWmark = promotionWatermark(max, limits);
  if (need > 0 ? nrLru + need + maxWmark <= max : nrLru + demotionWatermark(max, limits) <= max) return 0;
  return Math.floor(nrLru + need + maxWmark - max);
}

/** The anon LRU pages mapped at vpage owner[pfn], or NIL: what kmigrated can isolate and move. */
function movableVpage(k: Kernel, pfn: number): number {
  const v = k.m.owner[pfn]!;
  if (v === NIL || k.m.pte[v] !== pfn + 1) return NIL;
  const fl = k.m.flags[pfn]!;
  return fl & PG.lru && !(fl & PG.file) ? v : NIL;
}

/** The pages on node n at or above the hot threshold: the size of its active anon list in memtis. */
function countHot(k: Kernel, h: Hotness, n: number): number {
  let nr = 0;
  for (let pfn = k.m.nodeStart[n]!, end = k.m.nodeEnd[n]!; pfn < end; pfn++) {
    const v = movableVpage(k, pfn);
    if (v !== NIL && isHot(k, h, pfn, v, h.activeThreshold)) nr += folioPages(k, h, pfn);
  }
  return nr;
}

/** A THP is as hot as its own count says (meta->idx), a base page as its count. */
function isHot(k: Kernel, h: Hotness, pfn: number, v: number, threshold: number): boolean {
  return isThpHead(k.m, pfn) ? hugeBinAtLeast(h, v / h.thp.nr, threshold) : binAtLeast(h, v, threshold);
}

function folioPages(k: Kernel, h: Hotness, pfn: number): number {
  return isThpHead(k.m, pfn) ? h.thp.nr : 1;
}

/** Walks the next batch of frames, moving each candidate: hot ones up, or ones below warm down. */
function step(k: Kernel, h: Hotness, s: KmigratedState): void {
  const start = k.m.nodeStart[s.node]!;
  const end = k.m.nodeEnd[s.node]!;
  for (let i = 0; i < BATCH_FRAMES && s.walkLeft > 0 && s.left > 0; i++, s.walkLeft--) {
    const pfn = s.cursor;
    s.cursor = pfn + 1 < end ? pfn + 1 : start;
    const v = movableVpage(k, pfn);
    if (v === NIL) continue;
    const hot = isHot(k, h, pfn, v, s.promote ? h.activeThreshold : h.warmThreshold);
    if (!s.promote) spend(s, LOOK_NS); // the inactive list walk looks at every page it passes
    if (hot !== s.promote) continue;
    if (s.promote) spend(s, LOOK_NS); // the active list holds the hot pages only
    const nr = folioPages(k, h, pfn);
    if (nr > s.left) continue;
    k.nowNs = s.clockNs;
    k.chargedNs = 0;
    // alloc_migrate_page(): __GFP_THISNODE | __GFP_NORETRY without __GFP_RECLAIM; a THP moves whole
    // or not at all (migrate_pages with MR_NUMA_MISPLACED does not split).
    const ok =
      nr > 1
        ? migrateMisplacedHuge(k, pfn, s.target, s.cpuNode, MR.memtis) !== NIL
        : movePage(k, v, s.target, MR.memtis, s.cpuNode, false) === MOVE_OK;
    spend(s, k.chargedNs);
    if (!ok) continue;
    s.left -= nr;
    if (!s.promote) s.nrReclaimed += nr;
    count(k, s.node, s.promote ? STAT.htmm_nr_promoted : STAT.htmm_nr_demoted, nr);
  }
}

/**
 * demote_node()'s last check: when it could not demote as many pages as the slow tier has hot ones
 * waiting, warm pages are no longer spared (warm_threshold = active_threshold) until the next adaptation.
 */
function endPass(k: Kernel, h: Hotness, s: KmigratedState): void {
  s.left = 0;
  if (s.promote || k.knobs.htmm_nowarm) return;
  const nrLowertierActive = Math.min(s.nrNeedPromoted, s.nrToReclaim);
  if (nrLowertierActive > 0 && s.nrReclaimed < nrLowertierActive) {
    h.warmThreshold = h.activeThreshold;
    setThresholdGauges(k, h);
  }
}
