// `tierlab tune FILE --knob ... --objective METRIC [--seeds N] [--budget RUNS] [--workers N]
// [--shard I/N] [--json OUT]`: the tuner through the API (`tune:start`, `tune:wait`), its arms run
// as ordinary runs in the worker pool, with one progress bar and the report on stdout. Ctrl-C cancels
// the tune (`tune:cancel`): its report then has the rounds that finished.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TUNE_USAGE } from '../usage.ts';
import type { ApiClient } from '../../shared/api/contract.ts';
import type { TuneReport } from '../../shared/tune/report.ts';
import { readScenarioDocument } from '../../main/scenario-file.ts';
import { defaultPoolSize } from '../../main/runner/pool.ts';
import { parseShard } from '../../main/sweep/expand.ts';
import { formatRemaining, remainingWallMs } from '../../shared/run-pace.ts';
import { intOption, parseCommandArgs, UsageError } from '../args.ts';
import { createProgress } from '../progress.ts';
import { DB_OPTION, withLab } from '../lab.ts';
import { RunFailedError } from '../run-failed.ts';
import { formatTuneReport } from '../tune-text.ts';
import { writeRunFiles } from '../write-run-files.ts';

/** --minimise or --maximise override the objective's own sense; neither leaves it. */
function direction(values: { minimise?: boolean; maximise?: boolean }): boolean | undefined {
  if (values.minimise && values.maximise) throw new UsageError('give --minimise or --maximise, not both');
  return values.minimise ? true : values.maximise ? false : undefined;
}

/**
 * Every run of the tune as result and samples files, named by arm and seed (the same on every
 * shard), so `tierlab import` merges the shards' first pass into one lab, where the tune goes on.
 */
async function writeArmFiles(api: ApiClient, report: TuneReport, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const arm of report.arms)
    for (const [i, runId] of arm.runIds.entries())
      await writeRunFiles(
        api,
        runId,
        join(dir, `tune-arm${String(arm.index).padStart(4, '0')}-seed${arm.runSeeds[i]}.result.json`),
      );
}

export async function tuneCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      knob: { type: 'string', multiple: true },
      objective: { type: 'string' },
      minimise: { type: 'boolean' },
      maximise: { type: 'boolean' },
      seeds: { type: 'string' },
      budget: { type: 'string' },
      shard: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      ...DB_OPTION,
    },
    TUNE_USAGE,
  );
  if (positionals.length !== 1) throw new UsageError(`expected one scenario file\nusage: ${TUNE_USAGE}`);
  if (!values.knob?.length) throw new UsageError(`give at least one --knob\nusage: ${TUNE_USAGE}`);
  if (!values.objective) throw new UsageError(`give an --objective (a Compare metric)\nusage: ${TUNE_USAGE}`);
  const { document } = await readScenarioDocument(positionals[0]!);
  let shard: { index: number; count: number } | undefined;
  try {
    shard = values.shard ? parseShard(values.shard) : undefined;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const workers = intOption('workers', values.workers, 1) ?? defaultPoolSize();
  const request = {
    document,
    knobs: values.knob,
    objective: values.objective,
    minimise: direction(values),
    seeds: intOption('seeds', values.seeds, 1),
    budget: intOption('budget', values.budget, 2),
    shard,
  };

  const progress = createProgress(!values.quiet);
  const report = await withLab({ db: values.db, workers }, async ({ api }) => {
    const { tuneId } = await api.call('tune:start', request);
    const stop = api.on('tune:progress', (p) => {
      if (p.tuneId !== tuneId) return;
      const left = formatRemaining(remainingWallMs(p));
      progress.update(
        p.fraction,
        `round ${p.round}, ${p.runsDone}/${p.runsPlanned} runs, ${workers} workers, ETA ${left}`,
      );
    });
    const cancel = () => void api.call('tune:cancel', { tuneId });
    process.once('SIGINT', cancel);
    let done: TuneReport;
    try {
      done = await api.call('tune:wait', { tuneId });
    } finally {
      process.off('SIGINT', cancel);
      stop();
      progress.done();
    }
    if (values.out) await writeArmFiles(api, done, values.out);
    return done;
  });
  if (values.json) await writeFile(values.json, JSON.stringify(report, null, 2) + '\n');
  if (report.status === 'failed') throw new RunFailedError(`the tune failed: ${report.error}`);
  process.stdout.write(formatTuneReport(report));
  if (report.status === 'cancelled')
    throw new RunFailedError(
      `tune ${report.tuneId} was cancelled; the report above has the rounds that finished`,
    );
  if (report.arms.some((a) => a.nrFailed > 0))
    throw new RunFailedError('some runs did not finish; see `tierlab list --status failed`');
  return 0;
}
