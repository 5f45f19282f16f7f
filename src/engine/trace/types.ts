// What a trace is summarised into: the lackey access counts, the footprint, and per capacity the
// hit counts of exact LRU and of Belady's MIN (the bound no placement policy can beat).

/** A batch of page references, `densePageId * 2 + write`; the view is valid only during the call. */
export type RefSink = (refs: Uint32Array) => void;

import type { TraceCounts } from '../../shared/scenario/resolved.ts';

export type { TraceCounts };

export interface CapacityBound {
  /** Cache capacity in pages. */
  pages: number;
  lruHits: number;
  /** lruHits / pageRefs. */
  lruHitRatio: number;
  optHits: number;
  optHitRatio: number;
}

export interface TraceStats extends TraceCounts {
  capacities: CapacityBound[];
}
