// Where each task's pages lived over the run: resident MiB per node, stacked in the nodes' colours,
// one chart per task.
import { For, Show } from 'solid-js';
import type { TaskResult } from '../../shared/result.ts';
import { nodeColour } from '../charts/chart-theme.ts';
import type { ZoomControl } from '../charts/create-zoom.ts';
import type { Series } from '../charts/series-types.ts';
import { TimeChart } from '../charts/time-chart.tsx';
import { nodeLabel, thin, toPoints } from './series.ts';

const MAX_POINTS = 1500;

function residencySeries(task: TaskResult, pageSize: number, kinds: string[]): Series[] {
  const r = task.residency;
  const nodes = r.pages[0]?.length ?? 0;
  const mib = pageSize / 1048576;
  return Array.from({ length: nodes }, (_, node) => ({
    label: nodeLabel(node, kinds[node]),
    color: nodeColour(node),
    points: thin(
      toPoints(
        r.timesMs,
        r.pages.map((row) => row[node] ?? 0),
        mib,
      ),
      MAX_POINTS,
    ),
  }));
}

export function TaskResidencyCharts(props: {
  tasks: TaskResult[];
  pageSize: number;
  kinds: string[];
  xMax?: number;
  zoom?: ZoomControl;
}) {
  const withHistory = () => props.tasks.filter((t) => (t.residency?.timesMs.length ?? 0) > 0);
  return (
    <Show when={withHistory().length > 0}>
      <section class="panel">
        <header class="panel-header">
          <h2>Residency per task over time</h2>
          <span class="muted small">resident pages of each task by node, stacked</span>
        </header>
        <div class="chart-grid">
          <For each={withHistory()}>
            {(task, i) => (
              <TimeChart
                title={`${task.name} (${task.type})`}
                unit="MiB"
                stacked
                series={residencySeries(task, props.pageSize, props.kinds)}
                xMax={props.xMax}
                zoom={props.zoom}
                testid={`task-residency-${i()}`}
              />
            )}
          </For>
        </div>
      </section>
    </Show>
  );
}
