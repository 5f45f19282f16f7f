// Tunes run in the lab that serves the API: `tune:start` checks the request and starts the search in
// the background, `tune:wait` answers its report, `tune:cancel` stops it. Arms run as ordinary runs
// through `run:start` and `run:wait` on the lab's one worker pool, so they show in the run list and in
// Compare. The report is stored after every round and at the end (src/main/db/tunes.ts).
import type { TuneArm, TuneProgress, TuneReport, TuneRequest } from '../../shared/tune/report.ts';
import { createTune, getTuneReport, saveTuneReport } from '../db/index.ts';
import { notFound } from '../api/errors.ts';
import type { Lab } from '../api/lab.ts';
import { bestVsRunnerUp, type ObjectiveSense } from './arm-statistics.ts';
import { armDocument } from './arm-document.ts';
import { objectiveOf, queueRuns } from './run-arms.ts';
import { armCount, rankArms, search, type RunItem, type SearchOutcome } from './search.ts';
import { checkTuneRequest } from './check-request.ts';

interface Tune {
  report: TuneReport;
  ended: Promise<void>;
  /** Stops the search after its current runs, which it cancels. */
  cancel(): void;
}

/** Thrown into the search by a cancelled tune's next evaluation. */
class TuneCancelled extends Error {
  override name = 'TuneCancelled';
}

const tunesOf = new WeakMap<Lab, Map<number, Tune>>();

function tunes(lab: Lab): Map<number, Tune> {
  let map = tunesOf.get(lab);
  if (!map) tunesOf.set(lab, (map = new Map<number, Tune>()));
  return map;
}

/** Per arm index: its run ids, their seeds, and how many ended without a result. */
interface ArmRuns {
  runIdsOf: Map<number, number[]>;
  runSeedsOf: Map<number, number[]>;
  failed: Map<number, number>;
}

/** The arms so far as the report gives them, with the best and the runner-up. */
function fillArms(
  report: TuneReport,
  outcome: SearchOutcome,
  { runIdsOf, runSeedsOf, failed }: ArmRuns,
  sense: ObjectiveSense,
  document: unknown,
): void {
  report.arms = outcome.arms.map((arm, i): TuneArm => ({
    index: arm.index,
    round: arm.round,
    name: armDocument(document, arm.settings).name,
    settings: { ...arm.settings },
    runIds: runIdsOf.get(arm.index) ?? [],
    runSeeds: runSeedsOf.get(arm.index) ?? [],
    nrFailed: failed.get(arm.index) ?? 0,
    stats: outcome.stats[i] ?? null,
  }));
  const ranked = rankArms(outcome.stats, sense);
  report.best = ranked[0] ?? null;
  report.runnerUp = ranked[1] ?? null;
  report.vsRunnerUp =
    report.best !== null && report.runnerUp !== null
      ? bestVsRunnerUp(outcome.stats[report.best]!, outcome.stats[report.runnerUp]!, sense)
      : null;
}

