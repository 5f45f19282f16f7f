// `tierlab export RUN... --csv OUT [--results] [--db PATH]`: samples (one row per sample, run id
// first), streamed to the file, or with --results one row per run.
import { EXPORT_USAGE } from '../usage.ts';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { requireRuns } from '../../main/api/handlers/export.ts';
import { samplesCsvChunks } from '../../main/export/samples-csv.ts';
import { parseCommandArgs, UsageError } from '../args.ts';
import { DB_OPTION, parseRunIds, withLab } from '../lab.ts';

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { csv: { type: 'string' }, results: { type: 'boolean' }, ...DB_OPTION },
    EXPORT_USAGE,
  );
  const runIds = parseRunIds(positionals);
  const out = values.csv;
  if (!runIds.length || !out) throw new UsageError(`expected run ids and --csv OUT\nusage: ${EXPORT_USAGE}`);
  await withLab({ db: values.db, workers: 0 }, async ({ lab, api }) => {
    if (values.results) return writeFile(out, (await api.call('export:results', { runIds })).csv);
    requireRuns(lab, runIds);
    const file = createWriteStream(out);
    for (const chunk of samplesCsvChunks(lab.db, runIds)) if (!file.write(chunk)) await once(file, 'drain');
    file.end();
    await once(file, 'finish');
  });
  return 0;
}
