// One run: live charts while it runs (samples pushed by the lab), then its results. Counters are drawn
// as rates per second or cumulative; gauges always as they are. Its time charts zoom together unless
// that is switched off. Mounted once per run id (keyed).
import { createEffect, createSignal, on, Show, untrack } from 'solid-js';
import { useApi } from '../api/api-context.tsx';
import { ChartStateScope, chartStateKey } from '../charts/chart-state.ts';
import { createZoom } from '../charts/create-zoom.ts';
import { createCall } from '../primitives/create-call.ts';
import { useRouter } from '../router/router-context.tsx';
import { useRuns } from '../runs/runs-context.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { AccessHeatmaps } from './access-heatmap.tsx';
import { CounterExplorer } from './counter-explorer.tsx';
import { createRunSamples } from './create-run-samples.ts';
import { createTopTier } from './create-top-tier.ts';
import { MigrationsPanel } from './migrations-panel.tsx';
import { CgroupsPanel } from './cgroups-panel.tsx';
import { FleetPanel } from './fleet-panel.tsx';
import { NodeMemoryCharts } from './node-memory-charts.tsx';
import { NodeBandwidthCharts } from './node-bandwidth-charts.tsx';
import { NodeGenerationCharts } from './node-generation-charts.tsx';
import type { RunViewModel } from './run-context.ts';
import { documentKernel } from '../../shared/scenario/run-kernel.ts';
import { RunCharts } from './run-charts.tsx';
import { RunHeader } from './run-header.tsx';
import { durationMsOf, engineOf, nodeKindsOf, pageSizeOf } from '../scenario/document-facts.ts';
import type { CounterMode } from './series.ts';
import { LiveHitRatioChart, TaskHitRatioChart } from './task-hit-ratio-chart.tsx';
import { TaskResidencyCharts } from './task-residency-charts.tsx';
import { TaskThroughputChart } from './task-throughput-chart.tsx';
import { TaskResults } from './task-results.tsx';

