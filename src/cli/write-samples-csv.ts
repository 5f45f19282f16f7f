// Writes a samples CSV to a file chunk by chunk as `export:samples` answers, waiting on the stream's
// drain, so a million-row export keeps memory flat.
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
  const file = createWriteStream(path);
  try {
    if (!first.done) file.write(first.value.csv);
    for await (const { csv } of chunks) if (!file.write(csv)) await once(file, 'drain');
  } finally {
    file.end();
    await once(file, 'finish');
  }
}
