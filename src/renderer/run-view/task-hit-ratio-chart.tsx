// The fast-tier hit ratio over time: per interval between samples, the share of each task's page
// references (and the machine's) that a top-tier node served. Unlike the fast-tier share, which
// capacity fixes, this is what placement did for the references.
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
import { thin } from './series.ts';

const MAX_POINTS = 1500;

function percentPoints(s: HitRatioSeries): Point[] {
  return thin(
    s.timesMs.map((ms, i) => ({ x: ms / 1000, y: s.ratios[i]! * 100 })),
    MAX_POINTS,
  );
}

export function TaskHitRatioChart(props: { result: RunResult; xMax?: number; zoom?: ZoomControl }) {
  const series = (): Series[] => {
    const perTask = props.result.tasks.flatMap((t) => {
      const s = taskHitRatioOverTime(t);
      return s ? [{ label: t.name, points: percentPoints(s) }] : [];
    });
    // With one task the machine-wide line is that task's line again.
    const machine = perTask.length > 1 ? machineHitRatioOverTime(props.result.tasks) : null;
    return machine
      ? [...perTask, { label: 'machine-wide', points: percentPoints(machine), dashed: true }]
      : perTask;
  };
  const overall = () => machineHitRatio(props.result);
  return (
    <Show when={series().length > 0}>
      <section class="panel">
        <header class="panel-header">
          <h2>Fast-tier hit ratio</h2>
          <span class="muted small" data-testid="machine-hit-ratio">
            {Number.isNaN(overall())
              ? 'no references'
              : `${(overall() * 100).toFixed(1)}% of all references hit a top-tier node over the run`}
          </span>
        </header>
        <TimeChart
          title="Fast-tier hit ratio per task"
          unit="% of references"
          series={series()}
          xMax={props.xMax}
          zoom={props.zoom}
          testid="task-hit-ratio"
          empty="No references yet."
        />
      </section>
    </Show>
  );
}
