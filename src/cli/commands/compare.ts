// `tierlab compare RUN... [--baseline RUN] [--metrics a,b] [--include-partial] [--csv OUT] [--db PATH]`:
// runs grouped by scenario, summarised and tested for significance as mmtests' compare-kernels does,
// the baseline group first. Cancelled, failed and interrupted runs are left out unless asked.
import { COMPARE_USAGE } from '../usage.ts';
import { writeFile } from 'node:fs/promises';
import { parseCommandArgs, UsageError } from '../args.ts';
import { DB_OPTION, parseRunIds, withLab } from '../lab.ts';

export async function compareCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      baseline: { type: 'string' },
      metrics: { type: 'string' },
      csv: { type: 'string' },
      'include-partial': { type: 'boolean' },
      ...DB_OPTION,
    },
    COMPARE_USAGE,
  );
  const runIds = parseRunIds(positionals);
  if (!runIds.length) throw new UsageError(`expected run ids\nusage: ${COMPARE_USAGE}`);
  const metrics = values.metrics?.split(',').map((m) => m.trim());
  const includePartial = values['include-partial'] === true;
  await withLab({ db: values.db, workers: 0 }, async ({ api }) => {
    let baseline: number | undefined;
    if (values.baseline) {
      const first = await api.call('compare:runs', { runIds, metrics, includePartial });
      const id = parseRunIds([values.baseline])[0];
      baseline = first.groups.findIndex((g) => g.runIds.includes(id!));
      if (baseline < 0) throw new UsageError(`--baseline ${values.baseline} is not among the compared runs`);
    }
    const table = await api.call('compare:runs', { runIds, metrics, baseline, includePartial });
    process.stdout.write(
      table.groups
        .map((g, i) => `${i === table.baseline ? '*' : ' '} ${g.label}: runs ${g.runIds.join(',')}`)
        .join('\n') + '\n',
    );
    for (const note of table.notes) process.stdout.write(`  note: ${note}\n`);
    for (const e of table.excluded) {
      process.stdout.write(`  left out run ${e.runId}: it is ${e.status} (--include-partial compares it)\n`);
    }
    process.stdout.write('\n');
    process.stdout.write(table.text);
    if (values.csv) {
      const { csv } = await api.call('export:comparison', { runIds, metrics, baseline, includePartial });
      await writeFile(values.csv, csv);
    }
  });
  return 0;
}
