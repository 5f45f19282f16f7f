// The fast-tier hit ratio over time: per interval between samples, the share of each task's page
// references (and the machine's) that a top-tier node served. Unlike the fast-tier share, which
// capacity fixes, this is what placement did for the references. While a run goes it is drawn from
// the progress reports (create-live-hit-ratio.ts); once it ends, from the result.
import { Show } from 'solid-js';
import {
  machineHitRatio,
  machineHitRatioOverTime,
  taskHitRatioOverTime,
  type HitRatioSeries,
} from '../../shared/hit-ratio.ts';
import type { RunResult } from '../../shared/result.ts';
import type { ZoomControl } from '../charts/create-zoom.ts';
import type { Point, Series } from '../charts/series-types.ts';
import { TimeChart } from '../charts/time-chart.tsx';
import { createLiveHitRatio } from './create-live-hit-ratio.ts';
import { thin } from './series.ts';

const MAX_POINTS = 1500;

function percentPoints(s: HitRatioSeries): Point[] {
  return thin(
    s.timesMs.map((ms, i) => ({ x: ms / 1000, y: s.ratios[i]! * 100 })),
    MAX_POINTS,
  );
}

/** Per task, then machine-wide (dashed) when there is more than one task: it would repeat the one. */
function hitRatioSeries(perTask: { name: string; series: HitRatioSeries }[], machine: HitRatioSeries | null) {
  const lines: Series[] = perTask.map((t) => ({ label: t.name, points: percentPoints(t.series) }));
  return machine && perTask.length > 1
    ? [...lines, { label: 'machine-wide', points: percentPoints(machine), dashed: true }]
    : lines;
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

function HitRatioPanel(props: {
  series: Series[];
  summary: string;
  testid: string;
  xMax?: number;
  zoom?: ZoomControl;
}) {
  return (
    <section class="panel">
      <header class="panel-header">
        <h2>Fast-tier hit ratio</h2>
        <span class="muted small" data-testid={props.testid}>
          {props.summary}
        </span>
      </header>
      <TimeChart
        title="Fast-tier hit ratio per task"
        unit="% of references"
        series={props.series}
        xMax={props.xMax}
        zoom={props.zoom}
        testid="task-hit-ratio"
        empty="No references yet."
      />
    </section>
  );
}

export function TaskHitRatioChart(props: { result: RunResult; xMax?: number; zoom?: ZoomControl }) {
  const series = (): Series[] => {
    const perTask = props.result.tasks.flatMap((t) => {
      const s = taskHitRatioOverTime(t);
      return s ? [{ name: t.name, series: s }] : [];
    });
    return hitRatioSeries(perTask, machineHitRatioOverTime(props.result.tasks));
  };
  const overall = () => machineHitRatio(props.result);
  return (
    <Show when={series().length > 0}>
      <HitRatioPanel
        series={series()}
        summary={
          Number.isNaN(overall())
            ? 'no references'
            : `${percent(overall())} of all references hit a top-tier node over the run`
        }
        testid="machine-hit-ratio"
        xMax={props.xMax}
        zoom={props.zoom}
      />
    </Show>
  );
}

/** The same chart for a running run, with each task's and the machine's ratio so far. */
export function LiveHitRatioChart(props: { runId: number; xMax?: number; zoom?: ZoomControl }) {
  const live = createLiveHitRatio(() => props.runId);
  const summary = () => {
    const so = live.soFar();
    if (!so) return 'waiting for the first sample…';
    const tasks = so.tasks.map((t) => `${t.name} ${Number.isNaN(t.ratio) ? '–' : percent(t.ratio)}`);
    const machine = Number.isNaN(so.machine) ? 'no references yet' : `machine-wide ${percent(so.machine)}`;
    return `so far (at ${(so.sampleMs / 1000).toFixed(1)} s): ${[...tasks, machine].join(' · ')}`;
  };
  return (
    <HitRatioPanel
      series={hitRatioSeries(live.perTask(), live.machine())}
      summary={summary()}
      testid="live-hit-ratio"
      xMax={props.xMax}
      zoom={props.zoom}
    />
  );
}
