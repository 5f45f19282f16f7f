// What a trace is summarised into: the lackey access counts, the footprint, and per capacity the
// hit counts of exact LRU and of Belady's MIN (the bound no placement policy can beat).

/** A batch of page references, `densePageId * 2 + write`; the view is valid only during the call. */
export type RefSink = (refs: Uint32Array) => void;

/** The same shape as the scenario's TraceCounts, kept here with its field docs. */
export interface TraceCounts {
  /** Data accesses: L, S and M lines. */
  accesses: number;
  loads: number;
  stores: number;
  modifies: number;
  /** One per page an access touches, so an access straddling a page boundary counts twice. */
  pageRefs: number;
  /** Footprint: distinct pages referenced. */
  pages: number;
  /** Distinct pages stored to or modified. */
  pagesWritten: number;
}

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
