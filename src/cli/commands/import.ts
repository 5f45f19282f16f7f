// `tierlab import FILE... [--db PATH]`: merge result files (from `--json` or sweep shards) into a
// database through the API's run:import, each with the samples file beside it when there is one
// (sweep --out writes both). Importing the same result twice changes nothing; a broken file imports nothing.
import { access, readFile } from 'node:fs/promises';
import { IMPORT_USAGE } from '../usage.ts';
import type { RunImport } from '../../shared/api/contract.ts';
import { samplesFileFor } from '../../shared/samples-file.ts';
import { ApiError } from '../../main/api/errors.ts';
import { parseCommandArgs, UsageError } from '../args.ts';
import { DB_OPTION, withLab } from '../lab.ts';

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`${path}: ${(e as Error).message}`);
  }
}

/** The samples file beside a result file, when there is one. */
async function companionOf(file: string): Promise<string | null> {
  const path = samplesFileFor(file);
  if (path === file) return null;
  return access(path).then(
    () => path,
    () => null,
  );
}

/** The API names a bad file `runs[i]` (or `runs[i].samples`): the user knows it by its path. */
function naming(e: unknown, files: { file: string; samples: string | null }[]): unknown {
  if (!(e instanceof ApiError) || e.code !== 'invalid') return e;
  const m = /^runs\[(\d+)\](\.samples)?: /.exec(e.message);
  const f = m ? files[Number(m[1])] : undefined;
  if (!m || !f) return e;
  return new UsageError(`${(m[2] ? f.samples : f.file) ?? f.file}: ${e.message.slice(m[0].length)}`);
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...DB_OPTION }, IMPORT_USAGE);
  if (!positionals.length) throw new UsageError(`expected result files\nusage: ${IMPORT_USAGE}`);
  const files = await Promise.all(
    positionals.map(async (file) => ({ file, samples: await companionOf(file) })),
  );
  const runs: RunImport[] = await Promise.all(
    files.map(async ({ file, samples }) => ({
      result: await readJson(file),
      ...(samples ? { samples: await readJson(samples) } : {}),
    })),
  );
  await withLab({ db: values.db, workers: 0 }, async ({ api }) => {
    const outcome = await api.call('run:import', { runs }).catch((e: unknown) => {
      throw naming(e, files);
    });
    let imported = 0;
    outcome.runs.forEach((out, i) => {
      if (out.imported) imported++;
      const withSamples = out.samples ? ` with ${out.samples} samples` : '';
      process.stdout.write(
        `${files[i]!.file}: ${out.imported ? `imported as run ${out.runId}${withSamples}` : `already there (run ${out.runId})`}\n`,
      );
    });
    process.stdout.write(`${imported} imported, ${runs.length - imported} already present\n`);
  });
  return 0;
}
