// `tierlab show RUN [--json] [--heatmap [--task NAME]] [--db PATH]`: one run with its result; with
// --heatmap, each task's access heatmap as text after it (heatmap-text.ts).
import { SHOW_USAGE } from '../usage.ts';
import { parseCommandArgs, UsageError } from '../args.ts';
import { DB_OPTION, parseRunIds, withLab } from '../lab.ts';
import { formatSummary } from '../summary.ts';
import { printable } from '../printable.ts';
import { formatHeatmaps } from '../heatmap-text.ts';

export async function showCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { json: { type: 'boolean' }, heatmap: { type: 'boolean' }, task: { type: 'string' }, ...DB_OPTION },
    SHOW_USAGE,
  );
  const ids = parseRunIds(positionals);
  if (ids.length !== 1) throw new UsageError(`expected one run id\nusage: ${SHOW_USAGE}`);
  if (values.task !== undefined && !values.heatmap)
    throw new UsageError(`--task picks a task's heatmap: give --heatmap with it\nusage: ${SHOW_USAGE}`);
  if (values.heatmap && values.json)
    throw new UsageError(`--json already holds the heatmaps (tasks[].heatmap)\nusage: ${SHOW_USAGE}`);
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
  if (values.heatmap) {
    const r = detail.result;
    if (!r) throw new UsageError(`run ${ids[0]} has no result, so no heatmap (it is ${detail.run.status})`);
    if (values.task !== undefined && !r.tasks.some((t) => t.name === values.task))
      throw new UsageError(
        `run ${ids[0]} has no task ${values.task} (its tasks: ${r.tasks.map((t) => t.name).join(', ')})`,
      );
    process.stdout.write('\n' + printable(formatHeatmaps(r, values.task)));
  }
  return 0;
}
