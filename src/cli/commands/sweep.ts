// `tierlab sweep FILE --set KEY=V1,V2 [--set ...] [--repeat N] [--shard I/N] [--workers N]
// [--out DIR] [--db PATH]`: every combination in the worker pool, with one progress bar.
import { SWEEP_USAGE } from '../usage.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatScenarioErrors, parseScenario } from '../../shared/scenario/index.ts';
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import { getResult, readSampleBatch, saveScenario } from '../../main/db/index.ts';
import { samplesFileFor, toSamplesFile } from '../../shared/samples-file.ts';
import { readScenarioDocument } from '../../main/scenario-file.ts';
import { scenarioIdentity } from '../../main/scenario-identity.ts';
import { defaultPoolSize } from '../../main/runner/pool.ts';
import { expandSweep, parseSetting, parseShard, type SweepItem } from '../../main/sweep/expand.ts';
import { intOption, parseCommandArgs, UsageError } from '../args.ts';
import { createProgress } from '../progress.ts';
import { formatRemaining, remainingWallMs } from '../../shared/run-pace.ts';
import { DB_OPTION, withLab } from '../lab.ts';
import { RunFailedError } from '../run-failed.ts';

/** A malformed --set or --shard is the user's to fix: exit 2 with the message, no stack. */
function userInput<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function resolveAll(items: SweepItem[]): ResolvedScenario[] {
  const problems: string[] = [];
  const resolved = items.map((item) => {
    const p = parseScenario(item.document);
    if (!p.ok) problems.push(`with ${JSON.stringify(item.settings)}:\n${formatScenarioErrors(p.errors)}`);
    return p.ok ? p.scenario : null;
  });
  if (problems.length) throw new UsageError(`some combinations are invalid\n${problems.join('\n')}`);
  return resolved as ResolvedScenario[];
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
  const resolved = resolveAll(items);
  const workers = intOption('workers', values.workers, 1) ?? defaultPoolSize();
  if (values.out) await mkdir(values.out, { recursive: true });

  const progress = createProgress(!values.quiet);
  await withLab({ db: values.db, workers }, async ({ lab }) => {
    const fractions = new Map<number, number>();
    // The sweep's own clock: its runs share the pool, so its time left follows from its overall pace.
    const startedAt = performance.now();
    const stop = lab.events.subscribe((event, payload) => {
      if (event !== 'run:progress' || !('fraction' in payload)) return;
      fractions.set(payload.runId, payload.fraction);
      const fraction = [...fractions.values()].reduce((a, b) => a + b, 0) / items.length;
      const left = formatRemaining(remainingWallMs({ fraction, wallMs: performance.now() - startedAt }));
      progress.update(fraction, `${items.length} runs, ${workers} workers, ETA ${left}`);
    });
    const runIds = resolved.map((s, i) => {
      const stored = saveScenario(lab.db, { name: s.name, document: items[i]!.document, runSettings: s.run });
      return lab.runs.enqueue({
        scenario: s,
        document: items[i]!.document,
        scenarioId: stored.id,
        scenarioHash: scenarioIdentity(s),
      });
    });
    const runs = await Promise.all(runIds.map((id) => lab.runs.waitFor(id)));
    stop();
    progress.done();
    for (const [i, run] of runs.entries()) {
      const item = items[i]!;
      const result = getResult(lab.db, run.id)?.result;
      if (values.out && result) {
        const file = join(values.out, `sweep-${String(item.index).padStart(5, '0')}.result.json`);
        await writeFile(
          file,
          JSON.stringify({
            ...result,
            scenario: item.document,
            scenarioHash: scenarioIdentity(resolved[i]!),
          }) + '\n',
        );
        // Its time series beside it, so `tierlab import` restores the run's charts too.
        await writeFile(
          samplesFileFor(file),
          JSON.stringify(toSamplesFile(readSampleBatch(lab.db, run.id))) + '\n',
        );
      }
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
