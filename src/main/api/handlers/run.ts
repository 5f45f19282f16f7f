// run:* — cancel, list and inspect runs, their samples, tags and notes.
import type { RunInfo } from '../../../shared/api/types.ts';
import { COUNTERS, type CounterName } from '../../../shared/vmstat.ts';
import {
  addRunTags,
  deleteRun,
  getResult,
  getRun,
  getRunNote,
  getRunScenario,
  listRunTags,
  listRuns,
  readSampleBatch,
  runCounters,
  removeRunTags,
  setRunNote,
  type Run,
} from '../../db/index.ts';
import { ApiError, notFound } from '../errors.ts';
import type { Handlers } from '../handler.ts';
import type { Lab } from '../lab.ts';
import { storedRunDocument } from '../../../shared/scenario/run-document.ts';

export function runInfo(lab: Lab, r: Run): RunInfo {
  return {
    id: r.id,
    name: r.name,
    scenarioId: r.scenarioId,
    scenarioHash: r.scenarioHash,
    status: r.status,
    seed: r.seed,
    engineVersion: r.engineVersion,
    engine: r.engine,
    queuedAt: r.queuedAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    wallMs: r.wallMs,
    simulatedMs: r.simulatedMs,
    progress: r.progress,
    error: r.error,
    tags: listRunTags(lab.db, r.id),
  };
}

export function requireRun(lab: Lab, runId: number): Run {
  const r = getRun(lab.db, runId);
  if (!r) throw notFound(`run ${runId}`);
  return r;
}

/**
 * The counters asked for that the run recorded: every one of its kernel's when none are named; a
 * known counter its kernel lacks is left out (absent from the answer), an unknown one is refused.
 */
function pickCounters(names: string[] | undefined, recorded: readonly CounterName[]): CounterName[] {
  if (!names) return [...recorded];
  const unknown = names.filter((n) => !(COUNTERS as readonly string[]).includes(n));
  if (unknown.length) throw new ApiError('invalid', `unknown counters: ${unknown.join(', ')}`);
  return recorded.filter((n) => names.includes(n));
}

export const runHandlers: Handlers<
  'run:cancel' | 'run:list' | 'run:get' | 'run:samples' | 'run:delete' | 'run:tag' | 'run:note'
> = {
  'run:cancel': (lab, { runId }) => {
    requireRun(lab, runId);
    return { cancelled: lab.runs.cancel(runId) };
  },
  'run:list': (lab, { status, scenarioId, tag, limit }) =>
    listRuns(lab.db, { status, scenarioId, tag, limit }).map((r) => runInfo(lab, r)),
  'run:get': (lab, { runId }) => {
    const run = requireRun(lab, runId);
    return {
      run: runInfo(lab, run),
      scenario: storedRunDocument(getRunScenario(lab.db, runId)),
      result: getResult(lab.db, runId)?.result ?? null,
      note: getRunNote(lab.db, runId)?.text ?? '',
    };
  },
  'run:samples': (lab, { runId, counters, nodes, nodeCounters }) => {
    requireRun(lab, runId);
    const machine = pickCounters(counters, runCounters(lab.db, runId, 'machine'));
    const nodeRecorded = runCounters(lab.db, runId, 'node');
    const perNode = pickCounters(nodeCounters ?? (nodes ? machine : []), nodeRecorded);
    return { runId, ...readSampleBatch(lab.db, runId, { counters: machine, nodeCounters: perNode }) };
  },
  'run:delete': (lab, { runId }) => {
    const run = requireRun(lab, runId);
    if (run.status === 'queued' || run.status === 'running') {
      throw new ApiError('conflict', `run ${runId} is ${run.status}; cancel it before deleting it`);
    }
    return { deleted: deleteRun(lab.db, runId) };
  },
  'run:tag': (lab, { runId, add, remove }) => {
    requireRun(lab, runId);
    if (add?.length) addRunTags(lab.db, runId, add);
    if (remove?.length) removeRunTags(lab.db, runId, remove);
    return { tags: listRunTags(lab.db, runId) };
  },
  'run:note': (lab, { runId, text }) => {
    requireRun(lab, runId);
    setRunNote(lab.db, runId, text);
    return { text };
  },
};
