// A samples CSV over the API, chunk by chunk: what every client (the CLI writing a file, the renderer
// saving one) loops over, since `export:samples` answers one chunk a call.
import type { ApiClient, SamplesExportRequest } from './contract.ts';

/** Yields the CSV's chunks in order; the first names the file the export proposes. */
export async function* samplesCsvChunks(
  client: ApiClient,
  req: SamplesExportRequest,
): AsyncGenerator<{ filename: string; csv: string }, void, undefined> {
  let from = req.from;
  for (;;) {
    const chunk = await client.call('export:samples', from ? { ...req, from } : req);
    yield chunk;
    if (!chunk.next) return;
    from = chunk.next;
  }
}

/** The whole CSV as one string, for a client whose save takes text (the app's save dialog). */
export async function readSamplesCsv(
  client: ApiClient,
  req: SamplesExportRequest,
): Promise<{ filename: string; csv: string }> {
  let filename = '';
  const parts: string[] = [];
  for await (const chunk of samplesCsvChunks(client, req)) {
    filename ||= chunk.filename;
    parts.push(chunk.csv);
  }
  return { filename, csv: parts.join('') };
}
