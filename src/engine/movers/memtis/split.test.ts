import { describe, expect, it } from 'vitest';
import {
  checkSplitHugePage,
  createSplitState,
  NO_SPLIT_THRESHOLD,
  setNrSplit,
  setSplitThres,
  splitAtCooling,
  type SplitState,
} from './split.ts';

const KNOBS = { htmm_cooling_period: 1000, htmm_split_period: 2, htmm_gamma: 4 };

/** The split.ts worked example: eHR 1,000, rHR 600, 10 hot THPs with sum_util 100. */
function example(): SplitState {
  const s = createSplitState(true);
  s.prevMaxDramSampled = 1000;
  s.prevDramSampled = 600;
  s.sumUtil = 100;
  s.numUtil = 10;
  s.accessMap[20] = 2;
  s.accessMap[19] = 5;
  return s;
}

describe("MEMTIS's split budget (set_memcg_nr_split, set_memcg_split_thres)", () => {
  it('sizes the split by the eHR - rHR gap: 1,433 pages in the worked example', () => {
    const s = example();
    // First cooling: nr_records = 2 x 1000 - (1000 >> 0) = 1000. (950 - 600) x 100 / 1000 = 35;
    // / 10 = 3; x 190 / 80 = 7; x 512 = 3,584; x 4 / 10 = 1,433.
    setNrSplit(s, 1, KNOBS, 512);
    expect(s.nrSplit).toBe(1433);
    // Bin 20 (1,024 pages) is taken whole, the 409 left go to bin 19: the threshold one above it.
    setSplitThres(s, 512);
    expect([s.splitThreshold, s.nrSplit, s.nrSplitTailIdx]).toEqual([20, 1024, 409]);
  });

  it('splits nothing while base pages would not hit DRAM more than huge pages do', () => {
    const s = example();
    s.prevMaxDramSampled = 631; // 631 x 95 / 100 = 599 <= 600
    setNrSplit(s, 1, KNOBS, 512);
    setSplitThres(s, 512);
    expect([s.nrSplit, s.splitThreshold]).toEqual([0, NO_SPLIT_THRESHOLD]);
  });

  it('counts samples by coolings: nr_records 2 x period - period >> (cooling_clock - 1)', () => {
    const s = example();
    // Third cooling: 2000 - 250 = 1750; 350 x 100 / 1750 = 20; / 10 = 2; x 190 / 80 = 4; x 512 x 0.4 = 819.
    setNrSplit(s, 3, KNOBS, 512);
    expect(s.nrSplit).toBe(819);
  });
});

describe('MEMTIS check_split_huge_page', () => {
  it('splits THPs above the threshold bin from the budget, the bin below it from the tail', () => {
    const s = example();
    s.splitThreshold = 20;
    s.nrSplit = 1024;
    s.nrSplitTailIdx = 409;
    expect(checkSplitHugePage(s, 18, 512)).toBe(false); // below threshold - 1
    expect(checkSplitHugePage(s, 20, 512)).toBe(true);
    expect([s.nrSplit, s.accessMap[20]]).toEqual([512, 1]);
    expect(checkSplitHugePage(s, 19, 512)).toBe(true); // the tail: 409 -> 0
    expect(s.nrSplitTailIdx).toBe(0);
    expect(checkSplitHugePage(s, 19, 512)).toBe(false); // the tail is spent
    expect(checkSplitHugePage(s, 20, 512)).toBe(true);
    // The main budget is spent too: a bin-20 THP now draws on the tail, which is empty.
    expect(checkSplitHugePage(s, 20, 512)).toBe(false);
  });

  it('never splits with htmm_thres_split 0', () => {
    const s = example();
    s.enabled = false;
    s.splitThreshold = 1;
    s.nrSplit = 10_000;
    expect(checkSplitHugePage(s, 20, 512)).toBe(false);
  });
});

describe("MEMTIS's split decision period (update_pginfo at a cooling)", () => {
  it('ages both hit counts and makes a decision due once samples pass max(usage >> 2, DRAM)', () => {
    const s = createSplitState(true);
    s.prevDramSampled = 100;
    s.nrDramSampled = 40;
    s.prevMaxDramSampled = 300;
    s.maxDramSampled = 60;
    s.nrSampledForSplit = 5000;
    // usage 16,000 >> 2 = 4,000 < DRAM's 4,500: due at 4,500, and 5,000 samples are past it.
    splitAtCooling(s, KNOBS, 16_000, 4500, 512);
    expect([s.prevDramSampled, s.prevMaxDramSampled, s.nrDramSampled, s.maxDramSampled]).toEqual([
      90, 210, 0, 0,
    ]);
    expect(s.needSplit).toBe(true);
  });

  it('stops splitting for good when the last splits did not raise rHR by 3%', () => {
    const s = createSplitState(true);
    s.prevDramSampled = 1000;
    s.nrDramSampled = 520; // 500 + 520 = 1020 < 1000 x 103 / 100
    s.nrSampledForSplit = 10_000;
    s.splitHappen = true;
    splitAtCooling(s, KNOBS, 16_000, 4500, 512);
    expect([s.enabled, s.needSplit]).toEqual([false, false]);
    const paid = createSplitState(true);
    paid.prevDramSampled = 1000;
    paid.nrDramSampled = 540; // 1040 >= 1030
    paid.nrSampledForSplit = 10_000;
    paid.splitHappen = true;
    splitAtCooling(paid, KNOBS, 16_000, 4500, 512);
    expect([paid.enabled, paid.needSplit, paid.splitHappen]).toEqual([true, true, false]);
  });
});
