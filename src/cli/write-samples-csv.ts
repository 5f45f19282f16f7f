// Writes a samples CSV to a file as it is read from the database, waiting on the stream's drain,
// so a million-row export keeps memory flat.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Db } from '../main/db/index.ts';
import { samplesCsvChunks, type SamplesCsvOptions } from '../main/export/samples-csv.ts';

export async function writeSamplesCsv(
  db: Db,
  runIds: readonly number[],
  options: SamplesCsvOptions,
  path: string,
): Promise<void> {
  const file = createWriteStream(path);
  for (const chunk of samplesCsvChunks(db, runIds, options))
    if (!file.write(chunk)) await once(file, 'drain');
  file.end();
  await once(file, 'finish');
}
