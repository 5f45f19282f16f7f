// `tierlab import FILE... [--db PATH]`: merge result files (from `--json` or sweep shards) into a
// database. Importing the same result twice changes nothing.
import { readFile } from 'node:fs/promises';
import { IMPORT_USAGE } from '../usage.ts';
import { RESULT_FORMAT, type RunResult } from '../../shared/result.ts';
import { resultProblems } from '../../shared/result-schema.ts';
import { importResult } from '../../main/db/index.ts';
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

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...DB_OPTION }, IMPORT_USAGE);
  if (!positionals.length) throw new UsageError(`expected result files\nusage: ${IMPORT_USAGE}`);
  const results = await Promise.all(positionals.map(async (f) => ({ file: f, result: await readResult(f) })));
  await withLab({ db: values.db, workers: 0 }, ({ lab }) => {
    let imported = 0;
    for (const { file, result } of results) {
      const out = importResult(lab.db, result, {
        scenarioHash: result.scenarioHash ?? null,
        scenario: result.scenario,
      });
      if (out.imported) imported++;
      process.stdout.write(
        `${file}: ${out.imported ? `imported as run ${out.runId}` : `already there (run ${out.runId})`}\n`,
      );
    }
    process.stdout.write(`${imported} imported, ${results.length - imported} already present\n`);
    return Promise.resolve();
  });
  return 0;
}
