// The gfp flags of a THP fault (mm/huge_memory.c vma_thp_gfp_mask), from the transparent_hugepage
// defrag setting and whether the VMA was madvised (MADV_HUGEPAGE, the workload's `thp`). They decide
// whether the faulting task stalls in direct compaction and reclaim, only wakes kswapd (which wakes
// kcompactd), or just falls back to base pages.
import type { ThpDefrag } from '../../shared/scenario/knobs.ts';

/** The gfp bits the THP paths read (include/linux/gfp_types.h); the rest of GFP_TRANSHUGE_LIGHT is implied. */
export const GFP = {
  /** __GFP_DIRECT_RECLAIM: the caller may stall in direct compaction and reclaim. */
  directReclaim: 1,
  /** __GFP_KSWAPD_RECLAIM: the slow path wakes kswapd on the zonelist's nodes (ALLOC_KSWAPD). */
  kswapdReclaim: 2,
  /** __GFP_NORETRY: one round of compaction and reclaim, async only, then fail. */
  noretry: 4,
  /** __GFP_THISNODE: the preferred node only, no fallback down the zonelist. */
  thisnode: 8,
} as const;

/**
 * vma_thp_gfp_mask(). GFP_TRANSHUGE_LIGHT has no reclaim bits; GFP_TRANSHUGE adds direct reclaim.
 *   always:        direct reclaim, and __GFP_NORETRY unless madvised (no kswapd wake-up)
 *   defer:         kswapd only, whether madvised or not
 *   defer+madvise: direct reclaim if madvised, else kswapd
 *   madvise:       direct reclaim if madvised, else nothing
 *   never:         nothing
 */
export function vmaThpGfpMask(defrag: ThpDefrag, madvised: boolean): number {
  switch (defrag) {
    case 'always':
      return GFP.directReclaim | (madvised ? 0 : GFP.noretry);
    case 'defer':
      return GFP.kswapdReclaim;
    case 'defer+madvise':
      return madvised ? GFP.directReclaim : GFP.kswapdReclaim;
    case 'madvise':
      return madvised ? GFP.directReclaim : 0;
    case 'never':
      return 0;
  }
}
