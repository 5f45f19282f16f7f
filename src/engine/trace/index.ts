// Trace replay's pure half: lackey text in, dense page references and the LRU / MIN bounds out.
export {
  createLackeyParser,
  lackeyCounts,
  lackeyEnd,
  lackeyFeed,
  LackeyError,
  TRACE_LIMITS,
  TraceLimitError,
} from './lackey.ts';
export type { LackeyParser, TraceLimits } from './lackey.ts';
export { boundsFeed, boundsLruHits, boundsResult, createBounds, traceBounds } from './bounds.ts';
export type { Bounds } from './bounds.ts';
export type { CapacityBound, RefSink, TraceCounts, TraceStats } from './types.ts';
