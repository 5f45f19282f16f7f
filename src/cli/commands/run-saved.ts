// `tierlab run --save`: start the scenario through the lab's API (saved as a scenario, run in the
// worker pool), so it joins the database exactly like a run started from the app.
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import type { RunResult } from '../../shared/result.ts';
import { toScenarioFile } from '../../shared/scenario/serialize.ts';
import { runProgressLabel, type Progress } from '../progress.ts';
import { withLab } from '../lab.ts';
import { writeSamplesCsv } from '../write-samples-csv.ts';
import { RunFailedError } from '../run-failed.ts';

export async function runSaved(
  scenario: ResolvedScenario,
  db: string | undefined,
  csv: { path: string; perNode: boolean } | undefined,
  progress: Progress,
): Promise<{ runId: number; result: RunResult }> {
  return withLab({ db }, async ({ api }) => {
    const stop = api.on('run:progress', (p) => progress.update(p.fraction, runProgressLabel(p)));
    const { runIds } = await api.call('run:start', { document: toScenarioFile(scenario) });
    const runId = runIds[0]!;
    const [run] = (await api.call('run:wait', { runIds })).runs;
    stop();
    if (run!.status !== 'done') throw new RunFailedError(`run ${runId} ${run!.status}: ${run!.error ?? ''}`);
    // Chunk by chunk, so a long run's CSV never becomes one string.
    if (csv) await writeSamplesCsv(api, { runIds, withRunId: false, perNode: csv.perNode }, csv.path);
    return { runId, result: (await api.call('run:get', { runId })).result! };
  });
}
