// `tierlab run FILE [--seed N] [--json OUT] [--csv OUT [--per-node]] [--quiet] [--save [--db PATH]]`.
// Without --save the run happens in this thread; with it, in the lab's worker pool and database.
import { RUN_USAGE } from '../usage.ts';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { RunResult } from '../../shared/result.ts';
import { toScenarioFile } from '../../shared/scenario/serialize.ts';
import { samplesCsvHeader, samplesCsvLines } from '../../main/export/csv.ts';
import { readScenarioDocument } from '../../main/scenario-file.ts';
import { runScenario } from '../../main/runner/run-scenario.ts';
import { allocationFailureMessage, isAllocationFailure } from '../../main/runner/out-of-memory.ts';
import { RunFailedError } from '../run-failed.ts';
import { attachTraces } from '../../main/trace/attach.ts';
import { scenarioIdentity } from '../../main/scenario-identity.ts';
import { intOption, parseCommandArgs, UsageError } from '../args.ts';
import { createProgress, runProgressLabel } from '../progress.ts';
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

  let result: RunResult;
  if (values.save) {
    const saved = await runSaved(
      scenario,
      values.db,
      values.csv ? { path: values.csv, perNode } : undefined,
      progress,
    );
    result = saved.result;
    if (!values.quiet) process.stdout.write(`saved as run ${saved.runId}\n`);
  } else {
    await attachTraces(scenario);
    const csv = values.csv ? createWriteStream(values.csv) : null;
    csv?.write(samplesCsvHeader([], perNode ? ['node'] : []));
    try {
      result = runScenario(scenario, {
        onSamples: (batch) => csv?.write(samplesCsvLines(batch, perNode)),
        onProgress: (p) => progress.update(p.fraction, runProgressLabel(p)),
      }).result;
    } catch (e) {
      // A machine within the format's limits can still be more than this host's memory holds.
      if (isAllocationFailure(e)) throw new RunFailedError(allocationFailureMessage(e as RangeError));
      throw e;
    }
    if (csv) {
      csv.end();
      await once(csv, 'finish');
    }
  }
  progress.done();
  result.scenario = toScenarioFile(scenario);
  result.scenarioHash = scenarioIdentity(scenario);
  if (values.json) await writeFile(values.json, JSON.stringify(result, null, 2) + '\n');
  if (!values.quiet) process.stdout.write(formatSummary(result, scenario.machine.pageSize));
  return 0;
}
