// The run at the top of its view: status and progress, seed and timings, actions, tags and note.
import { Show } from 'solid-js';
import type { RunInfo } from '../../shared/api/types.ts';
import type { RunEngine } from '../../shared/scenario/resolved.ts';
import type { KernelVersion } from '../../shared/scenario/kernels.ts';
import { useApi } from '../api/api-context.tsx';
import { ExportButtons } from '../export/export-buttons.tsx';
import { useRouter } from '../router/router-context.tsx';
import { useDeleteRun } from '../runs/delete-run.ts';
import { ProgressBar } from '../runs/progress-bar.tsx';
import { RunNote } from '../runs/run-note.tsx';
import { RunTags } from '../runs/run-tags.tsx';
import { useScenarioActions } from '../scenarios/scenario-actions.ts';
import { useToast } from '../toast/toast-context.tsx';
import { formatMs } from '../units/quantity.ts';
import { createLiveThroughput } from './create-live-throughput.ts';

export function RunHeader(props: {
  run: RunInfo;
  note: string;
  scenario: unknown;
  durationMs?: number;
  /** The engine that ran it (from its result), or that will run it (from its scenario). */
  engine: RunEngine;
  /** The kernel it modelled (from its result, else its scenario); null: a research preset's own. */
  kernel: KernelVersion | null;
}) {
  const { client } = useApi();
  const toast = useToast();
  const router = useRouter();
  const actions = useScenarioActions();
  const deleteRun = useDeleteRun();
  const r = () => props.run;
  const live = () => r().status === 'queued' || r().status === 'running';
  const finished = () => r().status === 'done' || r().status === 'cancelled';
  const throughput = createLiveThroughput(() => props.run.id);
  return (
    <section class="panel run-header" data-testid="run-header" data-status={r().status}>
      <div class="page-header-row">
        <h1>
          Run {r().id} <span class="muted">·</span> {r().name}
        </h1>
        <span class={`status-badge status-${r().status}`} data-testid="run-status">
          {r().status}
        </span>
      </div>
      <div class="run-facts">
        <div class="run-progress">
          <ProgressBar runId={r().id} fraction={r().progress} status={r().status} wallMs={r().wallMs} />
        </div>
        <span>
          simulated <b>{formatMs(r().simulatedMs ?? 0)}</b>
          <Show when={props.durationMs}> of {formatMs(props.durationMs ?? 0)}</Show>
        </span>
        <span>
          seed <b>{r().seed}</b>
        </span>
        <Show when={r().wallMs !== null}>
          <span>
            wall <b>{formatMs(Math.round(r().wallMs ?? 0))}</b>
          </span>
        </Show>
        <Show when={live() && throughput() !== null}>
          <span data-testid="live-throughput">
            <b>{((throughput() ?? 0) / 1e6).toFixed(2)}</b> M refs/s now
          </span>
        </Show>
        <span data-testid="run-kernel">
          {props.kernel === null ? (
            "the series' own kernel"
          ) : (
            <>
              Linux <b>{props.kernel}</b>
            </>
          )}
        </span>
        <span data-testid="run-engine">
          <b>{props.engine}</b> engine <span class="muted">{r().engineVersion}</span>
        </span>
      </div>
      <Show when={r().error}>
        <p class="error-text" data-testid="run-error">
          {r().error}
        </p>
      </Show>
      <div class="button-row">
        <Show when={live()}>
          <button
            type="button"
            data-testid="run-cancel"
            onClick={() => {
              const runId = r().id;
              void toast.guard(() => client.call('run:cancel', { runId }));
            }}
          >
            Cancel run
          </button>
        </Show>
        <button
          type="button"
          disabled={!finished()}
          onClick={() => router.navigate({ page: 'compare' }, { runs: String(r().id) })}
        >
          Compare with…
        </button>
        <button
          type="button"
          onClick={() =>
            actions.replace(
              props.scenario,
              null,
              `Opened the scenario of run ${r().id} in the editor (as a new scenario).`,
            )
          }
        >
          Edit a copy of its scenario
        </button>
        <Show when={!live()}>
          <button
            type="button"
            class="danger"
            onClick={() => {
              deleteRun(r().id, r().name);
              router.navigate({ page: 'scenarios' });
            }}
          >
            Delete
          </button>
        </Show>
        <span class="grow" />
        <ExportButtons runIds={[r().id]} kinds={['samples', 'results']} />
      </div>
      <div class="run-meta">
        <span class="field">
          <span class="field-label">Tags (Enter adds)</span>
          <RunTags runId={r().id} tags={r().tags} />
        </span>
        <RunNote runId={r().id} note={props.note} />
      </div>
    </section>
  );
}
