// Where a hot set sits in its region, for each distribution, given the scenario's hotPosition
// ('head', 'tail' or a byte offset). Phase changes call this again to move it.
import type { HotPosition } from '../../shared/scenario/resolved.ts';

export interface HotPlacement {
  /** 'hot': first page of the hot part, which spans hotPages pages. */
  hotStart: number;
  /** 'normal': the mean, in pages (a real number; page p covers [p, p+1)). */
  mean: number;
  /** 'zipf': the page of rank 0; rank r sits at origin + r * dir, wrapping around the region. */
  zipfOrigin: number;
  zipfDir: 1 | -1;
}

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/**
 * Worked example, a 100-page region with a 20-page hot part:
 * - 'head': hot part pages 0..19, normal mean 0 (a half bell), zipf ranks 0, 1, 2 at pages 0, 1, 2.
 * - 'tail': hot part pages 80..99, normal mean 100, zipf ranks 0, 1, 2 at pages 99, 98, 97.
 * - offset at page 90: hot part clamped to 80..99 so it fits; normal mean 90; zipf ranks at
 *   pages 90, 91, ..., 99, then 0, 1, ... (wrapping).
 */
export function placeHot(
  position: HotPosition,
  pages: number,
  hotPages: number,
  pageSize: number,
): HotPlacement {
  const last = Math.max(0, pages - 1);
  if (position === 'head') return { hotStart: 0, mean: 0, zipfOrigin: 0, zipfDir: 1 };
  if (position === 'tail') {
    return { hotStart: pages - hotPages, mean: pages, zipfOrigin: last, zipfDir: -1 };
  }
  const at = position / pageSize;
  return {
    hotStart: clamp(Math.floor(at), 0, pages - hotPages),
    mean: clamp(at, 0, pages),
    zipfOrigin: clamp(Math.floor(at), 0, last),
    zipfDir: 1,
  };
}
