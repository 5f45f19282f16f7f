// `tierlab export RUN... --csv OUT [--results] [--db PATH]`: samples (one row per sample, run id
// first) or, with --results, one row per run.
import { writeFile } from 'node:fs/promises';
import { parseCommandArgs, UsageError } from '../args.ts';
import { DB_OPTION, parseRunIds, withLab } from '../lab.ts';

export const EXPORT_USAGE = 'tierlab export RUN... --csv OUT [--results] [--db PATH]';

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { csv: { type: 'string' }, results: { type: 'boolean' }, ...DB_OPTION },
    EXPORT_USAGE,
  );
  const runIds = parseRunIds(positionals);
  if (!runIds.length || !values.csv)
    throw new UsageError(`expected run ids and --csv OUT\nusage: ${EXPORT_USAGE}`);
  const out = await withLab({ db: values.db, workers: 0 }, ({ api }) =>
    api.call(values.results ? 'export:results' : 'export:samples', { runIds }),
  );
  await writeFile(values.csv, out.csv);
  return 0;
}
