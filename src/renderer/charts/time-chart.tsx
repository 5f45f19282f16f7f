// A line chart over simulated time: created on mount, fed new data in place (no re-creation, no
// animation) whenever its series, zoom or y scale change, destroyed with its owner. Zoom gestures
// are in zoom-gestures.ts; the chart's state (visible range, y scale, series colours) is written to
// its box's data- attributes after each draw, for tests and for anyone inspecting the page.
import { createEffect, createSignal, on, onCleanup, onMount, Show, untrack } from 'solid-js';
import type { ChartDataset } from 'chart.js';
import { Chart, timeChartOptions } from './chart-setup.ts';
import { createChartTheme, seriesColor, withAlpha } from './chart-theme.ts';
import { keptLog, useChartStateKey } from './chart-state.ts';
import { ChartTools } from './chart-tools.tsx';
import { createZoom, type ZoomControl } from './create-zoom.ts';
import { logFloor } from './log-axis.ts';
import type { Series } from './series-types.ts';
import { makeZoomGestures } from './zoom-gestures.ts';
import { axisBounds } from './zoom-range.ts';
import './charts.css';

export interface TimeChartProps {
  title: string;
  unit: string;
  series: Series[];
  stacked?: boolean;
  xMax?: number;
  testid: string;
  /** Said instead of the chart while there is nothing to draw. */
  empty?: string;
  /** A zoom shared with other charts; without one the chart zooms on its own. */
  zoom?: ZoomControl;
}

type LineDataset = ChartDataset<'line', { x: number; y: number }[]>;

function datasetOf(s: Series, i: number, stacked: boolean, color: string): LineDataset {
  return {
    label: s.label,
    data: s.points,
    borderColor: color,
    backgroundColor: stacked ? withAlpha(color, 0.6) : color,
    fill: stacked ? (i === 0 ? 'origin' : '-1') : false,
    borderDash: s.dashed ? [4, 3] : undefined,
    indexAxis: 'x',
  };
}

export function TimeChart(props: TimeChartProps) {
  let canvas: HTMLCanvasElement | undefined;
  let box: HTMLDivElement | undefined;
  let chart: Chart<'line', { x: number; y: number }[]> | undefined;
  const theme = createChartTheme();
  // In a chart-state scope (the run view), the chart's own zoom and its y scale survive a reload.
  // The chart's id is fixed for its life: its state is read once, under it.
  const id = untrack(() => props.testid);
  const ownZoom = createZoom(useChartStateKey(id, 'zoom'));
  const zoom = () => props.zoom ?? ownZoom;
  const [log, setLog] = keptLog(useChartStateKey(id, 'log'));
  const [band, setBand] = createSignal<{ left: number; width: number } | null>(null);
  // On a log axis stacked areas would add up to nonsense, so their parts are drawn as lines.
  const stacked = () => (props.stacked ?? false) && !log();
  const options = () =>
    timeChartOptions({
      unit: props.unit,
      stacked: stacked(),
      xMax: props.xMax,
      zoom: zoom().range(),
      logFloor: log() ? logFloor(props.series, zoom().range()) : undefined,
      theme: theme(),
    });
  const datasets = () =>
    props.series.map((s, i) => datasetOf(s, i, stacked(), s.color ?? seriesColor(theme(), i)));
  const describe = () => {
    if (!chart || !box) return;
    const { x, y } = chart.scales;
    box.dataset.xMin = String(x?.min);
    box.dataset.xMax = String(x?.max);
    box.dataset.yScale = y?.type ?? '';
    box.dataset.yMin = String(y?.min);
    box.dataset.zoomed = String(zoom().range() !== null);
    box.dataset.series = JSON.stringify(
      chart.data.datasets.map((d, i) => ({
        label: d.label,
        colour: d.borderColor,
        last: props.series[i]?.points.at(-1)?.y ?? null,
      })),
    );
  };
  onMount(() => {
    if (!canvas || !box) return;
    chart = new Chart(canvas, { type: 'line', data: { datasets: datasets() }, options: options() });
    describe();
    onCleanup(
      makeZoomGestures(canvas, box, {
        chart: () => chart,
        bounds: () => axisBounds(props.series, props.xMax),
        range: () => zoom().range(),
        setRange: (r) => zoom().setRange(r),
        onSelecting: setBand,
      }),
    );
  });
  createEffect(
    on(
      [() => props.series, theme, () => props.xMax, () => zoom().range(), log],
      () => {
        if (!chart || !canvas) return;
        const started = performance.now();
        chart.options = options();
        chart.data.datasets = datasets();
        chart.update('none');
        canvas.dataset.renderMs = (performance.now() - started).toFixed(1);
        canvas.dataset.points = String(props.series.reduce((n, s) => n + s.points.length, 0));
        describe();
      },
      { defer: true },
    ),
  );
  onCleanup(() => chart?.destroy());
  const hasData = () => props.series.some((s) => s.points.length > 0);
  const area = () => chart?.chartArea;
  return (
    <figure class="chart" data-testid={`chart-${props.testid}`}>
      <figcaption>
        <span>
          {props.title} <span class="muted small">{props.unit}</span>
        </span>
        <ChartTools
          testid={props.testid}
          zoom={zoom().range()}
          log={log()}
          onReset={() => zoom().setRange(null)}
          onLog={setLog}
        />
      </figcaption>
      <div
        ref={box}
        class="chart-box"
        tabIndex={0}
        aria-label={`${props.title}: drag to zoom into a time span, + and - to zoom, arrow keys to pan, 0 to reset`}
        data-testid={`chart-box-${props.testid}`}
      >
        <canvas
          ref={canvas}
          data-testid={`chart-canvas-${props.testid}`}
          role="img"
          aria-label={props.title}
        />
        <Show when={band()}>
          {(b) => (
            <div
              class="chart-selection"
              style={{
                left: `${b().left}px`,
                width: `${b().width}px`,
                top: `${area()?.top ?? 0}px`,
                height: `${(area()?.bottom ?? 0) - (area()?.top ?? 0)}px`,
              }}
            />
          )}
        </Show>
        <Show when={!hasData()}>
          <div class="chart-empty">{props.empty ?? 'No samples yet.'}</div>
        </Show>
      </div>
    </figure>
  );
}
