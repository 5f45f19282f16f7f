// export:* — CSV of samples and results, built from the database only.
import { getResult, getRun } from '../../db/index.ts';
import { samplesCsvChunks } from '../../export/samples-csv.ts';
import { resultsCsvHeader, resultsCsvRow } from '../../export/results-csv.ts';
import { notFound } from '../errors.ts';
import type { Handlers } from '../handler.ts';
import type { Lab } from '../lab.ts';

export function requireRuns(lab: Lab, runIds: number[]) {
  return runIds.map((id) => {
    const run = getRun(lab.db, id);
    if (!run) throw notFound(`run ${id}`);
    return run;
  });
}

const stamp = (runIds: number[]): string =>
  runIds.length === 1 ? `run-${runIds[0]}` : `runs-${runIds.length}`;

/** CSV text of the samples of runs, run id first (unless left out for a single run's file). */
export function samplesCsv(lab: Lab, runIds: number[], withRunId = true): string {
  requireRuns(lab, runIds);
  return [...samplesCsvChunks(lab.db, runIds, withRunId)].join('');
}

export function resultsCsv(lab: Lab, runIds: number[]): string {
  const runs = requireRuns(lab, runIds);
  return (
    resultsCsvHeader() +
    runs
      .map((r) =>
        resultsCsvRow({
          runId: r.id,
          scenarioHash: r.scenarioHash,
          status: r.status,
          result: getResult(lab.db, r.id)?.result ?? null,
        }),
      )
      .join('')
  );
}

export const exportHandlers: Handlers<'export:samples' | 'export:results'> = {
  'export:samples': (lab, { runIds }) => ({
    filename: `tierlab-${stamp(runIds)}-samples.csv`,
    csv: samplesCsv(lab, runIds),
  }),
  'export:results': (lab, { runIds }) => ({
    filename: `tierlab-${stamp(runIds)}-results.csv`,
    csv: resultsCsv(lab, runIds),
  }),
};
