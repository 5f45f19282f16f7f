// run:* — start, cancel, list and inspect runs, their samples, tags and notes.
import { basename, resolve, sep } from 'node:path';
import { parseScenario } from '../../../shared/scenario/parse.ts';
import type { ResolvedScenario } from '../../../shared/scenario/resolved.ts';
import type { RunInfo, SampleSeries } from '../../../shared/api/types.ts';
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
  readNodeSamples,
  readSamples,
  removeRunTags,
  setRunNote,
  type Run,
} from '../../db/index.ts';
import { documentWithSeed, scenarioIdentity, withSeed } from '../../scenario-identity.ts';
import { ApiError, notFound } from '../errors.ts';
import type { Handlers } from '../handler.ts';
import type { Lab } from '../lab.ts';
import { requireScenario } from './scenario.ts';
import { labTracesDir } from './trace.ts';

/**
 * A run started through the API (the app, web mode) replays only traces imported into the lab:
 * a scenario must not make the host read any file of the machine. The CLI's own `run FILE` may
 * name any trace its user can read.
 */
function requireImportedTraces(lab: Lab, s: ResolvedScenario): void {
  const dir = labTracesDir(lab) + sep;
  s.workload.forEach((w, i) => {
    if (w.type === 'trace' && !resolve(w.file).startsWith(dir))
      throw new ApiError(
        'invalid',
        `workload[${i}].file: only traces imported into the lab can be run here (Import trace…), not ${basename(w.file)}`,
      );
  });
}

export function runInfo(lab: Lab, r: Run): RunInfo {
  return {
    id: r.id,
    name: r.name,
    scenarioId: r.scenarioId,
    scenarioHash: r.scenarioHash,
    status: r.status,
    seed: r.seed,
    engineVersion: r.engineVersion,
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

function requireRun(lab: Lab, runId: number): Run {
  const r = getRun(lab.db, runId);
  if (!r) throw notFound(`run ${runId}`);
  return r;
}

function pickCounters(names: string[] | undefined): CounterName[] {
  if (!names) return [...COUNTERS];
  const unknown = names.filter((n) => !(COUNTERS as readonly string[]).includes(n));
  if (unknown.length) throw new ApiError('invalid', `unknown counters: ${unknown.join(', ')}`);
  return names as CounterName[];
}

export const runHandlers: Handlers<
  'run:start' | 'run:cancel' | 'run:list' | 'run:get' | 'run:samples' | 'run:delete' | 'run:tag' | 'run:note'
> = {
  'run:start': (lab, { scenarioId, seeds, repeat }) => {
    const stored = requireScenario(lab, scenarioId);
    const p = parseScenario(stored.document);
    if (!p.ok)
      throw new ApiError('invalid', `scenario ${scenarioId} is no longer valid: ${p.errors[0]!.message}`);
    requireImportedTraces(lab, p.scenario);
    const base = p.scenario.run.seed;
    const list = seeds ?? Array.from({ length: repeat ?? 1 }, (_, i) => (base + i) >>> 0);
    const hash = scenarioIdentity(p.scenario);
    const runIds = list.map((seed) => {
      const scenario = withSeed(p.scenario, seed);
      return lab.runs.enqueue({
        scenario,
        document: documentWithSeed(stored.document, seed),
        scenarioId,
        scenarioHash: hash,
      });
    });
    return { runIds };
  },
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
      scenario: getRunScenario(lab.db, runId),
      result: getResult(lab.db, runId)?.result ?? null,
      note: getRunNote(lab.db, runId)?.text ?? '',
    };
  },
  'run:samples': (lab, { runId, counters, nodes }) => {
    requireRun(lab, runId);
    const names = pickCounters(counters);
    const rows = readSamples(lab.db, runId);
    const series: SampleSeries = {
      runId,
      timesMs: rows.map((r) => r.tMs),
      counters: Object.fromEntries(names.map((n) => [n, rows.map((r) => r[n])])),
    };
    if (nodes) {
      series.nodes = {};
      for (const row of readNodeSamples(lab.db, runId)) {
        const node = (series.nodes[String(row.nodeId)] ??= Object.fromEntries(
          names.map((n) => [n, [] as number[]]),
        ));
        for (const n of names) node[n]!.push(row[n]);
      }
    }
    return series;
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
