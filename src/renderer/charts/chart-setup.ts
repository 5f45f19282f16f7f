// chart.js, registered once with only what the app draws (tree-shaken), and the options every time
// chart shares: no animation, pre-parsed data, LTTB decimation, a linear time axis in seconds
// (zoomed by setting its min and max), and a y axis that is linear or logarithmic.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LogarithmicScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
} from 'chart.js';
import type { ChartTheme } from './chart-theme.ts';
import type { XRange } from './zoom-range.ts';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  LinearScale,
  LogarithmicScale,
  CategoryScale,
  Decimation,
  Filler,
  Legend,
  Tooltip,
);

export { Chart };

export interface TimeChartOptions {
  unit: string;
  stacked: boolean;
  /** Fixed end of the time axis (the run's duration), so live charts fill in from the left. */
  xMax?: number;
  /** The zoomed part of the time axis; null shows it all. */
  zoom: XRange | null;
  /** A log y axis starting at this floor (see logFloor); undefined for a linear one from 0. */
  logFloor?: number;
  theme: ChartTheme;
}

const formatTick = (v: number | string) => {
  const n = Number(v);
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${+(n / 1e9).toFixed(1)}G`;
  if (abs >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${+(n / 1e3).toFixed(0)}k`;
  return String(+n.toFixed(2));
};

/**
 * Log axes put a tick at every integer multiple of each power of ten; label 1, 2 and 5 of each
 * decade, or only the powers of ten when more than two decades would crowd the axis.
 */
const formatLogTick = (v: number | string, _i: number, ticks: { value: number }[]) => {
  const n = Number(v);
  const decades = Math.log10((ticks[ticks.length - 1]?.value ?? n) / (ticks[0]?.value ?? n));
  const mantissa = n / 10 ** Math.floor(Math.log10(n) + 1e-9);
  const is = (m: number) => Math.abs(mantissa - m) < 1e-6;
  return is(1) || (decades <= 2 && (is(2) || is(5))) ? formatTick(n) : '';
};

export function timeChartOptions(o: TimeChartOptions): ChartOptions<'line'> {
  const { theme } = o;
  const axis = {
    grid: { color: theme.grid },
    ticks: { color: theme.muted, maxTicksLimit: 8 },
    border: { color: theme.grid },
  };
  return {
    animation: false,
    parsing: false,
    normalized: true,
    responsive: true,
    maintainAspectRatio: false,
    spanGaps: true,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    elements: { point: { radius: 0, hitRadius: 4 }, line: { borderWidth: 1.5 } },
    plugins: {
      // Decimation only works on unstacked lines; stacked charts are thinned before they get here.
      decimation: { enabled: !o.stacked, algorithm: 'lttb', samples: 600, threshold: 1200 },
      legend: {
        position: 'bottom',
        labels: { color: theme.text, boxWidth: 10, boxHeight: 10, font: { size: 11 } },
      },
      tooltip: {
        callbacks: {
          title: (items) => `t = ${items[0]?.parsed.x ?? 0} s`,
          label: (item) => `${item.dataset.label ?? ''}: ${formatTick(item.parsed.y ?? 0)} ${o.unit}`,
        },
      },
    },
    scales: {
      x: {
        ...axis,
        type: 'linear',
        min: o.zoom?.min ?? 0,
        max: o.zoom?.max ?? o.xMax,
        title: { display: true, text: 'time (s)', color: theme.muted },
      },
      y:
        o.logFloor === undefined
          ? {
              ...axis,
              type: 'linear',
              stacked: o.stacked,
              beginAtZero: true,
              title: { display: true, text: o.unit, color: theme.muted },
              ticks: { ...axis.ticks, callback: formatTick },
            }
          : {
              ...axis,
              type: 'logarithmic',
              min: o.logFloor,
              title: { display: true, text: `${o.unit} (log)`, color: theme.muted },
              ticks: { ...axis.ticks, autoSkip: false, callback: formatLogTick },
            },
    },
  };
}
