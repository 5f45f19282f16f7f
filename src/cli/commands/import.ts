// `tierlab import FILE... [--db PATH]`: merge result files (from `--json` or sweep shards) into a
// database, each with the samples file beside it when there is one (sweep --out writes both).
// Importing the same result twice changes nothing; a broken file imports nothing.
import { access, readFile } from 'node:fs/promises';
import { IMPORT_USAGE } from '../usage.ts';
import { RESULT_FORMAT, type RunResult } from '../../shared/result.ts';
import { resultProblems } from '../../shared/result-schema.ts';
import { appendSampleBatch, importResult, transaction } from '../../main/db/index.ts';
import type { SampleBatch } from '../../shared/samples.ts';
import { readSamplesFile, samplesFileFor } from '../../shared/samples-file.ts';
import { parseCommandArgs, UsageError } from '../args.ts';
import { DB_OPTION, withLab } from '../lab.ts';

async function readResult(file: string): Promise<RunResult> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== RESULT_FORMAT)
    throw new UsageError(`${file}: not a ${RESULT_FORMAT} file (format is ${JSON.stringify(format)})`);
  const problems = resultProblems(value);
  if (problems.length)
    throw new UsageError(
      `${file}: not a valid ${RESULT_FORMAT} file, nothing imported (${problems.join('; ')})`,
    );
  // Stored as written, so importing the same file again stays a no-op; an older file without an
  // engine reads back as run by the exact engine (getResult fills it in).
  return value as RunResult;
}

/** The samples file beside `file`, checked against its result; null when there is none. */
async function readCompanionSamples(file: string, result: RunResult): Promise<SampleBatch | null> {
  const path = samplesFileFor(file);
  if (
    path === file ||
    !(await access(path).then(
      () => true,
      () => false,
    ))
  )
    return null;
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`${path}: ${(e as Error).message}`);
  }
  const read = readSamplesFile(value, result.nodes.length);
  if (!read.ok) throw new UsageError(`${path}: not a valid samples file, nothing imported (${read.problem})`);
  return read.batch;
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...DB_OPTION }, IMPORT_USAGE);
  if (!positionals.length) throw new UsageError(`expected result files\nusage: ${IMPORT_USAGE}`);
  const results = await Promise.all(
    positionals.map(async (f) => {
      const result = await readResult(f);
      return { file: f, result, samples: await readCompanionSamples(f, result) };
    }),
  );
  await withLab({ db: values.db, workers: 0 }, ({ lab }) => {
    let imported = 0;
    for (const { file, result, samples } of results) {
      // The run and its samples land together or not at all.
      const out = transaction(lab.db, () => {
        const o = importResult(lab.db, result, {
          scenarioHash: result.scenarioHash ?? null,
          scenario: result.scenario,
        });
        if (o.imported && samples) appendSampleBatch(lab.db, o.runId, samples);
        return o;
      });
      if (out.imported) imported++;
      const withSamples = samples ? ` with ${samples.timesMs.length} samples` : '';
      process.stdout.write(
        `${file}: ${out.imported ? `imported as run ${out.runId}${withSamples}` : `already there (run ${out.runId})`}\n`,
      );
    }
    process.stdout.write(`${imported} imported, ${results.length - imported} already present\n`);
    return Promise.resolve();
  });
  return 0;
}
