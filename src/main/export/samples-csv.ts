// Samples of stored runs as CSV, one chunk at a time so a million rows never become one string:
// machine-wide (/proc/vmstat, one row per sample) or per node (nodeN/vmstat, one row per sample per node).
// Each chunk is the stored rows of one run, written as SQLite returns them (no reshaping on the way).
import type { SamplesCursor, SamplesExportRequest } from '../../shared/api/contract.ts';
import {
  fullChunkEnd,
  runCounters,
  sampleRowsAfter,
  SAMPLES_PER_CHUNK,
  type Db,
  type StoredRowsQuery,
} from '../db/index.ts';
import { COUNTERS, type CounterName } from '../../shared/vmstat.ts';
import { samplesCsvHeader } from './csv.ts';
import { csvRows } from './csv-rows.ts';

export interface SamplesCsvChunk {
  csv: string;
  /** Where the next chunk starts; null after the last run's last sample. */
  next: SamplesCursor | null;
}

/**
 * The columns of an export: every counter one of its runs recorded, in COUNTERS order, so runs on
 * two kernels share one header and a counter one of them lacks is an empty cell there, not a 0.
 */
export function exportedCounters(db: Db, runIds: readonly number[], perNode: boolean): CounterName[] {
  const any = new Set(runIds.flatMap((id) => runCounters(db, id, perNode ? 'node' : 'machine')));
  return COUNTERS.filter((name) => any.has(name));
}

/** Where a chunk starts, its header ('' after the first) and, unless past the last run, what it reads. */
export interface ChunkPlan {
  at: SamplesCursor;
  header: string;
  read: { query: StoredRowsQuery; lead: string } | null;
}

export function planChunk(
  db: Db,
  req: SamplesExportRequest,
  at: SamplesCursor | undefined,
  perChunk: number,
): ChunkPlan {
  const { runIds, perNode = false, node, withRunId = true } = req;
  const names = exportedCounters(db, runIds, perNode);
  const header = at ? '' : samplesCsvHeader(withRunId ? ['run_id'] : [], perNode ? ['node'] : [], names);
  const start = at ?? { run: 0, afterMs: null };
  const runId = runIds[start.run];
  if (runId === undefined) return { at: start, header, read: null };
  const recorded = runCounters(db, runId, perNode ? 'node' : 'machine');
  const query = {
    runId,
    afterMs: start.afterMs ?? -Infinity,
    limit: perChunk,
    names,
    recorded,
    perNode,
    node,
  };
  return { at: start, header, read: { query, lead: withRunId ? `${runId},` : '' } };
}

/** The cursor after a chunk at `at` that covered `samples` samples, the last at `lastMs`. */
function cursorAfter(
  req: SamplesExportRequest,
  at: SamplesCursor,
  samples: number,
  lastMs: number | null,
  perChunk: number,
): SamplesCursor | null {
  if (samples === perChunk) return { run: at.run, afterMs: lastMs };
  return at.run + 1 < req.runIds.length ? { run: at.run + 1, afterMs: null } : null;
}

/**
 * The chunk of the export `req` starting at `req.from` (the header and the first run's first samples
 * without it): at most `perChunk` samples of one run, in time order (then node order).
 * E.g. per node: `run_id,time_ms,node,nr_free_pages,...` then `3,0,0,16384,...` and `3,0,1,32768,...`.
 * The stored rows are written as they come (their columns are the header's, in COUNTERS order;
 * a null, a counter that run's kernel lacks, is an empty cell).
 */
export function samplesCsvChunk(
  db: Db,
  req: SamplesExportRequest,
  perChunk = SAMPLES_PER_CHUNK,
): SamplesCsvChunk {
  const { at, header, read } = planChunk(db, req, req.from, perChunk);
  if (!read) return { csv: header, next: null };
  const { rows, samples, lastMs } = sampleRowsAfter(db, read.query);
  return { csv: header + csvRows(read.lead, rows), next: cursorAfter(req, at, samples, lastMs, perChunk) };
}

/**
 * Where the chunk after the one at `at` starts, from the index alone (what samplesCsvChunk's `next`
 * will be, unless the run is still writing samples); null after the last.
 */
export function predictedNext(
  db: Db,
  req: SamplesExportRequest,
  at: SamplesCursor,
  perChunk = SAMPLES_PER_CHUNK,
): SamplesCursor | null {
  const runId = req.runIds[at.run];
  if (runId === undefined) return null;
  const end = fullChunkEnd(db, runId, at.afterMs ?? -Infinity, perChunk);
  return end === null ? cursorAfter(req, at, 0, null, perChunk) : { run: at.run, afterMs: end };
}

/** What a chunk read on a reader thread (samples-readers.ts) gives: samplesCsvChunk's answer for `at`. */
export function chunkFromPiece(
  req: SamplesExportRequest,
  at: SamplesCursor,
  piece: { csv: string; samples: number; lastMs: number | null },
  perChunk = SAMPLES_PER_CHUNK,
): SamplesCsvChunk {
  return { csv: piece.csv, next: cursorAfter(req, at, piece.samples, piece.lastMs, perChunk) };
}
