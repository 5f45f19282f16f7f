import { describe, expect, it } from 'vitest';
import { mglruKernel } from '../../../tests/support/engine/lru-gen-pages.ts';
import { LRU_GEN_ANON, LRU_GEN_FILE, type LruGen } from './lru-gen.ts';
import { ctrlIndex, getTierIdx, getTypeToScan, positiveCtrlErr } from './lru-gen-ctrl.ts';

/** Sets this generation's tallies of one tier on node 0. */
function tally(lg: LruGen, type: number, tier: number, refaulted: number, evicted: number, prot = 0): void {
  const c = ctrlIndex(0, type, tier);
  lg.refaulted[c] = refaulted;
  lg.evicted[c] = evicted;
  lg.protected[c] = prot;
}

describe("MGLRU's PID controller", () => {
  it('evicts anon when file refaults more for its weight: 10/100 anon against 200/1000 file at swappiness 60', () => {
    const lg = mglruKernel().m.lrugen!;
    tally(lg, LRU_GEN_ANON, 0, 10, 100);
    tally(lg, LRU_GEN_FILE, 0, 200, 1000);
    // 200 * (100 + 64) * 60 = 1,968,000 > (10 + 1) * 1000 * 140 = 1,540,000: the error is negative.
    expect(getTypeToScan(lg, 0, 60)).toBe(LRU_GEN_ANON);
    // At swappiness 20 anon weighs less: 200 * 164 * 20 = 656,000 <= 11 * 1000 * 180 = 1,980,000.
    expect(getTypeToScan(lg, 0, 20)).toBe(LRU_GEN_FILE);
  });

  it('evicts file while its refaults stay under MIN_LRU_BATCH, and only file at swappiness 0 or 1, only anon at 200', () => {
    const lg = mglruKernel().m.lrugen!;
    tally(lg, LRU_GEN_ANON, 0, 0, 1000);
    tally(lg, LRU_GEN_FILE, 2, 63, 64);
    expect(getTypeToScan(lg, 0, 60)).toBe(LRU_GEN_FILE);
    tally(lg, LRU_GEN_FILE, 2, 64, 64);
    expect(getTypeToScan(lg, 0, 60)).toBe(LRU_GEN_ANON);
    expect(getTypeToScan(lg, 0, 1)).toBe(LRU_GEN_FILE);
    expect(getTypeToScan(lg, 0, 200)).toBe(LRU_GEN_ANON);
  });

  it('protects the tiers from the first whose refault rate beats tier 0 by the 2:3 gain margin', () => {
    const lg = mglruKernel().m.lrugen!;
    // Tier 0: 100 of 1000 refaulted (SP, gain 2). Tier 1: 70 of 500 (PV, gain 3):
    // 70 * (1000 + 64) * 2 = 148,960 <= 101 * 500 * 3 = 151,500, so tier 1 is evicted too.
    // Tier 2: 200 of 500: 200 * 1064 * 2 = 425,600 > 151,500, so tiers 2 and 3 are protected.
    tally(lg, LRU_GEN_FILE, 0, 100, 1000);
    tally(lg, LRU_GEN_FILE, 1, 70, 500);
    tally(lg, LRU_GEN_FILE, 2, 200, 500);
    expect(getTierIdx(lg, 0, LRU_GEN_FILE)).toBe(1);
    // With no refaults anywhere every tier may be evicted.
    expect(getTierIdx(lg, 0, LRU_GEN_ANON)).toBe(3);
  });

  it('counts the averages of earlier generations with this one (read_ctrl_pos)', () => {
    const lg = mglruKernel().m.lrugen!;
    tally(lg, LRU_GEN_FILE, 1, 40, 100);
    lg.avgRefaulted[ctrlIndex(0, LRU_GEN_FILE, 1)] = 30; // 40 + 30 = 70 >= 64: no longer "few"
    lg.avgTotal[ctrlIndex(0, LRU_GEN_FILE, 1)] = 100;
    tally(lg, LRU_GEN_FILE, 0, 0, 1000);
    // PV 70 of 200 against SP 0 of 1000: 70 * 1064 * 2 > 1 * 200 * 3.
    expect(getTierIdx(lg, 0, LRU_GEN_FILE)).toBe(0);
  });

  it('calls the error positive exactly at equality', () => {
    // 64 * (0 + 64) * 1 = 4096 <= (1 + 1) * 2048 * 1; with an SP total of 1, 4160 > 4096.
    expect(
      positiveCtrlErr({ refaulted: 1, total: 0, gain: 1 }, { refaulted: 64, total: 2048, gain: 1 }),
    ).toBe(true);
    expect(
      positiveCtrlErr({ refaulted: 1, total: 1, gain: 1 }, { refaulted: 64, total: 2048, gain: 1 }),
    ).toBe(false);
  });
});