/** Starts the tune and returns its id; the search goes on in the background. */
export function startTune(lab: Lab, req: TuneRequest): number {
  const checked = checkTuneRequest(req);
  const shard = req.shard ?? null;
  const start: Omit<TuneReport, 'tuneId'> = {
    createdAt: Date.now(),
    status: 'running',
    error: null,
    objective: {
      id: checked.metric.id,
      label: checked.metric.label,
      unit: checked.metric.unit,
      maximise: checked.sense.maximise,
    },
    knobs: checked.ranges,
    seeds: checked.seeds,
    budget: checked.budget,
    runsPlanned: 0,
    runsDone: 0,
    runsReused: 0,
    shard,
    arms: [],
    best: null,
    runnerUp: null,
    vsRunnerUp: null,
  };
  const tuneId = createTune(lab.db, req, start);
  const report: TuneReport = { ...start, tuneId };
  let cancelled = false;
  /** The runs of the round under way that have not ended: what a cancel cancels. */
  const inFlight = new Set<number>();
  const runIdsOf = new Map<number, number[]>();
  const runSeedsOf = new Map<number, number[]>();
  const failed = new Map<number, number>();
  const startedAt = performance.now();
  const maxRuns = armCount(checked.budget, checked.seeds.length) * checked.seeds.length;
  let round = 0;
  const fractions = new Map<number, number>();
  const emitProgress = () => {
    let sum = 0;
    for (const f of fractions.values()) sum += f;
    // Of the whole budget (all arms times seeds) while refinement rounds may still come.
    const expected =
      shard || report.status !== 'running' ? report.runsPlanned : Math.max(report.runsPlanned, maxRuns);
    const progress: TuneProgress = {
      tuneId,
      fraction: expected ? Math.min(1, sum / expected) : 0,
      runsDone: report.runsDone,
      runsPlanned: report.runsPlanned,
      round,
      wallMs: performance.now() - startedAt,
    };
    lab.events.emit('tune:progress', progress);
  };
  const stop = lab.events.subscribe((event, payload) => {
    if (event !== 'run:progress') return;
    const p = payload as { runId: number; fraction: number };
    if (!fractions.has(p.runId)) return;
    fractions.set(p.runId, p.fraction);
    emitProgress();
  });

  const evaluate = async (items: readonly RunItem[], r: number): Promise<number[]> => {
    if (cancelled) throw new TuneCancelled();
    round = r;
    const { runIds, started } = await queueRuns(lab, req.document, items);
    for (const id of started) inFlight.add(id);
    if (cancelled) for (const id of started) lab.runs.cancel(id);
    items.forEach((it, i) => {
      runIdsOf.set(it.arm.index, [...(runIdsOf.get(it.arm.index) ?? []), runIds[i]!]);
      runSeedsOf.set(it.arm.index, [...(runSeedsOf.get(it.arm.index) ?? []), it.seed]);
    });
    report.runsPlanned += runIds.length;
    report.runsReused += runIds.length - started.size;
    for (const id of runIds) fractions.set(id, started.has(id) ? 0 : 1);
    emitProgress();
    const { values, failed: noResult } = await objectiveOf(lab, runIds, checked.metric);
    inFlight.clear();
    // The round's cancelled runs would count as failed arms: the report stays as the last round left it.
    if (cancelled) throw new TuneCancelled();
    report.runsDone += runIds.length;
    for (const id of runIds) fractions.set(id, 1);
    emitProgress();
    items.forEach(({ arm }, i) => {
      if (noResult[i]) failed.set(arm.index, (failed.get(arm.index) ?? 0) + 1);
    });
    return values;
  };

  const fill = (outcome: SearchOutcome) => {
    fillArms(report, outcome, { runIdsOf, runSeedsOf, failed }, checked.sense, req.document);
    saveTuneReport(lab.db, report);
  };
  const ended = search({ ...checked, shard: shard ?? undefined, onRound: fill }, evaluate)
    .then((outcome) => {
      fill(outcome);
      report.status = 'done';
    })
    .catch((e: unknown) => {
      if (e instanceof TuneCancelled) {
        report.status = 'cancelled';
        return;
      }
      report.status = 'failed';
      report.error = e instanceof Error ? e.message : String(e);
    })
    .finally(() => {
      stop();
      saveTuneReport(lab.db, report);
      emitProgress();
    });
  const cancel = () => {
    cancelled = true;
    for (const id of inFlight) lab.runs.cancel(id);
  };
  tunes(lab).set(tuneId, { report, ended, cancel });
  return tuneId;
}

/**
 * Cancels a running tune: its queued and running arm runs are cancelled and no further round
 * starts; its report keeps the rounds that finished. False when the tune had already ended.
 */
export async function cancelTune(lab: Lab, tuneId: number): Promise<boolean> {
  const tune = tunes(lab).get(tuneId);
  if (!tune) {
    if (!getTuneReport(lab.db, tuneId)) throw notFound(`tune ${tuneId}`);
    return false;
  }
  if (tune.report.status !== 'running') return false;
  tune.cancel();
  await tune.ended;
  return true;
}

/** The tune's report once it has ended, or after timeoutMs as it stands. */
export async function waitTune(lab: Lab, tuneId: number, timeoutMs?: number): Promise<TuneReport> {
  const tune = tunes(lab).get(tuneId);
  if (!tune) {
    // Run by an earlier process: as it was last stored.
    const stored = getTuneReport(lab.db, tuneId);
    if (!stored) throw notFound(`tune ${tuneId}`);
    return stored;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout =
    timeoutMs === undefined ? null : new Promise<void>((done) => (timer = setTimeout(done, timeoutMs)));
  try {
    await (timeout ? Promise.race([tune.ended, timeout]) : tune.ended);
  } finally {
    clearTimeout(timer);
  }
  return structuredClone(tune.report);
}
