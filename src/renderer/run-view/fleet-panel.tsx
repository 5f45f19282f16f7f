// Fleet metrics of a finished run: the working set of each task over time (zoomable with the
// other charts), idle-time percentiles as DAMON_STAT reports them, the cold-age histogram, TMTS's
// STRR and STAR, and what the machine's memory costs (shared/fleet-metrics.ts, memory-cost.ts).
import { For, Show } from 'solid-js';
import type { RunResult, TaskResult } from '../../shared/result.ts';
import { COLD_AGE_BIN_MS, type FleetMetrics } from '../../shared/fleet-metrics.ts';
import type { ZoomControl } from '../charts/create-zoom.ts';
import type { Series } from '../charts/series-types.ts';
import { TimeChart } from '../charts/time-chart.tsx';
import { BarChart } from '../charts/bar-chart.tsx';
import { thin } from './series.ts';
import { trim } from '../units/quantity.ts';
import type { MemoryKind } from '../../shared/scenario/resolved.ts';
import { useApi } from '../api/api-context.tsx';
import { CsvFileButton } from '../export/csv-file-button.tsx';

const MAX_POINTS = 1500;
/** The percentiles shown of memory_idle_ms_percentiles' 101. */
const SHOWN = [0, 10, 25, 50, 75, 90, 99, 100];

const pct = (x: number | null) => (x !== null && Number.isFinite(x) ? `${trim(x * 100, 1)}%` : '-');

/** "0", "100 ms-200 ms", ..., "102.4 s+": each cold-age bin's idle-time range. */
function binLabel(b: number): string {
  const ms = (x: number) => (x >= 1000 ? `${trim(x / 1000, 1)} s` : `${x} ms`);
  if (b === 0) return 'idle 0 (working set)';
  const from = COLD_AGE_BIN_MS[b]!;
  const to = COLD_AGE_BIN_MS[b + 1];
  return to === undefined ? `${ms(from)}+` : `${ms(from)}-${ms(to)}`;
}

function workingSetSeries(tasks: TaskResult[], mib: number): Series[] {
  return tasks
    .filter((t) => (t.fleet?.workingSetPages.length ?? 0) > 0)
    .map((t) => ({
      label: t.name,
      points: thin(
        t.fleet!.workingSetPages.map((pages, i) => ({ x: t.residency.timesMs[i]! / 1000, y: pages * mib })),
        MAX_POINTS,
      ),
    }));
}

function FleetRow(props: { name: string; f: FleetMetrics }) {
  return (
    <tr data-testid="fleet-row">
      <td>{props.name}</td>
      <For each={SHOWN}>{(p) => <td class="num">{props.f.idleMsPercentiles[p] ?? '-'}</td>}</For>
      <td class="num">{pct(props.f.strr)}</td>
      <td class="num">{pct(props.f.star)}</td>
    </tr>
  );
}

/** Saves each task's fleet metrics as CSV (export:fleet, as `tierlab export --fleet` writes it). */
function FleetCsvButton(props: { runId: number }) {
  const { client } = useApi();
  return (
    <CsvFileButton
      file={() => client.call('export:fleet', { runIds: [props.runId] })}
      title="Each task's working set over time, idle-time percentiles, cold-age bins, STRR and STAR: a row per point"
      testId="fleet-csv"
    />
  );
}

export function FleetPanel(props: {
  runId: number;
  result: RunResult;
  pageSize: number;
  xMax?: number;
  zoom?: ZoomControl;
}) {
  const mib = () => props.pageSize / 1048576;
  const fleet = () => props.result.fleet;
  return (
    <Show when={fleet()}>
      {(run) => (
        <section class="panel" data-testid="fleet">
          <header class="panel-header">
            <h2>Fleet metrics</h2>
            <span class="muted small">
              idle time as DAMON_STAT's memory_idle_ms_percentiles (100 ms aggregation), over sampled pages
            </span>
            <FleetCsvButton runId={props.runId} />
          </header>
          <TimeChart
            title="Working set per task (pages accessed in the last 100 ms)"
            unit="MiB"
            series={workingSetSeries(props.result.tasks, mib())}
            xMax={props.xMax}
            zoom={props.zoom}
            testid="working-set"
          />
          <table class="data-table">
            <thead>
              <tr>
                <th>task</th>
                <For each={SHOWN}>{(p) => <th class="num">idle p{p} (ms)</th>}</For>
                <th class="num" title="Slow-tier residency ratio (TMTS), mean over samples">
                  STRR
                </th>
                <th class="num" title="Slow-tier access ratio (TMTS): hits served below the top tier">
                  STAR
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.result.tasks}>
                {(t) => <Show when={t.fleet}>{(f) => <FleetRow name={t.name} f={f()} />}</Show>}
              </For>
              <FleetRow name="all tasks" f={run()} />
            </tbody>
          </table>
          <BarChart
            title="Cold-age histogram at the end (pages by idle time)"
            unit="MiB"
            categories={run().coldAgePages.map((_, b) => binLabel(b))}
            stacks={[{ label: 'resident', values: run().coldAgePages.map((p) => p * mib()) }]}
            testid="cold-age"
          />
          <p data-testid="memory-cost">
            Memory cost: <strong>{trim(run().cost.totalUsd, 2)} USD</strong> against{' '}
            {trim(run().cost.allDramUsd, 2)} USD all in DRAM ({pct(run().cost.savedShare)} saved), at{' '}
            {Object.entries(run().cost.usdPerGiB)
              .filter(([kind]) => run().cost.gib[kind as MemoryKind] > 0)
              .map(([kind, usd]) => `${kind} ${usd} USD/GiB`)
              .join(', ')}
            .
          </p>
        </section>
      )}
    </Show>
  );
}
