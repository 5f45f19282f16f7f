// MGLRU's PID controller (mm/vmscan.c read_ctrl_pos, positive_ctrl_err, reset_ctrl_pos): the P term
// is refaulted / (evicted + protected) of a tier in the generation being evicted, the I term their
// average over the generations evicted before (smoothing 1/2). It picks the type to evict (anon or
// file, weighted by swappiness) and the tiers to protect. Example: anon refaulted 10 of 100, file
// 200 of 1000, swappiness 60: 200 * (100 + 64) * 60 <= (10 + 1) * 1000 * 140 is false, so anon.
import {
  LRU_GEN_ANON,
  LRU_GEN_FILE,
  MAX_NR_TIERS,
  MAX_SWAPPINESS,
  MIN_LRU_BATCH,
  type LruGen,
  type LruGenType,
} from './lru-gen.ts';

/** struct ctrl_pos. */
export interface CtrlPos {
  refaulted: number;
  total: number;
  gain: number;
}

export function ctrlIndex(lruvec: number, type: number, tier: number): number {
  return (lruvec * 2 + type) * MAX_NR_TIERS + tier;
}

/** read_ctrl_pos(): one tier, or all of them for tier = MAX_NR_TIERS. */
export function readCtrlPos(
  lg: LruGen,
  lruvec: number,
  type: number,
  tier: number,
  gain: number,
  pos: CtrlPos,
): void {
  pos.gain = gain;
  pos.refaulted = 0;
  pos.total = 0;
  for (let i = tier % MAX_NR_TIERS; i <= Math.min(tier, MAX_NR_TIERS - 1); i++) {
    const c = ctrlIndex(lruvec, type, i);
    pos.refaulted += lg.avgRefaulted[c]! + lg.refaulted[c]!;
    pos.total += lg.avgTotal[c]! + lg.protected[c]! + lg.evicted[c]!;
  }
}

/** positive_ctrl_err(): the PV has few refaults, or a refaulted/total no higher than the SP's. */
export function positiveCtrlErr(sp: CtrlPos, pv: CtrlPos): boolean {
  return (
    pv.refaulted < MIN_LRU_BATCH ||
    pv.refaulted * (sp.total + MIN_LRU_BATCH) * sp.gain <= (sp.refaulted + 1) * pv.total * pv.gain
  );
}

/**
 * reset_ctrl_pos() with carryover, as min_seq[type] moves on: the tallies fold into the averages
 * (halved, integer division) and start again. Without carryover (inc_max_seq) it does nothing
 * when NR_HIST_GENS is 1.
 */
export function resetCtrlPos(lg: LruGen, lruvec: number, type: number): void {
  for (let tier = 0; tier < MAX_NR_TIERS; tier++) {
    const c = ctrlIndex(lruvec, type, tier);
    lg.avgRefaulted[c] = Math.floor((lg.avgRefaulted[c]! + lg.refaulted[c]!) / 2);
    lg.avgTotal[c] = Math.floor((lg.avgTotal[c]! + lg.protected[c]! + lg.evicted[c]!) / 2);
    lg.refaulted[c] = 0;
    lg.evicted[c] = 0;
    lg.protected[c] = 0;
  }
}

const sp: CtrlPos = { refaulted: 0, total: 0, gain: 0 };
const pv: CtrlPos = { refaulted: 0, total: 0, gain: 0 };

/**
 * get_tier_idx(): the tiers up to the returned one are evicted, those above protected. The first
 * tier is the setpoint with gain 2 against 3 for the others, a margin for fluctuation.
 */
export function getTierIdx(lg: LruGen, lruvec: number, type: number): number {
  readCtrlPos(lg, lruvec, type, 0, 2, sp);
  let tier = 1;
  for (; tier < MAX_NR_TIERS; tier++) {
    readCtrlPos(lg, lruvec, type, tier, 3, pv);
    if (!positiveCtrlErr(sp, pv)) break;
  }
  return tier - 1;
}

/** get_type_to_scan(): file when its refaults, weighted by 200 - swappiness, are no worse than anon's. */
export function getTypeToScan(lg: LruGen, lruvec: number, swappiness: number): LruGenType {
  if (swappiness <= 1) return LRU_GEN_FILE;
  if (swappiness >= MAX_SWAPPINESS) return LRU_GEN_ANON;
  readCtrlPos(lg, lruvec, LRU_GEN_ANON, MAX_NR_TIERS, swappiness, sp);
  readCtrlPos(lg, lruvec, LRU_GEN_FILE, MAX_NR_TIERS, MAX_SWAPPINESS - swappiness, pv);
  return positiveCtrlErr(sp, pv) ? LRU_GEN_FILE : LRU_GEN_ANON;
}
