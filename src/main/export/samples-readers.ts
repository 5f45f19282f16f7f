// The samples export's reader threads (samples-chunk-worker.ts): started on the first chunk read
// ahead, each with its own read-only connection, given jobs to the least busy. An idle reader does
// not keep the process alive; one that dies fails its jobs and is replaced on the next job, until
// readers have died twice per thread: then every job fails at once (the export reads on its own).
import { Worker } from 'node:worker_threads';
import type { StoredRowsQuery } from '../db/index.ts';
import type { ChunkJob, ChunkReply } from './samples-chunk-messages.ts';

export const DEFAULT_READER_URL = new URL('./samples-chunk-worker.ts', import.meta.url);

export interface CsvPiece {
  csv: string;
  samples: number;
  lastMs: number | null;
}

interface Reader {
  worker: Worker;
  waiting: Map<number, { resolve(piece: CsvPiece): void; reject(error: Error): void }>;
}

export class SampleChunkReaders {
  private readers: Reader[] = [];
  private lastId = 0;
  private closed = false;
  private deaths = 0;
  private lastDeath: Error | null = null;

  private readonly dbPath: string;
  readonly count: number;
  private readonly url: URL | string;

  constructor(dbPath: string, count: number, url: URL | string = DEFAULT_READER_URL) {
    this.dbPath = dbPath;
    this.count = count;
    this.url = url;
  }

  /** The CSV text of the stored rows `query` picks, each line starting with `lead`. */
  read(query: StoredRowsQuery, lead: string): Promise<CsvPiece> {
    if (this.closed) return Promise.reject(new Error('the lab is closed'));
    if (this.deaths >= 2 * this.count) return Promise.reject(this.lastDeath!);
    const reader = this.leastBusy();
    const job: ChunkJob = { id: ++this.lastId, query, lead };
    return new Promise<CsvPiece>((resolve, reject) => {
      reader.waiting.set(job.id, { resolve, reject });
      reader.worker.ref();
      reader.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const readers = this.readers;
    this.readers = [];
    await Promise.all(readers.map((r) => r.worker.terminate()));
  }

  private leastBusy(): Reader {
    if (this.readers.length < this.count) return this.start();
    return this.readers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
  }

  private start(): Reader {
    const reader: Reader = {
      worker: new Worker(this.url, { workerData: { dbPath: this.dbPath } }),
      waiting: new Map(),
    };
    reader.worker.on('message', (reply: ChunkReply) => {
      const job = reader.waiting.get(reply.id);
      reader.waiting.delete(reply.id);
      if (reader.waiting.size === 0) reader.worker.unref();
      if ('error' in reply) job?.reject(new Error(reply.error));
      else job?.resolve(reply);
    });
    const fail = (error: Error): void => {
      if (!this.readers.includes(reader)) return;
      this.readers = this.readers.filter((r) => r !== reader);
      this.deaths++;
      this.lastDeath = error;
      for (const job of reader.waiting.values()) job.reject(error);
      reader.waiting.clear();
    };
    reader.worker.on('error', fail);
    reader.worker.on('exit', (code) => fail(new Error(`a samples reader thread exited (code ${code})`)));
    reader.worker.unref();
    this.readers.push(reader);
    return reader;
  }
}
