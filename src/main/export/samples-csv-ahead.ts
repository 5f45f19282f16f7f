// The samples export, reading ahead: while a client writes one chunk, the next ones are read and
// turned into text on reader threads (samples-readers.ts), each where the index says it starts
// (predictedNext). The chunk asked for is read here when no reader has it (or its reader failed).
// Every chunk is what samplesCsvChunk answers, byte for byte, except that a run still writing
// samples may end where it stood when its last chunk was read ahead. Read-ahead is bounded:
// `depth` chunks per export, and chunks of exports no client came back for are dropped oldest first.
import type { SamplesCursor, SamplesExportRequest } from '../../shared/api/contract.ts';
import { SAMPLES_PER_CHUNK, type Db } from '../db/index.ts';
import type { SampleChunkReaders } from './samples-readers.ts';
import {
  chunkFromPiece,
  planChunk,
  predictedNext,
  samplesCsvChunk,
  type SamplesCsvChunk,
} from './samples-csv.ts';

export class SamplesCsvAhead {
  private readonly ahead = new Map<string, Promise<SamplesCsvChunk>>();
  private readonly db: Db;
  private readonly readers: SampleChunkReaders;
  private readonly perChunk: number;
  /** Chunks read ahead of the one asked: one per reader thread keeps them all busy. */
  private readonly depth: number;

  constructor(db: Db, readers: SampleChunkReaders, perChunk = SAMPLES_PER_CHUNK) {
    this.db = db;
    this.readers = readers;
    this.perChunk = perChunk;
    this.depth = readers.count;
  }

  async chunk(req: SamplesExportRequest): Promise<SamplesCsvChunk> {
    const key = chunkKey(req, req.from);
    const readAlready = this.ahead.get(key);
    this.ahead.delete(key);
    // The reads ahead go first, so the reader threads work while this thread reads the one asked.
    const at = req.from ?? { run: 0, afterMs: null };
    this.readAfter(req, at);
    // A reader that failed (its thread died, it could not open the file) costs only speed: the
    // chunk is read again here, where a real error (the run deleted meanwhile) is reported.
    const readHere = () => samplesCsvChunk(this.db, req, this.perChunk);
    return readAlready ? readAlready.catch(readHere) : readHere();
  }

  private readAfter(req: SamplesExportRequest, at: SamplesCursor): void {
    let next = predictedNext(this.db, req, at, this.perChunk);
    for (let i = 0; i < this.depth && next; i++) {
      const key = chunkKey(req, next);
      if (!this.ahead.has(key)) this.ahead.set(key, this.readOnReader(req, next));
      next = predictedNext(this.db, req, next, this.perChunk);
    }
    for (const old of this.ahead.keys()) {
      if (this.ahead.size <= 4 * this.depth) break;
      this.ahead.delete(old);
    }
  }

  private readOnReader(req: SamplesExportRequest, at: SamplesCursor): Promise<SamplesCsvChunk> {
    const { read } = planChunk(this.db, req, at, this.perChunk);
    if (!read) return Promise.resolve({ csv: '', next: null });
    const chunk = this.readers
      .read(read.query, read.lead)
      .then((piece) => chunkFromPiece(req, at, piece, this.perChunk));
    // A chunk read ahead for a client that never comes back for it fails unobserved.
    chunk.catch(() => undefined);
    return chunk;
  }
}

/** One export's chunk: the request without its cursor, and the cursor. */
function chunkKey(req: SamplesExportRequest, at: SamplesCursor | undefined): string {
  const { runIds, perNode = false, node = null, withRunId = true } = req;
  return JSON.stringify([runIds, perNode, node, withRunId, at ? [at.run, at.afterMs] : 'first']);
}
