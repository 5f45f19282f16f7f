// `tierlab sweep FILE --set KEY=V1,V2 [--set ...] [--repeat N] [--shard I/N] [--workers N]
// [--out DIR] [--db PATH]`: every combination in the worker pool, with one progress bar.
import { SWEEP_USAGE } from '../usage.ts';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatScenarioErrors, parseScenario } from '../../shared/scenario/index.ts';
import { readScenarioDocument } from '../../main/scenario-file.ts';
import { defaultPoolSize } from '../../main/runner/pool.ts';
import { expandSweep, parseSetting, parseShard, type SweepItem } from '../../main/sweep/expand.ts';
import { intOption, parseCommandArgs, UsageError } from '../args.ts';
import { createProgress } from '../progress.ts';
import { formatRemaining, remainingWallMs } from '../../shared/run-pace.ts';
import { DB_OPTION, withLab } from '../lab.ts';
import { RunFailedError } from '../run-failed.ts';
import { writeRunFiles } from '../write-run-files.ts';

/** A malformed --set or --shard is the user's to fix: exit 2 with the message, no stack. */
function userInput<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Every combination is checked before any is saved, so a sweep with a bad one starts nothing. */
function requireValid(items: SweepItem[]): void {
  const problems: string[] = [];
  for (const item of items) {
    const p = parseScenario(item.document);
    if (!p.ok) problems.push(`with ${JSON.stringify(item.settings)}:\n${formatScenarioErrors(p.errors)}`);
  }
  if (problems.length) throw new UsageError(`some combinations are invalid\n${problems.join('\n')}`);
}

export async function sweepCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      set: { type: 'string', multiple: true },
      repeat: { type: 'string' },
      shard: { type: 'string' },
      workers: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      ...DB_OPTION,
    },
    SWEEP_USAGE,
  );
  if (positionals.length !== 1) throw new UsageError(`expected one scenario file\nusage: ${SWEEP_USAGE}`);
  const { scenario, document } = await readScenarioDocument(positionals[0]!);
  const settings = (values.set ?? []).map((text) => userInput(() => parseSetting(text)));
  const shard = values.shard ? userInput(() => parseShard(values.shard!)) : undefined;
  const items = expandSweep(
    document,
    scenario.run.seed,
    settings,
    intOption('repeat', values.repeat, 1) ?? 1,
    shard,
  );
  requireValid(items);
  const workers = intOption('workers', values.workers, 1) ?? defaultPoolSize();
  if (values.out) await mkdir(values.out, { recursive: true });

  const progress = createProgress(!values.quiet);
  await withLab({ db: values.db, workers }, async ({ api }) => {
    const fractions = new Map<number, number>();
    // The sweep's own clock: its runs share the pool, so its time left follows from its overall pace.
    const startedAt = performance.now();
    const stop = api.on('run:progress', (p) => {
      fractions.set(p.runId, p.fraction);
      const fraction = [...fractions.values()].reduce((a, b) => a + b, 0) / items.length;
      const left = formatRemaining(remainingWallMs({ fraction, wallMs: performance.now() - startedAt }));
      progress.update(fraction, `${items.length} runs, ${workers} workers, ETA ${left}`);
    });
    // Each combination is saved as its own scenario and queued, one API call each.
    const runIds: number[] = [];
    for (const item of items)
      runIds.push(...(await api.call('run:start', { document: item.document })).runIds);
    const { runs } = await api.call('run:wait', { runIds });
    stop();
    progress.done();
    for (const [i, run] of runs.entries()) {
      const item = items[i]!;
      if (values.out)
        await writeRunFiles(
          api,
          run.id,
          join(values.out, `sweep-${String(item.index).padStart(5, '0')}.result.json`),
        );
      if (!values.quiet)
        process.stdout.write(
          `run ${run.id} ${run.status} seed ${item.seed} ${JSON.stringify(item.settings)}\n`,
        );
    }
    if (runs.some((r) => r.status !== 'done'))
      throw new RunFailedError('some runs did not finish; see `tierlab list --status failed`');
  });
  return 0;
}
