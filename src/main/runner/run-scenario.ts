// Runs one scenario in the current thread: the loop every host uses (CLI, worker threads),
// advancing the engine in slices so it can report progress, hand over samples and be cancelled.
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import type { SampleBatch } from '../../shared/samples.ts';
import type { RunResult } from '../../shared/result.ts';
import type { RunProgress } from '../../shared/progress.ts';
import { createSimulation } from '../../engine/index.ts';

export interface RunHooks {
  /** After each slice: how far the run is, and the latest machine-wide counters (ordered as COUNTERS). */
  onProgress?(progress: RunProgress, latest: Float64Array): void;
  /** Called with each batch of sample rows as it is produced. */
  onSamples?(batch: SampleBatch): void;
  /** Checked between slices; returning true stops the run early. */
  shouldStop?(): boolean;
}

export interface RunOutcome {
  result: RunResult;
  stopped: boolean;
}

/** Simulated time per slice: small enough for a smooth progress bar, large enough to be cheap. */
const SLICE_MS = 250;
/**
 * Wall time between two hand-overs of samples: each hand-over is one database transaction, and a
 * fast run produces many slices a second, so rows are gathered into fewer, larger batches.
 */
const SAMPLES_EVERY_WALL_MS = 250;

export function runScenario(
  s: ResolvedScenario,
  hooks: RunHooks = {},
  clock: () => number = () => performance.now(),
): RunOutcome {
  const started = clock();
  const sim = createSimulation(s);
  let stopped = false;
  let handedAt = started;
  while (!sim.done) {
    if (hooks.shouldStop?.()) {
      stopped = true;
      break;
    }
    sim.advance(sim.nowMs + SLICE_MS);
    if (clock() - handedAt >= SAMPLES_EVERY_WALL_MS) {
      handedAt = clock();
      const batch = sim.takeSamples();
      if (batch) hooks.onSamples?.(batch);
    }
    const progress: RunProgress = {
      fraction: sim.nowMs / sim.durationMs,
      simulatedMs: sim.nowMs,
      wallMs: clock() - started,
      references: sim.references(),
      ...sim.sampledTasks(),
    };
    hooks.onProgress?.(progress, sim.latest());
  }
  const batch = sim.takeSamples();
  if (batch) hooks.onSamples?.(batch);
  return { result: sim.result(clock() - started), stopped };
}
