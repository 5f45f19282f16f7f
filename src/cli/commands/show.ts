// `tierlab show RUN [--json] [--db PATH]`: one run with its result.
import { SHOW_USAGE } from '../usage.ts';
import { parseCommandArgs, UsageError } from '../args.ts';
import { DB_OPTION, parseRunIds, withLab } from '../lab.ts';
import { formatSummary } from '../summary.ts';
import { printable } from '../printable.ts';

export async function showCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { json: { type: 'boolean' }, ...DB_OPTION },
    SHOW_USAGE,
  );
  const ids = parseRunIds(positionals);
  if (ids.length !== 1) throw new UsageError(`expected one run id\nusage: ${SHOW_USAGE}`);
  const detail = await withLab({ db: values.db, workers: 0 }, ({ api }) =>
    api.call('run:get', { runId: ids[0]! }),
  );
  if (values.json) {
    process.stdout.write(JSON.stringify(detail, null, 2) + '\n');
    return 0;
  }
  const r = detail.run;
  process.stdout.write(
    printable(
      `run ${r.id} ${r.status}${r.error ? `: ${r.error}` : ''}${r.tags.length ? ` [${r.tags.join(', ')}]` : ''}`,
    ) + '\n',
  );
  if (detail.note) process.stdout.write(`note: ${printable(detail.note)}\n`);
  if (detail.result) process.stdout.write(formatSummary(detail.result));
  return 0;
}
