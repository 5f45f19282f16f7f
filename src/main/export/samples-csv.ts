// Samples of stored runs as CSV, streamed in chunks so a million rows never become one string.
import { iterateSampleRows, type Db } from '../db/index.ts';
import { samplesCsvHeader } from './csv.ts';

/** Rows per yielded chunk: large enough to amortise writes, small enough to stay a few MB. */
const ROWS_PER_CHUNK = 4096;

/** Yields the CSV text: header, then one line per sample (run id first unless left out). */
export function* samplesCsvChunks(db: Db, runIds: readonly number[], withRunId = true): Generator<string> {
  yield samplesCsvHeader(withRunId ? ['run_id'] : []);
  for (const id of runIds) {
    const lead = withRunId ? `${id},` : '';
    let chunk = '';
    let rows = 0;
    for (const row of iterateSampleRows(db, id)) {
      chunk += lead + row.join(',') + '\n';
      if (++rows === ROWS_PER_CHUNK) {
        yield chunk;
        chunk = '';
        rows = 0;
      }
    }
    if (chunk) yield chunk;
  }
}
