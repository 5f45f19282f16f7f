// export:* — CSV of samples (in chunks) and results, and one run as result and samples files, from the
// database only.
import type { SamplesExportRequest } from '../../../shared/api/contract.ts';
import type { SampleBatch } from '../../../shared/samples.ts';
import { toSamplesFile } from '../../../shared/samples-file.ts';
import {
  getResult,
  getRun,
  getRunScenario,
  readCgroupSamples,
  readSampleBatch,
  sampledNodes,
} from '../../db/index.ts';
import { samplesCsvChunk } from '../../export/samples-csv.ts';
import { heatmapCsv, type HeatmapRun } from '../../export/heatmap-csv.ts';
import { cgroupsCsv } from '../../export/cgroups-csv.ts';
import { fleetCsv, type FleetRun } from '../../export/fleet-csv.ts';
import { resultsCsvHeader, resultsCsvRow } from '../../export/results-csv.ts';
import { ApiError, notFound } from '../errors.ts';
import type { Handlers } from '../handler.ts';
import type { Lab } from '../lab.ts';
import { storedRunDocument } from '../../../shared/scenario/run-document.ts';

export function requireRuns(lab: Lab, runIds: number[]) {
  return runIds.map((id) => {
    const run = getRun(lab.db, id);
    if (!run) throw notFound(`run ${id}`);
    return run;
  });
}

const stamp = (runIds: number[]): string =>
  runIds.length === 1 ? `run-${runIds[0]}` : `runs-${runIds.length}`;

/** Throws, before any row is written, when a run is missing or a requested node is not one of a run's. */
export function requireSamples(lab: Lab, { runIds, node }: SamplesExportRequest): void {
  requireRuns(lab, runIds);
  if (node === undefined) return;
  for (const id of runIds) {
    const nodes = sampledNodes(lab.db, id);
    if (nodes.includes(node)) continue;
    const has = nodes.length ? `has nodes ${nodes.join(', ')}` : 'has no samples';
    throw new ApiError('not_found', `run ${id} ${has}, not node ${node}`);
  }
}

/** `samples`, `node-samples` (every node) or `node1-samples`. */
function samplesKind({ perNode, node }: SamplesExportRequest): string {
  if (!perNode) return 'samples';
  return node === undefined ? 'node-samples' : `node${node}-samples`;
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

/**
 * The runs' results for a heatmap export; throws, naming the run, when one has no result, no task
 * of that name, or (written before heatmaps were kept) no heatmap.
 */
export function requireHeatmaps(lab: Lab, runIds: number[], task?: string): HeatmapRun[] {
  return requireRuns(lab, runIds).map((run) => {
    const result = getResult(lab.db, run.id)?.result;
    if (!result) throw notFound(`a result of run ${run.id} (it is ${run.status})`);
    const tasks = result.tasks.filter((t) => task === undefined || t.name === task);
    if (task !== undefined && !tasks.length) {
      const names = result.tasks.map((t) => t.name).join(', ');
      throw new ApiError('not_found', `run ${run.id} has no task ${task} (its tasks: ${names})`);
    }
    if (!tasks.some((t) => t.heatmap))
      throw new ApiError('not_found', `run ${run.id} kept no access heatmap (its result predates them)`);
    return { runId: run.id, result, task };
  });
}

/**
 * The runs' results for a fleet export; throws, naming the run, when one has no result or no task
 * with fleet metrics (a result from before them).
 */
export function requireFleet(lab: Lab, runIds: number[]): FleetRun[] {
  return requireRuns(lab, runIds).map((run) => {
    const result = getResult(lab.db, run.id)?.result;
    if (!result) throw notFound(`a result of run ${run.id} (it is ${run.status})`);
    if (!result.tasks.some((t) => t.fleet))
      throw new ApiError('not_found', `run ${run.id} kept no fleet metrics (its result predates them)`);
    return { runId: run.id, result };
  });
}

/** The batch with the run's per-cgroup columns, when it has cgroups (they go into the samples file). */
function withCgroupSamples(lab: Lab, runId: number, batch: SampleBatch): SampleBatch {
  const { cgroups } = readCgroupSamples(lab.db, runId);
  return Object.keys(cgroups).length ? { ...batch, cgroups } : batch;
}

export const exportHandlers: Handlers<
  'export:samples' | 'export:results' | 'export:heatmap' | 'export:cgroups' | 'export:fleet' | 'export:run'
> = {
  'export:samples': (lab, req) => {
    // Checked on the first chunk; a later one goes on from its cursor (a run deleted meanwhile ends it).
    if (!req.from) requireSamples(lab, req);
    else if (req.from.run >= req.runIds.length)
      throw new ApiError('invalid', `from.run is ${req.from.run}, but there are ${req.runIds.length} runs`);
    const filename = `tierlab-${stamp(req.runIds)}-${samplesKind(req)}.csv`;
    if (!lab.samplesCsv) return { filename, ...samplesCsvChunk(lab.db, req) };
    return lab.samplesCsv.chunk(req).then((chunk) => ({ filename, ...chunk }));
  },
  'export:results': (lab, { runIds }) => ({
    filename: `tierlab-${stamp(runIds)}-results.csv`,
    csv: resultsCsv(lab, runIds),
  }),
  'export:heatmap': (lab, { runIds, task }) => ({
    filename: `tierlab-${stamp(runIds)}-heatmap${task === undefined ? '' : `-${task.replace(/[^\w.-]+/g, '_')}`}.csv`,
    csv: heatmapCsv(requireHeatmaps(lab, runIds, task)),
  }),
  'export:cgroups': (lab, { runIds }) => {
    requireRuns(lab, runIds);
    return {
      filename: `tierlab-${stamp(runIds)}-cgroups.csv`,
      csv: cgroupsCsv(runIds.map((runId) => ({ runId, ...readCgroupSamples(lab.db, runId) }))),
    };
  },
  'export:fleet': (lab, { runIds }) => ({
    filename: `tierlab-${stamp(runIds)}-fleet.csv`,
    csv: fleetCsv(requireFleet(lab, runIds)),
  }),
  'export:run': (lab, { runId }) => {
    const [run] = requireRuns(lab, [runId]);
    const stored = getResult(lab.db, runId);
    if (!stored) throw notFound(`a result of run ${runId} (it is ${run!.status})`);
    return {
      filename: `tierlab-run-${runId}.result.json`,
      result: {
        ...stored.result,
        scenario: storedRunDocument(getRunScenario(lab.db, runId)),
        scenarioHash: run!.scenarioHash ?? undefined,
      },
      samples: toSamplesFile(withCgroupSamples(lab, runId, readSampleBatch(lab.db, runId))),
    };
  },
};
