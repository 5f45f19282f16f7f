import { describe, expect, it } from 'vitest';
import { defaultKnobs } from '../../shared/scenario/knobs.ts';
import { example1, example3 } from '../../../tests/support/engine/machines.ts';
import { deriveMachine } from './layout.ts';

describe('deriveMachine', () => {
  it('derives the whole boot-time layout of the Example 1 machine', () => {
    // 4 nodes x 16 GiB = 4 x 4194304 pages; lowmem 67108864 KiB; int_sqrt(1073741824) = 32768 KiB;
    // pages_min 8192, a quarter (2048) per node; gap = max(512, 4194304 * 10 / 10000 = 4194).
    const wmark = { min: 2048, low: 6242, high: 10436, promo: 14630 };
    expect(deriveMachine(example1(), defaultKnobs())).toEqual({
      adistance: [576, 576, 2880, 2880],
      tierOf: [4, 4, 22, 22],
      tiers: [
        { id: 4, adistanceStart: 512, nodes: [0, 1] },
        { id: 22, adistanceStart: 2816, nodes: [2, 3] },
      ],
      topTier: [true, true, false, false],
      demotion: [
        { preferred: [2], fallback: [2, 3] },
        { preferred: [3], fallback: [2, 3] },
        { preferred: [], fallback: [] },
        { preferred: [], fallback: [] },
      ],
      zonelist: [
        [0, 1, 2, 3],
        [1, 0, 3, 2],
        [2, 0, 3, 1],
        [3, 1, 2, 0],
      ],
      minFreeKbytes: 32768,
      watermarks: [wmark, wmark, wmark, wmark],
      managedPages: [4194304, 4194304, 4194304, 4194304],
      spannedPages: [4194304, 4194304, 4194304, 4194304],
      zoneMovable: [false, false, false, false],
    });
  });

  it('uses the min_free_kbytes and watermark_scale_factor knobs when set', () => {
    const knobs = { ...defaultKnobs(), min_free_kbytes: 1024, watermark_scale_factor: 100 };
    // 3 x 4194304 pages; pages_min 256, 85 per node (256 / 3); gap = 4194304 * 100 / 10000 = 41943.
    const layout = deriveMachine(example3(), knobs);
    expect(layout.minFreeKbytes).toBe(1024);
    expect(layout.watermarks[0]).toEqual({ min: 85, low: 42028, high: 83971, promo: 125914 });
    expect(layout.adistance).toEqual([576, 216, 2880]);
    expect(layout.tierOf).toEqual([4, 1, 22]);
  });
});
