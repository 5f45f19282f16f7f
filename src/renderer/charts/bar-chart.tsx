// A horizontal stacked bar chart (categories down, one dataset per stack part), e.g. residency per node.
import { createEffect, on, onCleanup, onMount } from 'solid-js';
import type { ChartOptions } from 'chart.js';
import { Chart } from './chart-setup.ts';
import { createChartTheme, seriesColor } from './chart-theme.ts';

export interface BarChartProps {
  title: string;
  unit: string;
  categories: string[];
  stacks: { label: string; values: number[]; color?: string }[];
  testid: string;
}

export function BarChart(props: BarChartProps) {
  let canvas: HTMLCanvasElement | undefined;
  let chart: Chart<'bar'> | undefined;
  const theme = createChartTheme();
  const options = (): ChartOptions<'bar'> => {
    const t = theme();
    const axis = { grid: { color: t.grid }, ticks: { color: t.muted }, border: { color: t.grid } };
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: 'y',
      plugins: {
        legend: {
          position: 'bottom',
          labels: { color: t.text, boxWidth: 10, boxHeight: 10, font: { size: 11 } },
        },
        tooltip: {
          callbacks: {
            label: (i) => `${i.dataset.label ?? ''}: ${(i.parsed.x ?? 0).toFixed(1)} ${props.unit}`,
          },
        },
      },
      scales: {
        x: {
          ...axis,
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: props.unit, color: t.muted },
        },
        y: { ...axis, stacked: true, ticks: { ...axis.ticks, autoSkip: false } },
      },
    };
  };
  const data = () => ({
    labels: props.categories,
    datasets: props.stacks.map((s, i) => ({
      label: s.label,
      data: s.values,
      backgroundColor: s.color ?? seriesColor(theme(), i),
    })),
  });
  onMount(() => {
    if (canvas) chart = new Chart(canvas, { type: 'bar', data: data(), options: options() });
  });
  createEffect(
    on(
      [() => props.stacks, () => props.categories, theme],
      () => {
        if (!chart) return;
        chart.data = data();
        chart.options = options();
        chart.update('none');
      },
      { defer: true },
    ),
  );
  onCleanup(() => chart?.destroy());
  return (
    <figure class="chart" data-testid={`chart-${props.testid}`}>
      <figcaption>
        {props.title} <span class="muted small">{props.unit}</span>
      </figcaption>
      <div class="chart-box" style={{ height: `${Math.max(140, 70 + props.categories.length * 32)}px` }}>
        <canvas
          ref={canvas}
          data-testid={`chart-canvas-${props.testid}`}
          role="img"
          aria-label={props.title}
        />
      </div>
    </figure>
  );
}
