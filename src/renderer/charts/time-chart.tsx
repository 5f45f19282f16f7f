// A line chart over simulated time: created on mount, fed new data in place (no re-creation, no
// animation) whenever its series change, destroyed with its owner.
import { createEffect, on, onCleanup, onMount, Show } from 'solid-js';
import type { ChartDataset } from 'chart.js';
import { Chart, timeChartOptions } from './chart-setup.ts';
import { createChartTheme, seriesColor } from './chart-theme.ts';
import type { Series } from './series-types.ts';

export interface TimeChartProps {
  title: string;
  unit: string;
  series: Series[];
  stacked?: boolean;
  xMax?: number;
  testid: string;
  /** Said instead of the chart while there is nothing to draw. */
  empty?: string;
}

type LineDataset = ChartDataset<'line', { x: number; y: number }[]>;

function datasetOf(s: Series, i: number, stacked: boolean, color: string): LineDataset {
  return {
    label: s.label,
    data: s.points,
    borderColor: color,
    backgroundColor: stacked ? `${color}99` : color,
    fill: stacked ? (i === 0 ? 'origin' : '-1') : false,
    borderDash: s.dashed ? [4, 3] : undefined,
    indexAxis: 'x',
  };
}

export function TimeChart(props: TimeChartProps) {
  let canvas: HTMLCanvasElement | undefined;
  let chart: Chart<'line', { x: number; y: number }[]> | undefined;
  const theme = createChartTheme();
  const options = () =>
    timeChartOptions({ unit: props.unit, stacked: props.stacked ?? false, xMax: props.xMax, theme: theme() });
  const datasets = () =>
    props.series.map((s, i) => datasetOf(s, i, props.stacked ?? false, s.color ?? seriesColor(theme(), i)));
  onMount(() => {
    if (!canvas) return;
    chart = new Chart(canvas, { type: 'line', data: { datasets: datasets() }, options: options() });
  });
  createEffect(
    on(
      [() => props.series, theme, () => props.xMax],
      () => {
        if (!chart || !canvas) return;
        const started = performance.now();
        chart.options = options();
        chart.data.datasets = datasets();
        chart.update('none');
        canvas.dataset.renderMs = (performance.now() - started).toFixed(1);
        canvas.dataset.points = String(props.series.reduce((n, s) => n + s.points.length, 0));
      },
      { defer: true },
    ),
  );
  onCleanup(() => chart?.destroy());
  const hasData = () => props.series.some((s) => s.points.length > 0);
  return (
    <figure class="chart" data-testid={`chart-${props.testid}`}>
      <figcaption>
        {props.title} <span class="muted small">{props.unit}</span>
      </figcaption>
      <div class="chart-box">
        <canvas
          ref={canvas}
          data-testid={`chart-canvas-${props.testid}`}
          role="img"
          aria-label={props.title}
        />
        <Show when={!hasData()}>
          <div class="chart-empty">{props.empty ?? 'No samples yet.'}</div>
        </Show>
      </div>
    </figure>
  );
}
