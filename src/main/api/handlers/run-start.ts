// run:start and run:wait — queue runs of a stored scenario or of a document, and wait for them to end.
// The app, web mode and the CLI (`run --save`, `sweep`) all start runs here.
import { basename, resolve, sep } from 'node:path';
import { parseScenario } from '../../../shared/scenario/parse.ts';
import type { ResolvedScenario } from '../../../shared/scenario/resolved.ts';
import { pinRunDocument } from '../../../shared/scenario/run-document.ts';
import type { RunSource } from '../../../shared/api/contract.ts';
import type { Scenario } from '../../db/index.ts';
import { documentWithSeed, scenarioIdentity, withSeed } from '../../scenario-identity.ts';
import { ApiError } from '../errors.ts';
import type { Handlers } from '../handler.ts';
import type { Lab } from '../lab.ts';
import { requireRun, runInfo } from './run.ts';
import { requireScenario, storeScenario } from './scenario.ts';
import { labTracesDir } from './trace.ts';

/**
 * A run started through the API replays only traces imported into the lab: a scenario from the app
 * or a web client must not make the host read any file of the machine. A lab opened with
 * mayReadAnyTrace (the CLI's, whose user names their own files) runs any trace its user can read.
 */
function requireImportedTraces(lab: Lab, s: ResolvedScenario): void {
  if (lab.mayReadAnyTrace) return;
  const dir = labTracesDir(lab) + sep;
  s.workload.forEach((w, i) => {
    if (w.type === 'trace' && !resolve(w.file).startsWith(dir))
      throw new ApiError(
        'invalid',
        `workload[${i}].file: only traces imported into the lab can be run here (Import trace…), not ${basename(w.file)}`,
      );
  });
}

/** The stored scenario to run and what it resolves to; a document is checked before it is saved. */
function scenarioToRun(lab: Lab, source: RunSource): { stored: Scenario; scenario: ResolvedScenario } {
  if (source.scenarioId !== undefined) {
    const stored = requireScenario(lab, source.scenarioId);
    const p = parseScenario(stored.document);
    if (!p.ok)
      throw new ApiError(
        'invalid',
        `scenario ${source.scenarioId} is no longer valid: ${p.errors[0]!.message}`,
      );
    requireImportedTraces(lab, p.scenario);
    return { stored, scenario: p.scenario };
  }
  const p = parseScenario(source.document);
  if (!p.ok)
    throw new ApiError(
      'invalid',
      `document is not a valid scenario: ${p.errors.map((e) => `${e.path || 'document'}: ${e.message}`).join('; ')}`,
    );
  requireImportedTraces(lab, p.scenario);
  return { stored: storeScenario(lab, source.document, p.scenario), scenario: p.scenario };
}

const isEnded = (lab: Lab, runId: number): boolean =>
  !['queued', 'running'].includes(requireRun(lab, runId).status);

export const runStartHandlers: Handlers<'run:start' | 'run:wait'> = {
  'run:start': (lab, { seeds, repeat, ...source }) => {
    const { stored, scenario } = scenarioToRun(lab, source);
    const base = scenario.run.seed;
    const list = seeds ?? Array.from({ length: repeat ?? 1 }, (_, i) => (base + i) >>> 0);
    const hash = scenarioIdentity(scenario);
    const runIds = list.map((seed) =>
      lab.runs.enqueue({
        scenario: withSeed(scenario, seed),
        document: pinRunDocument(documentWithSeed(stored.document, seed), scenario),
        scenarioId: stored.id,
        scenarioHash: hash,
      }),
    );
    return { runIds };
  },
  'run:wait': async (lab, { runIds, timeoutMs }) => {
    // Every id must be a run before anything waits; a run this lab is not running ends at once.
    const pending = runIds.filter((id) => !isEnded(lab, id));
    const ended = Promise.all(pending.map((id) => lab.runs.waitFor(id)));
    let timer: NodeJS.Timeout | undefined;
    const timeout =
      timeoutMs === undefined ? null : new Promise<void>((done) => (timer = setTimeout(done, timeoutMs)));
    try {
      await (timeout ? Promise.race([ended, timeout]) : ended);
    } finally {
      clearTimeout(timer);
    }
    return { runs: runIds.map((id) => runInfo(lab, requireRun(lab, id))) };
  },
};
