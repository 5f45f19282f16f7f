// A reader thread of the samples export: reads the stored rows of one chunk on its own read-only
// connection and writes them as CSV text, so the chunks after the one being written are read on
// the other cores meanwhile (a million rows spend ~2/3 of their time in SQLite and better-sqlite3).
import { parentPort, workerData } from 'node:worker_threads';
import { openSampleReader } from '../db/index.ts';
import { csvRows } from './csv-rows.ts';
import type { ChunkJob, ChunkReply } from './samples-chunk-messages.ts';

const port = parentPort;
if (!port) throw new Error('samples-chunk-worker.ts must run in a worker thread');
const reader = openSampleReader((workerData as { dbPath: string }).dbPath);

port.on('message', (job: ChunkJob) => {
  let reply: ChunkReply;
  try {
    const { rows, samples, lastMs } = reader.rowsAfter(job.query);
    reply = { id: job.id, csv: csvRows(job.lead, rows), samples, lastMs };
  } catch (e) {
    reply = { id: job.id, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
