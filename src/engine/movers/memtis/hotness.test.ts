import { describe, expect, it } from 'vitest';
import {
  addSample,
  adjustActiveThreshold,
  cool,
  createHotness,
  demotionWatermark,
  initPteEntries,
  promotionWatermark,
  type Hotness,
} from './hotness.ts';
import { getIdx } from './bins.ts';

/** A histogram with `pages[bin]` pages in each bin, the rest of the state fresh. */
function withBins(maxNrDramPages: number, pages: Record<number, number>, thresHot = 1): Hotness {
  const h = createHotness(16, maxNrDramPages, thresHot);
  for (const [bin, n] of Object.entries(pages)) h.hg[Number(bin)] = n;
  return h;
}

describe('MEMTIS hotness bins (get_idx)', () => {
  it('bins a count by floor(log2(count + 1)), stopping at 15', () => {
    // 512 + 1 = 513 lies in [2^9, 2^10): bin 9; 1535 + 1 = 1536 still below 2^11.
    expect([0, 1, 2, 3, 511, 512, 1023, 1024, 1535, 2047, 32767, 1e6].map(getIdx)).toEqual([
      0, 1, 1, 2, 9, 9, 10, 10, 10, 11, 15, 15,
    ]);
  });

  it('moves a page up its bins as samples add 512 each: bins 9, 10, 10, 11', () => {
    const h = createHotness(4, 1000, 1);
    const seen: number[][] = [];
    for (let i = 0; i < 4; i++) {
      addSample(h, 2);
      seen.push([h.hg[9]!, h.hg[10]!, h.hg[11]!]);
    }
    expect(h.totalAccesses[2]).toBe(2048);
    expect(seen).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });
});

describe("MEMTIS's fast-tier watermarks", () => {
  it('floors them at 50 MB and caps them as htmm_migrater.c does, or takes plain 3% and 2%', () => {
    // 100,000 pages: 3% = 3,000 < 25,600 (100 MB) -> 12,800; 2% = 2,000 < 12,800 -> 12,800.
    expect(promotionWatermark(100_000)).toBe(12_800);
    expect(demotionWatermark(100_000)).toBe(12_800);
    // 4 Mi pages (16 GiB): 3% = 125,829; 2% = 83,886, both inside their limits.
    expect(promotionWatermark(4 * 2 ** 20)).toBe(125_829);
    expect(demotionWatermark(4 * 2 ** 20)).toBe(83_886);
    // 64 Mi pages: 3% = 2,013,265 > 384,000 -> 256,000; 2% past 256,000 -> 256,000.
    expect(promotionWatermark(64 * 2 ** 20)).toBe(256_000);
    expect(demotionWatermark(64 * 2 ** 20)).toBe(256_000);
    expect(promotionWatermark(100_000, false)).toBe(3_000);
    expect(demotionWatermark(100_000, false)).toBe(2_000);
  });
});

describe('MEMTIS hot threshold (__adjust_active_threshold)', () => {
  it('takes the highest bin whose pages and those above fit the fast tier less its watermark', () => {
    // Room 100,000 - 12,800 = 87,200: bin 11's 60,000 fit, with bin 10's 40,000 they would not.
    const h = withBins(100_000, { 11: 60_000, 10: 40_000 });
    adjustActiveThreshold(h, 1, false);
    expect(h.activeThreshold).toBe(11);
    // 60,000 is under 75% of 87,200 (65,400): pages one bin below are warm.
    expect(h.warmThreshold).toBe(10);
  });

  it('counts the room with plain 3% when the watermark limits are off', () => {
    // Limits on: room 87,200, 60,000 + 30,000 > it at bin 10 -> 11. Off: room 97,000 takes bin 10
    // too (90,000), and bin 9's 20,000 would not fit -> 10.
    const on = withBins(100_000, { 11: 60_000, 10: 30_000, 9: 20_000 });
    const off = withBins(100_000, { 11: 60_000, 10: 30_000, 9: 20_000 });
    adjustActiveThreshold(on, 1, false, true);
    adjustActiveThreshold(off, 1, false, false);
    expect([on.activeThreshold, off.activeThreshold]).toEqual([11, 10]);
    // 90,000 is over 75% of 97,000 (72,750): no warm band.
    expect(off.warmThreshold).toBe(10);
  });

  it('is 15 when the fast tier is smaller than its watermark, and never below htmm_thres_hot', () => {
    const small = withBins(10_000, { 12: 5 });
    adjustActiveThreshold(small, 1, false);
    expect(small.activeThreshold).toBe(15);
    const everyPageFits = withBins(100_000, { 12: 5 }, 4);
    adjustActiveThreshold(everyPageFits, 4, false);
    expect(everyPageFits.activeThreshold).toBe(4);
  });

  it('only rises between coolings, and falls by one at the first adaptation after a cooling', () => {
    const h = withBins(100_000, { 11: 60_000, 10: 40_000 });
    adjustActiveThreshold(h, 1, false);
    h.hg.fill(0);
    h.hg[9] = 10; // everything would fit now: bin 0 -> clamped to 1
    adjustActiveThreshold(h, 1, false);
    expect(h.activeThreshold).toBe(11);
    h.cooled = true;
    adjustActiveThreshold(h, 1, false);
    expect(h.activeThreshold).toBe(10);
    expect(h.cooled).toBe(false);
  });

  it('keeps no warm band with htmm_nowarm', () => {
    const h = withBins(100_000, { 11: 60_000, 10: 40_000 });
    adjustActiveThreshold(h, 1, true);
    expect([h.activeThreshold, h.warmThreshold]).toEqual([11, 11]);
  });
});

describe('MEMTIS cooling', () => {
  it("halves every page's count, rebuilds the histogram and forgets pages no longer mapped", () => {
    const h = createHotness(4, 1000, 1);
    for (let i = 0; i < 4; i++) addSample(h, 0); // 2048: bin 11
    addSample(h, 1); // 512: bin 9
    addSample(h, 3); // 512, but vpage 3 is gone by the cooling
    cool(
      h,
      (v) => v !== 3,
      () => false,
    );
    expect(Array.from(h.totalAccesses)).toEqual([1024, 256, 0, 0]);
    // 1024 -> bin 10, 256 -> bin 8.
    expect(h.hg[10]).toBe(1);
    expect(h.hg[8]).toBe(1);
    expect(h.hg.reduce((a, b) => a + b, 0)).toBe(2);
    expect([h.coolingClock, h.cooled]).toEqual([1, true]);
  });
});

describe('MEMTIS new pages (set_page_coolstatus)', () => {
  it('start one bin above the hot threshold, outside the histogram until a sample moves them to another bin', () => {
    const h = createHotness(1024, 1000, 1);
    h.activeThreshold = 10;
    initPteEntries(h, 512, 512);
    // 2^11 = 2048: bin 11; entries 0..511 are another PTE page's.
    expect([h.totalAccesses[511], h.totalAccesses[512], h.totalAccesses[1023]]).toEqual([0, 2048, 2048]);
    expect(getIdx(h.totalAccesses[600]!)).toBe(11);
    expect(h.hg.reduce((a, b) => a + b, 0)).toBe(0);
    // update_base_page() moves a page in the histogram only when its bin changes: 2560, 3072 and
    // 3584 stay in bin 11 uncounted; 4096 is bin 12 (bin 11's count stays at its floor of 0).
    for (let i = 0; i < 3; i++) addSample(h, 600);
    expect(h.hg.reduce((a, b) => a + b, 0)).toBe(0);
    addSample(h, 600);
    expect([h.hg[11], h.hg[12]]).toEqual([0, 1]);
  });
});
