// What the samples export's reader threads are sent and answer (samples-readers.ts, samples-chunk-worker.ts).
import type { StoredRowsQuery } from '../db/index.ts';

export interface ChunkJob {
  id: number;
  query: StoredRowsQuery;
  /** Each row's first cells, e.g. "3," for the run id (csvRows' `lead`). */
  lead: string;
}

export type ChunkReply =
  { id: number; csv: string; samples: number; lastMs: number | null } | { id: number; error: string };
