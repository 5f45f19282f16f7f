import { describe, expect, it } from 'vitest';
import { calculateMinFreeKbytes, intSqrt, pageShift, setupPerZoneWmarks } from './watermarks.ts';

// Worked by hand: node 0 of 4 GiB = 1048576 pages, node 1 of 8 GiB = 2097152 pages (4 KiB pages).
// lowmem = 3145728 pages = 12582912 KiB; int_sqrt(12582912 * 16 = 201326592) = 14188
// (14188^2 = 201299344, 14189^2 = 201327721); pages_min = 14188 >> 2 = 3547.
const managed = [1048576, 2097152];

describe('min_free_kbytes', () => {
  it('is int_sqrt(lowmem_kbytes * 16)', () => {
    expect(calculateMinFreeKbytes(3145728, 4096)).toBe(14188);
    // 256 MiB: 262144 KiB * 16 = 4194304 = 2048^2.
    expect(calculateMinFreeKbytes(65536, 4096)).toBe(2048);
  });

  it('is clamped to [128, 262144]', () => {
    // 128 pages = 512 KiB: int_sqrt(8192) = 90, raised to 128.
    expect(calculateMinFreeKbytes(128, 4096)).toBe(128);
    // 8 TiB: int_sqrt(2^33 * 16 = 2^37) = 370727, capped at 262144.
    expect(calculateMinFreeKbytes(2 ** 31, 4096)).toBe(262144);
  });
});

describe('per-zone watermarks', () => {
  it('splits pages_min by size and spaces the marks by 0.1% of the node', () => {
    // Node 0: min = 3547 * 1048576 / 3145728 = 1182; gap = max(1182 / 4 = 295, 1048576 * 10 / 10000 = 1048).
    // Node 1: min = 3547 * 2097152 / 3145728 = 2364; gap = max(591, 2097).
    expect(setupPerZoneWmarks(managed, 14188, 10, 4096)).toEqual([
      { min: 1182, low: 2230, high: 3278, promo: 4326 },
      { min: 2364, low: 4461, high: 6558, promo: 8655 },
    ]);
  });

  it('keeps each gap at least min / 4 on small nodes', () => {
    // 256 MiB: pages_min = 2048 >> 2 = 512; gap = max(512 / 4 = 128, 65536 * 10 / 10000 = 65) = 128.
    expect(setupPerZoneWmarks([65536], 2048, 10, 4096)).toEqual([
      { min: 512, low: 640, high: 768, promo: 896 },
    ]);
  });

  it('widens the gaps with watermark_scale_factor', () => {
    // Gap = 1048576 * 200 / 10000 = 20971 (20971.52 truncated) for node 0, 41943 for node 1.
    expect(setupPerZoneWmarks(managed, 14188, 200, 4096)).toEqual([
      { min: 1182, low: 22153, high: 43124, promo: 64095 },
      { min: 2364, low: 44307, high: 86250, promo: 128193 },
    ]);
  });

  it("honours a user's min_free_kbytes", () => {
    // 65536 KiB >> 2 = 16384 pages: 16384 / 3 = 5461, 16384 * 2 / 3 = 10922.
    const [n0, n1] = setupPerZoneWmarks(managed, 65536, 10, 4096);
    expect(n0?.min).toBe(5461);
    expect(n1?.min).toBe(10922);
    // 5461 / 4 = 1365 beats 1048.
    expect(n0?.low).toBe(5461 + 1365);
  });

  it('converts KiB to pages by the page size', () => {
    // 64 KiB pages: pages_min = 14188 >> 6 = 221, all on one node.
    expect(setupPerZoneWmarks([65536], 14188, 10, 65536)[0]?.min).toBe(221);
    expect(pageShift(65536)).toBe(16);
  });

  it('gives a memoryless node zero watermarks', () => {
    expect(setupPerZoneWmarks([0, 1048576], 4096, 10, 4096)[0]).toEqual({
      min: 0,
      low: 0,
      high: 0,
      promo: 0,
    });
  });
});

describe('int_sqrt', () => {
  it('floors exactly around perfect squares', () => {
    expect([0, 1, 3, 4, 15, 16, 17].map(intSqrt)).toEqual([0, 1, 1, 2, 3, 4, 4]);
    expect(intSqrt(2 ** 52 - 1)).toBe(2 ** 26 - 1);
  });
});
