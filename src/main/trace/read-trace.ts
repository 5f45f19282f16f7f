// Trace files as the rest of the host sees them: statistics with the LRU / MIN bounds (streamed, memory
// O(footprint)), and a whole trace loaded as the reference sequence a trace workload replays.
import { boundsFeed, boundsResult, createBounds } from '../../engine/trace/index.ts';
import type { CapacityBound, TraceCounts, TraceStats } from '../../engine/trace/index.ts';
import { parseTraceFile, TRACE_FILE_LIMITS, TraceError, type TraceFileLimits } from './trace-file.ts';

export { TraceError, TRACE_FILE_LIMITS, type TraceFileLimits } from './trace-file.ts';

export interface TraceWorkload {
  footprintPages: number;
  /** Every page reference in trace order, `densePageId * 2 + write`. */
  refs: Uint32Array;
  stats: TraceCounts;
}

const DEFAULT_PAGE_SIZE = 4096;
const CHUNK_REFS = 1 << 20;

/** The capacities the fixture's oracle uses: footprint / 8, / 4 and / 2 pages, rounded down. */
export function defaultCapacities(footprint: number): number[] {
  return [8, 4, 2].map((d) => Math.floor(footprint / d));
}

function toStats(c: TraceCounts, capacities: CapacityBound[]): TraceStats {
  const { accesses, loads, stores, modifies, pageRefs, pages, pagesWritten } = c;
  return { accesses, loads, stores, modifies, pageRefs, pages, pagesWritten, capacities };
}

/**
 * Counts and bounds of a trace. With `capacities` given it is one pass; without, a first pass finds the
 * footprint for the default capacities and a second one computes the bounds. Memory is O(footprint).
 */
export async function traceStats(
  file: string,
  capacities?: readonly number[],
  pageSize = DEFAULT_PAGE_SIZE,
  limits: Readonly<TraceFileLimits> = TRACE_FILE_LIMITS,
): Promise<TraceStats> {
  for (const c of capacities ?? [])
    if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`capacity must be pages >= 0 (got ${c})`);
  if (capacities) {
    const b = createBounds(capacities);
    const counts = await parseTraceFile(file, pageSize, (refs) => boundsFeed(b, refs), limits);
    return toStats(counts, boundsResult(b));
  }
  const first = await parseTraceFile(file, pageSize, () => {}, limits);
  const b = createBounds(defaultCapacities(first.pages));
  const counts = await parseTraceFile(file, pageSize, (refs) => boundsFeed(b, refs), limits);
  if (counts.pageRefs !== first.pageRefs) throw new TraceError(file, 'the file changed while it was read');
  return toStats(counts, boundsResult(b));
}

/** The whole reference sequence in memory (4 bytes per reference, at most limits.maxReferences), for replay. */
export async function loadTraceWorkload(
  file: string,
  pageSize = DEFAULT_PAGE_SIZE,
  limits: Readonly<TraceFileLimits> = TRACE_FILE_LIMITS,
): Promise<TraceWorkload> {
  const chunks: Uint32Array[] = [];
  let chunk = new Uint32Array(CHUNK_REFS);
  let used = 0;
  const stats = await parseTraceFile(
    file,
    pageSize,
    (batch) => {
      for (let from = 0; from < batch.length;) {
        if (used === chunk.length) {
          chunks.push(chunk);
          chunk = new Uint32Array(CHUNK_REFS);
          used = 0;
        }
        const n = Math.min(batch.length - from, chunk.length - used);
        chunk.set(batch.subarray(from, from + n), used);
        used += n;
        from += n;
      }
    },
    limits,
  );
  chunks.push(chunk.subarray(0, used));
  const refs = new Uint32Array(stats.pageRefs);
  let at = 0;
  for (const c of chunks) {
    refs.set(c, at);
    at += c.length;
  }
  return { footprintPages: stats.pages, refs, stats };
}
