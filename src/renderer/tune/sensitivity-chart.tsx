// One knob's sensitivity chart: the objective against the knob's value, a point per arm with its
// mean -/+ stddev as an error bar, the best arm marked. It zooms as the app's time charts do (drag,
// +/-, arrows, Ctrl+wheel, 0/Escape/double-click), through the same gestures and caption tools.
import { createEffect, createSignal, on, onCleanup, onMount, Show } from 'solid-js';
import { Chart } from '../charts/chart-setup.ts';
import { ChartTools } from '../charts/chart-tools.tsx';
import { createChartTheme, seriesColor } from '../charts/chart-theme.ts';
import { createZoom } from '../charts/create-zoom.ts';
import { makeZoomGestures } from '../charts/zoom-gestures.ts';
import type { SensitivitySeries, SpreadPoint } from './sensitivity-series.ts';
import { errorBars, sensitivityOptions } from './sensitivity-options.ts';
import '../charts/charts.css';

export interface SensitivityChartProps {
  knob: string;
  objective: string;
  unit: string;
  series: SensitivitySeries;
  best: number | null;
}

type SpreadChart = Chart<'line', SpreadPoint[]>;

export function SensitivityChart(props: SensitivityChartProps) {
  let canvas: HTMLCanvasElement | undefined;
  let box: HTMLDivElement | undefined;
  let chart: SpreadChart | undefined;
  const theme = createChartTheme();
  const zoom = createZoom();
  const [log, setLog] = createSignal(false);
  const [band, setBand] = createSignal<{ left: number; width: number } | null>(null);
  const options = () => sensitivityOptions({ ...props, zoom: zoom.range(), log: log(), theme: theme() });
  const datasets = () => {
    const colour = seriesColor(theme(), 0);
    const best = seriesColor(theme(), 1);
    return [
      {
        label: props.objective,
        data: props.series.points,
        borderColor: colour,
        backgroundColor: props.series.points.map((p) => (p.arm === props.best ? best : colour)),
        pointStyle: props.series.points.map((p) => (p.arm === props.best ? 'star' : 'circle')),
      },
    ];
  };
  const describe = () => {
    if (!chart || !box) return;
    box.dataset.xMin = String(chart.scales.x?.min);
    box.dataset.xMax = String(chart.scales.x?.max);
    box.dataset.xScale = chart.scales.x?.type ?? '';
    box.dataset.zoomed = String(zoom.range() !== null);
    box.dataset.points = JSON.stringify(props.series.points);
  };
  onMount(() => {
    if (!canvas || !box) return;
    chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: datasets() },
      options: options(),
      plugins: [errorBars],
    });
    describe();
    onCleanup(
      makeZoomGestures(canvas, box, {
        chart: () => chart as unknown as Chart<'line', { x: number; y: number }[]>,
        bounds: () => props.series.bounds,
        range: () => zoom.range(),
        setRange: (r) => zoom.setRange(r),
        onSelecting: setBand,
      }),
    );
  });
  createEffect(
    on(
      [() => props.series, () => props.best, theme, () => zoom.range(), log],
      () => {
        if (!chart) return;
        chart.options = options();
        chart.data.datasets = datasets();
        chart.update('none');
        describe();
      },
      { defer: true },
    ),
  );
  onCleanup(() => chart?.destroy());
  const id = () => `tune-${props.knob}`;
  return (
    <figure class="chart" data-testid={`chart-${id()}`}>
      <figcaption>
        <span>
          {props.objective} against {props.knob} <span class="muted small">{props.unit}</span>
        </span>
        <ChartTools
          testid={id()}
          zoom={zoom.range()}
          log={log()}
          onReset={() => zoom.setRange(null)}
          onLog={setLog}
        />
      </figcaption>
      <div
        ref={box}
        class="chart-box"
        tabIndex={0}
        aria-label={`${props.objective} against ${props.knob}: drag to zoom into a span of values, + and - to zoom, arrow keys to pan, 0 to reset`}
        data-testid={`chart-box-${id()}`}
      >
        <canvas
          ref={canvas}
          data-testid={`chart-canvas-${id()}`}
          role="img"
          aria-label={`${props.objective} against ${props.knob}`}
        />
        <Show when={band()}>
          {(b) => (
            <div
              class="chart-selection"
              style={{
                left: `${b().left}px`,
                width: `${b().width}px`,
                top: `${chart?.chartArea.top ?? 0}px`,
                height: `${(chart?.chartArea.bottom ?? 0) - (chart?.chartArea.top ?? 0)}px`,
              }}
            />
          )}
        </Show>
      </div>
    </figure>
  );
}
