// `tierlab run FILE [--seed N] [--json OUT] [--csv OUT [--per-node]] [--quiet] [--save [--db PATH]]`.
// A client of the lab's API either way: with --save, the lab's database (default the app's); without,
// a lab of its own in a temporary folder, gone when the command ends.
import { RUN_USAGE } from '../usage.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../../shared/result.ts';
import { toScenarioFile } from '../../shared/scenario/serialize.ts';
import { readScenarioDocument } from '../../main/scenario-file.ts';
import { attachTraces } from '../../main/trace/attach.ts';
import { scenarioIdentity } from '../../main/scenario-identity.ts';
import { intOption, parseCommandArgs, UsageError } from '../args.ts';
import { createProgress } from '../progress.ts';
import { formatSummary } from '../summary.ts';
import { DB_OPTION } from '../lab.ts';
import { runSaved } from './run-saved.ts';

export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      seed: { type: 'string' },
      json: { type: 'string' },
      csv: { type: 'string' },
      'per-node': { type: 'boolean' },
      quiet: { type: 'boolean' },
      save: { type: 'boolean' },
      ...DB_OPTION,
    },
    RUN_USAGE,
  );
  if (positionals.length !== 1) throw new UsageError(`expected one scenario file\nusage: ${RUN_USAGE}`);
  const { scenario } = await readScenarioDocument(positionals[0]!);
  const seed = intOption('seed', values.seed);
  if (seed !== undefined) scenario.run.seed = seed >>> 0;
  const perNode = values['per-node'] ?? false;
  if (perNode && !values.csv) throw new UsageError(`--per-node is a form of --csv OUT\nusage: ${RUN_USAGE}`);
  const progress = createProgress(!values.quiet);

  const csv = values.csv ? { path: values.csv, perNode } : undefined;
  let result: RunResult;
  if (values.save) {
    const saved = await runSaved(scenario, values.db, csv, progress);
    result = saved.result;
    if (!values.quiet) process.stdout.write(`saved as run ${saved.runId}\n`);
  } else {
    // Not saved: the same API over a lab of its own, in a folder removed when the run has been read.
    // A bad trace is bad input here (exit 2, nothing started); the worker reads it again to run it.
    await attachTraces(structuredClone(scenario));
    const dir = await mkdtemp(join(tmpdir(), 'tierlab-run-'));
    try {
      result = (await runSaved(scenario, join(dir, 'lab.db'), csv, progress)).result;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  progress.done();
  result.scenario = toScenarioFile(scenario);
  result.scenarioHash = scenarioIdentity(scenario);
  if (values.json) await writeFile(values.json, JSON.stringify(result, null, 2) + '\n');
  if (!values.quiet) process.stdout.write(formatSummary(result, scenario.machine.pageSize));
  return 0;
}
