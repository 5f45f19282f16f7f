import { describe, expect, it } from 'vitest';
import { createHotness } from './hotness.ts';
import { coolHugePage, getSkewIdx, prepHugePage, sampleHugePage } from './huge-hotness.ts';

/** One THP over vpages 0..511 (range 0), a 100,000-page fast tier, thresholds at 1. */
function oneThp() {
  const h = createHotness(512, 100_000, 1);
  return h;
}

describe('MEMTIS get_skew_idx', () => {
  it('bins by bit length below 1024 and by 1024s from there, stopping at 20', () => {
    // 2048: one step of 1024 leaves 1024, not above it: 11 + 1. 9216: eight steps: 19.
    expect([0, 1, 3, 4, 46, 1023, 1024, 2048, 2049, 9216, 10_241, 762_600].map(getSkewIdx)).toEqual([
      0, 1, 2, 3, 6, 10, 11, 12, 13, 19, 20, 20,
    ]);
  });
});

describe("MEMTIS's THP counts (update_huge_page)", () => {
  it('adds 512 to the sampled subpage and 1 to the THP, which is 512 pages of the histogram', () => {
    const h = oneThp();
    for (let i = 0; i < 3; i++) sampleHugePage(h, 0, 7);
    expect([h.totalAccesses[7], h.totalAccesses[8], h.thp.accesses[0]]).toEqual([1536, 0, 3]);
    // The THP's bin is get_idx(3) = 2, counted as 512 pages; the subpage's 1536 is bin 10 of ebp.
    expect([h.thp.idx[0], h.hg[2], h.hg[10]]).toEqual([2, 512, 0]);
    expect(h.ebpHg[10]).toBe(1);
  });

  it('starts a new THP and its subpages at 2^(active_threshold + 1)', () => {
    const h = oneThp();
    h.activeThreshold = 5;
    prepHugePage(h, 0);
    expect([h.thp.accesses[0], h.totalAccesses[0], h.totalAccesses[511]]).toEqual([64, 64, 64]);
  });
});

describe("MEMTIS's THP cooling and skewness (check_transhuge_cooling)", () => {
  it('gives a THP with 2 hot subpages of 512 skewness bin 20, and an evenly hot one bin 6', () => {
    const skewed = oneThp();
    for (let i = 0; i < 8; i++) {
      sampleHugePage(skewed, 0, 10);
      sampleHugePage(skewed, 0, 300);
    }
    // 2 x 4096^2 = 33,554,432; / 11 = 3,050,402; / 2 / 2 = 762,600: past 1024 by far -> 20.
    coolHugePage(skewed, 0);
    expect(skewed.thp.skewIdx[0]).toBe(20);
    expect(skewed.split.accessMap[20]).toBe(1);
    // Hot subpages' accesses a subpage: 8192 / 512 = 16, one hot THP.
    expect([skewed.split.sumUtil, skewed.split.numUtil]).toEqual([16, 1]);
    // Counts halved: the subpages to 2048 (bin 11), the THP's 16 to 8 (bin 3, 512 pages).
    expect([skewed.totalAccesses[10], skewed.thp.accesses[0], skewed.hg[3]]).toEqual([2048, 8, 512]);
    expect([skewed.ebpHg[11], skewed.ebpHg[0]]).toEqual([2, 510]);

    const even = oneThp();
    for (let v = 0; v < 512; v++) sampleHugePage(even, 0, v);
    // 512 x 512^2 / 11 = 12,201,611; / 512 / 512 = 46 -> bin 6.
    coolHugePage(even, 0);
    expect(even.thp.skewIdx[0]).toBe(6);
  });

  it('gives no skewness to a THP with no hot subpage or a very hot one (bin 13 and up)', () => {
    const cold = oneThp();
    cold.activeThreshold = 12;
    cold.bpActiveThreshold = 12;
    sampleHugePage(cold, 0, 3); // 512: bin 9 < 12
    coolHugePage(cold, 0);
    expect([cold.thp.skewIdx[0], cold.split.numUtil]).toEqual([0, 0]);

    const veryHot = oneThp();
    veryHot.thp.accesses[0] = 2 ** 15; // halved to 2^14: bin 14
    sampleHugePage(veryHot, 0, 3);
    coolHugePage(veryHot, 0);
    expect(veryHot.thp.idx[0]).toBe(14);
    expect(veryHot.thp.skewIdx[0]).toBe(0);
  });
});
