// `tierlab run --save`: store the scenario and run it in the lab's worker pool, so it joins the
// database like a run started from the app.
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import type { RunResult } from '../../shared/result.ts';
import { toScenarioFile } from '../../shared/scenario/serialize.ts';
import { getResult, saveScenario } from '../../main/db/index.ts';
import { scenarioIdentity } from '../../main/scenario-identity.ts';
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
  return withLab({ db }, async ({ lab }) => {
    const document = toScenarioFile(scenario);
    const stored = saveScenario(lab.db, { name: scenario.name, document, runSettings: scenario.run });
    const stop = lab.events.subscribe((event, payload) => {
      if (event === 'run:progress' && 'fraction' in payload)
        progress.update(payload.fraction, runProgressLabel(payload));
    });
    const runId = lab.runs.enqueue({
      scenario,
      document,
      scenarioId: stored.id,
      scenarioHash: scenarioIdentity(scenario),
    });
    const run = await lab.runs.waitFor(runId);
    stop();
    if (run.status !== 'done') throw new RunFailedError(`run ${runId} ${run.status}: ${run.error ?? ''}`);
    if (csv) await writeSamplesCsv(lab.db, [runId], { withRunId: false, perNode: csv.perNode }, csv.path);
    return { runId, result: getResult(lab.db, runId)!.result };
  });
}
