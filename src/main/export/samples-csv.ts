// Samples of stored runs as CSV, streamed in chunks so a million rows never become one string:
// machine-wide (/proc/vmstat, one row per sample) or per node (nodeN/vmstat, one row per sample per node).
import { iterateNodeSampleRows, iterateSampleRows, type Db } from '../db/index.ts';
import { samplesCsvHeader } from './csv.ts';

/** Rows per yielded chunk: large enough to amortise writes, small enough to stay a few MB. */
const ROWS_PER_CHUNK = 4096;

export interface SamplesCsvOptions {
  /** Lead each row with its run id (default true; a single run's own file leaves it out). */
  withRunId?: boolean;
  /** One row per sample per node, a `node` column after `time_ms`. */
  perNode?: boolean;
  /** With perNode: only this node's rows. */
  node?: number;
}

/**
 * Yields the CSV text: header, then the rows of each run in turn, in time order (then node order).
 * E.g. per node: `run_id,time_ms,node,nr_free_pages,...` then `3,0,0,16384,...` and `3,0,1,32768,...`.
 */
export function* samplesCsvChunks(
  db: Db,
  runIds: readonly number[],
  { withRunId = true, perNode = false, node }: SamplesCsvOptions = {},
): Generator<string> {
  yield samplesCsvHeader(withRunId ? ['run_id'] : [], perNode ? ['node'] : []);
  for (const id of runIds) {
    const lead = withRunId ? `${id},` : '';
    const rows = perNode ? iterateNodeSampleRows(db, id, node) : iterateSampleRows(db, id);
    let chunk = '';
    let nrRows = 0;
    for (const row of rows) {
      chunk += lead + row.join(',') + '\n';
      if (++nrRows === ROWS_PER_CHUNK) {
        yield chunk;
        chunk = '';
        nrRows = 0;
      }
    }
    if (chunk) yield chunk;
  }
}
