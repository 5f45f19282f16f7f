// Throughput over time: each task's page references per second between two samples, from the
// cumulative counts the result keeps beside residency (samples carry only kernel counters).
import { Show } from 'solid-js';
import type { TaskResult } from '../../shared/result.ts';
import type { ZoomControl } from '../charts/create-zoom.ts';
import type { Point, Series } from '../charts/series-types.ts';
import { TimeChart } from '../charts/time-chart.tsx';
import { thin } from './series.ts';

const MAX_POINTS = 1500;

function throughputPoints(task: TaskResult): Point[] {
  const { timesMs, references } = task.residency;
  const out: Point[] = [];
  for (let i = 1; i < Math.min(timesMs.length, references?.length ?? 0); i++) {
    const dt = (timesMs[i]! - timesMs[i - 1]!) / 1000;
    if (dt > 0) out.push({ x: timesMs[i]! / 1000, y: (references[i]! - references[i - 1]!) / dt / 1e6 });
  }
  return thin(out, MAX_POINTS);
}

export function TaskThroughputChart(props: { tasks: TaskResult[]; xMax?: number; zoom?: ZoomControl }) {
  const series = (): Series[] =>
    props.tasks
      .filter((t) => (t.residency?.references?.length ?? 0) > 1)
      .map((t) => ({ label: t.name, points: throughputPoints(t) }));
  return (
    <Show when={series().length > 0}>
      <section class="panel">
        <TimeChart
          title="Throughput per task"
          unit="M refs/s"
          series={series()}
          xMax={props.xMax}
          zoom={props.zoom}
          testid="task-throughput"
        />
      </section>
    </Show>
  );
}
