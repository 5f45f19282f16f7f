// A stored run as the files `tierlab import` reads, for `sweep --out` and `tune --out`: the result
// and, beside it, the samples, so an imported run keeps its charts.
import { writeFile } from 'node:fs/promises';
import type { ApiClient, Res } from '../shared/api/contract.ts';
import { samplesFileFor } from '../shared/samples-file.ts';
import { ApiError } from '../main/api/errors.ts';

/**
 * A run's result file and, beside it, its samples file, so `tierlab import` restores the run's
 * charts too. A run without a result (failed) writes neither.
 */
export async function writeRunFiles(api: ApiClient, runId: number, file: string): Promise<void> {
  let exported: Res<'export:run'>;
  try {
    exported = await api.call('export:run', { runId });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'not_found') return;
    throw e;
  }
  await writeFile(file, JSON.stringify(exported.result) + '\n');
  await writeFile(samplesFileFor(file), JSON.stringify(exported.samples) + '\n');
}
