// Writes a samples CSV to a file chunk by chunk as `export:samples` answers, waiting on the stream's
// drain, so a million-row export keeps memory flat. The CSV is ASCII (counter names and numbers),
// so latin1 writes the same bytes as utf8 without scanning each chunk for multi-byte characters.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ApiClient, SamplesExportRequest } from '../shared/api/contract.ts';
import { samplesCsvChunks } from '../shared/api/read-samples-csv.ts';

export async function writeSamplesCsv(
  api: ApiClient,
  req: SamplesExportRequest,
  path: string,
): Promise<void> {
  // The first chunk checks the request: nothing is created for runs or a node that do not exist.
  const chunks = samplesCsvChunks(api, req);
  const first = await chunks.next();
  const file = createWriteStream(path, { highWaterMark: 1 << 22 });
  try {
    if (!first.done) file.write(first.value.csv, 'latin1');
    for await (const { csv } of chunks) if (!file.write(csv, 'latin1')) await once(file, 'drain');
  } finally {
    file.end();
    await once(file, 'finish');
  }
}
