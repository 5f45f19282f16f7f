// `tierlab list [--status S] [--tag T] [--json] [--db PATH]`: the runs in the lab database.
import { LIST_USAGE } from '../usage.ts';
import { RUN_STATUSES, type RunStatus } from '../../shared/api/types.ts';
import { parseCommandArgs, UsageError } from '../args.ts';
import { DB_OPTION, withLab } from '../lab.ts';
import { printable } from '../printable.ts';
import { formatSpeed } from '../../shared/run-pace.ts';

export async function listCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    { status: { type: 'string' }, tag: { type: 'string' }, json: { type: 'boolean' }, ...DB_OPTION },
    LIST_USAGE,
  );
  const status = values.status as RunStatus | undefined;
  if (status && !RUN_STATUSES.includes(status))
    throw new UsageError(`--status must be one of ${RUN_STATUSES.join(', ')}`);
  const runs = await withLab({ db: values.db, workers: 0 }, ({ api }) =>
    api.call('run:list', { status, tag: values.tag }),
  );
  if (values.json) {
    process.stdout.write(JSON.stringify(runs, null, 2) + '\n');
    return 0;
  }
  if (!runs.length) {
    process.stdout.write('no runs yet: tierlab run FILE --save, or tierlab sweep FILE --set ...\n');
    return 0;
  }
  process.stdout.write(
    `${'id'.padStart(5)}  ${'status'.padEnd(11)} ${'seed'.padStart(10)} ${'engine'.padEnd(6)} ${'simulated'.padStart(10)} ${'wall'.padStart(8)} ${'speed'.padStart(6)}  name\n`,
  );
  for (const r of runs) {
    const sim = r.simulatedMs === null ? '-' : `${(r.simulatedMs / 1000).toFixed(1)}s`;
    const wall = r.wallMs === null ? '-' : `${(r.wallMs / 1000).toFixed(2)}s`;
    const speed = r.simulatedMs === null || r.wallMs === null ? '-' : formatSpeed(r.simulatedMs, r.wallMs);
    const tags = r.tags.length ? `  [${printable(r.tags.join(', '))}]` : '';
    process.stdout.write(
      `${String(r.id).padStart(5)}  ${r.status.padEnd(11)} ${String(r.seed).padStart(10)} ${r.engine.padEnd(6)} ${sim.padStart(10)} ${wall.padStart(8)} ${speed.padStart(6)}  ${printable(r.name)}${tags}\n`,
    );
  }
  return 0;
}