export function RunViewPage(props: { runId: number }) {
  const { client } = useApi();
  const runs = useRuns();
  const router = useRouter();
  const info = () => runs.byId(props.runId);
  const live = () => ['queued', 'running'].includes(info()?.status ?? 'done');
  const call = createCall(
    () => props.runId,
    (runId) => client.call('run:get', { runId }),
  );
  const detail = call.value;
  createEffect(on(live, (isLive, wasLive) => wasLive && !isLive && call.refetch()));
  const mode = (): CounterMode => (router.location().query.mode === 'cumulative' ? 'cumulative' : 'rate');
  const [zoomTogether, setZoomTogether] = createSignal(true);
  // What the user set on this run's charts is kept per run (chart-state.ts), the shared zoom too.
  const chartScope = `run-${untrack(() => props.runId)}`;
  const sharedZoom = createZoom(chartStateKey(chartScope, 'shared', 'zoom'));
  const model: RunViewModel = {
    runId: untrack(() => props.runId),
    samples: createRunSamples(
      untrack(() => props.runId),
      live,
    ),
    detail,
    mode,
    pageSize: () => pageSizeOf(detail()?.scenario),
    xMax: () => {
      const ms = durationMsOf(detail()?.scenario);
      return ms === undefined ? undefined : ms / 1000;
    },
    kinds: () => nodeKindsOf(detail()?.scenario),
    kernel: () => {
      const fromResult = detail()?.result?.kernel;
      return fromResult !== undefined ? fromResult : documentKernel(detail()?.scenario ?? null);
    },
    topTier: createTopTier(detail),
    zoom: () => (zoomTogether() ? sharedZoom : undefined),
  };
  const sampleCount = () => {
    model.samples.version();
    return model.samples.data.timesMs.length;
  };
  return (
    <ChartStateScope.Provider value={chartScope}>
      <div class="page" data-testid="page-run">
        <Show
          when={info() ?? detail()?.run}
          fallback={
            <Show
              when={call.error() !== null || (runs.loaded() && !call.loading())}
              fallback={<p class="muted">Loading run {props.runId}…</p>}
            >
              <EmptyState title={`There is no run ${props.runId}`} testid="run-missing">
                {call.error() ?? 'It may have been deleted.'} Pick a run on Scenarios & runs.
              </EmptyState>
            </Show>
          }
        >
          {(run) => (
            <>
              <RunHeader
                run={run()}
                note={detail()?.note ?? ''}
                scenario={detail()?.scenario}
                durationMs={durationMsOf(detail()?.scenario)}
                engine={detail()?.result?.engine ?? engineOf(detail()?.scenario)}
                kernel={model.kernel()}
              />
              <div class="button-row">
                <span class="segmented" role="group" aria-label="Counter mode">
                  <button
                    type="button"
                    aria-pressed={mode() === 'rate'}
                    data-testid="mode-rate"
                    onClick={() => router.setQuery({ mode: undefined })}
                  >
                    per second
                  </button>
                  <button
                    type="button"
                    aria-pressed={mode() === 'cumulative'}
                    data-testid="mode-cumulative"
                    onClick={() => router.setQuery({ mode: 'cumulative' })}
                  >
                    cumulative
                  </button>
                </span>
                <span class="muted small">
                  {model.samples.loading() ? 'loading samples…' : `${sampleCount().toLocaleString()} samples`}
                  {live() ? ' · live' : ''}
                </span>
                <label class="small" title="Zooming one time chart zooms every time chart of this run">
                  <input
                    type="checkbox"
                    data-testid="zoom-together"
                    checked={zoomTogether()}
                    onChange={(e) => setZoomTogether(e.currentTarget.checked)}
                  />{' '}
                  zoom charts together
                </label>
                <Show when={model.samples.error()}>
                  <span class="error-text small">{model.samples.error()}</span>
                </Show>
              </div>
              <Show
                when={live() || model.samples.loading() || sampleCount() > 0}
                fallback={
                  <div class="empty-state" data-testid="run-no-samples">
                    <p>
                      This run has no stored samples, so there is no time series to draw: it was imported from
                      a result file that carries none, or it ended before its first sample. What it stored of
                      its result is below.
                    </p>
                  </div>
                }
              >
                <RunCharts model={model} />
                <CounterExplorer model={model} />
                <NodeMemoryCharts model={model} />
                <NodeBandwidthCharts model={model} />
                <NodeGenerationCharts model={model} />
              </Show>
              <Show
                when={detail()?.result}
                fallback={
                  <>
                    <Show when={live()}>
                      <LiveHitRatioChart runId={props.runId} xMax={model.xMax()} zoom={model.zoom()} />
                    </Show>
                    <p class="muted">Per-task throughput, residency and events appear when the run ends.</p>
                  </>
                }
              >
                {(result) => (
                  <>
                    <TaskResults result={result()} pageSize={model.pageSize()} kinds={model.kinds()} />
                    <TaskThroughputChart tasks={result().tasks} xMax={model.xMax()} zoom={model.zoom()} />
                    <TaskHitRatioChart result={result()} xMax={model.xMax()} zoom={model.zoom()} />
                    <AccessHeatmaps
                      runId={props.runId}
                      result={result()}
                      pageSize={model.pageSize()}
                      kinds={model.kinds()}
                    />
                    <TaskResidencyCharts
                      tasks={result().tasks}
                      pageSize={model.pageSize()}
                      kinds={model.kinds()}
                      xMax={model.xMax()}
                      zoom={model.zoom()}
                    />
                    <FleetPanel
                      runId={props.runId}
                      result={result()}
                      pageSize={model.pageSize()}
                      xMax={model.xMax()}
                      zoom={model.zoom()}
                    />
                    <CgroupsPanel runId={props.runId} result={result()} />
                    <MigrationsPanel result={result()} pageSize={model.pageSize()} />
                  </>
                )}
              </Show>
            </>
          )}
        </Show>
      </div>
    </ChartStateScope.Provider>
  );
}
