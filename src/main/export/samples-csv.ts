// Samples of stored runs as CSV, one chunk at a time so a million rows never become one string:
// machine-wide (/proc/vmstat, one row per sample) or per node (nodeN/vmstat, one row per sample per node).
// Each chunk is the stored rows of one run, written as SQLite returns them (no reshaping on the way).
import type { SamplesCursor, SamplesExportRequest } from '../../shared/api/contract.ts';
import { runCounters, sampleRowsAfter, SAMPLES_PER_CHUNK, type Db } from '../db/index.ts';
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
  const { runIds, perNode = false, node, withRunId = true, from } = req;
  const names = exportedCounters(db, runIds, perNode);
  const header = from ? '' : samplesCsvHeader(withRunId ? ['run_id'] : [], perNode ? ['node'] : [], names);
  const at = from ?? { run: 0, afterMs: null };
  const runId = runIds[at.run];
  if (runId === undefined) return { csv: header, next: null };
  const { rows, samples, lastMs } = sampleRowsAfter(
    db,
    runId,
    at.afterMs ?? -Infinity,
    perChunk,
    names,
    perNode,
    node,
  );
  const lead = withRunId ? `${runId},` : '';
  const csv = header + csvRows(lead, rows);
  if (samples === perChunk) return { csv, next: { run: at.run, afterMs: lastMs } };
  return { csv, next: at.run + 1 < runIds.length ? { run: at.run + 1, afterMs: null } : null };
}
