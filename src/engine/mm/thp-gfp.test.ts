import { describe, expect, it } from 'vitest';
import { THP_DEFRAG } from '../../shared/scenario/knobs.ts';
import { GFP, vmaThpGfpMask } from './thp-gfp.ts';

// Read off vma_thp_gfp_mask() in mm/huge_memory.c, one defrag word and madvise state at a time.
const EXPECTED: Record<(typeof THP_DEFRAG)[number], [plain: number, madvised: number]> = {
  always: [GFP.directReclaim | GFP.noretry, GFP.directReclaim],
  defer: [GFP.kswapdReclaim, GFP.kswapdReclaim],
  'defer+madvise': [GFP.kswapdReclaim, GFP.directReclaim],
  madvise: [0, GFP.directReclaim],
  never: [0, 0],
};

describe('vma_thp_gfp_mask', () => {
  it.each(THP_DEFRAG)('maps defrag=%s to the kernel’s gfp flags', (defrag) => {
    expect(vmaThpGfpMask(defrag, false)).toBe(EXPECTED[defrag][0]);
    expect(vmaThpGfpMask(defrag, true)).toBe(EXPECTED[defrag][1]);
  });

  it('never lets a fault both stall and wake kswapd', () => {
    for (const defrag of THP_DEFRAG)
      for (const madvised of [false, true]) {
        const gfp = vmaThpGfpMask(defrag, madvised);
        expect(gfp & GFP.directReclaim && gfp & GFP.kswapdReclaim).toBeFalsy();
      }
  });
});
