// run:import — result files (and their samples files) stored as runs, every one checked before any is
// stored; the run and its samples land together or not at all. A result already stored is left alone.
import type { RunImport } from '../../../shared/api/contract.ts';
import { RESULT_FORMAT, type RunResult } from '../../../shared/result.ts';
import { resultProblems } from '../../../shared/result-schema.ts';
import type { SampleBatch } from '../../../shared/samples.ts';
import { readSamplesFile } from '../../../shared/samples-file.ts';
import { appendSampleBatch, importResult, transaction } from '../../db/index.ts';
import { documentCounters } from '../../../shared/scenario/run-kernel.ts';
import { ApiError } from '../errors.ts';
import type { Handlers } from '../handler.ts';

interface Checked {
  result: RunResult;
  samples: SampleBatch | null;
}

/** The result and samples of runs[i], or an `invalid` error naming `runs[i]` (or `runs[i].samples`). */
function check({ result, samples }: RunImport, i: number): Checked {
  const format = (result as { format?: unknown } | null)?.format;
  if (format !== RESULT_FORMAT)
    throw new ApiError(
      'invalid',
      `runs[${i}]: not a ${RESULT_FORMAT} file (format is ${JSON.stringify(format)})`,
    );
  const problems = resultProblems(result);
  if (problems.length)
    throw new ApiError(
      'invalid',
      `runs[${i}]: not a valid ${RESULT_FORMAT} file, nothing imported (${problems.join('; ')})`,
    );
  // Stored as written, so importing the same file again stays a no-op; an older file without an
  // engine reads back as run by the exact engine (getResult fills it in).
  const run = result as RunResult;
  if (samples === undefined) return { result: run, samples: null };
  const read = readSamplesFile(samples, run.nodes.length, {
    machine: documentCounters(run.scenario, 'machine'),
    node: documentCounters(run.scenario, 'node'),
  });
  if (!read.ok)
    throw new ApiError(
      'invalid',
      `runs[${i}].samples: not a valid samples file, nothing imported (${read.problem})`,
    );
  return { result: run, samples: read.batch };
}

export const runImportHandlers: Handlers<'run:import'> = {
  'run:import': (lab, { runs }) => {
    const checked = runs.map(check);
    return {
      runs: checked.map(({ result, samples }) =>
        transaction(lab.db, () => {
          const o = importResult(lab.db, result, {
            scenarioHash: result.scenarioHash ?? null,
            scenario: result.scenario,
          });
          if (o.imported && samples) appendSampleBatch(lab.db, o.runId, samples);
          return { ...o, samples: o.imported && samples ? samples.timesMs.length : 0 };
        }),
      ),
    };
  },
};
