// The sensitivity chart's chart.js options and its error-bar plugin: a knob's value across (linear,
// log, or a listed knob's values at 0, 1, ...), the objective up, each arm a point with a bar.
import type { ChartOptions, Plugin } from 'chart.js';
import type { ChartTheme } from '../charts/chart-theme.ts';
import type { XRange } from '../charts/zoom-range.ts';
import type { SensitivitySeries, SpreadPoint } from './sensitivity-series.ts';

export interface SensitivityOptions {
  knob: string;
  objective: string;
  unit: string;
  series: SensitivitySeries;
  /** The zoomed span of the knob axis; null for all of it. */
  zoom: XRange | null;
  /** A log objective axis. */
  log: boolean;
  theme: ChartTheme;
}

/** Draws each point's lo..hi as a vertical bar with caps (chart.js has no error bars of its own). */
export const errorBars: Plugin<'line'> = {
  id: 'tierlabErrorBars',
  afterDatasetsDraw(chart) {
    const y = chart.scales.y;
    const meta = chart.getDatasetMeta(0);
    if (!y || !meta) return;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = (chart.data.datasets[0]?.borderColor as string | undefined) ?? '#888';
    ctx.lineWidth = 1;
    meta.data.forEach((el, i) => {
      const p = chart.data.datasets[0]!.data[i] as unknown as SpreadPoint;
      if (p.hi === p.lo) return;
      const [top, bottom] = [y.getPixelForValue(p.hi), y.getPixelForValue(p.lo)];
      ctx.beginPath();
      ctx.moveTo(el.x, top);
      ctx.lineTo(el.x, bottom);
      ctx.moveTo(el.x - 4, top);
      ctx.lineTo(el.x + 4, top);
      ctx.moveTo(el.x - 4, bottom);
      ctx.lineTo(el.x + 4, bottom);
      ctx.stroke();
    });
    ctx.restore();
  },
};

const short = (n: number) => String(+n.toPrecision(4));

export function sensitivityOptions(o: SensitivityOptions): ChartOptions<'line'> {
  const t = o.theme;
  const s = o.series;
  const axis = {
    grid: { color: t.grid },
    ticks: { color: t.muted, maxTicksLimit: 8 },
    border: { color: t.grid },
  };
  const categories = s.categories;
  return {
    animation: false,
    parsing: false,
    responsive: true,
    maintainAspectRatio: false,
    showLine: false,
    elements: { point: { radius: 4, hoverRadius: 6 } },
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          title: (items) => {
            const p = items[0]?.raw as SpreadPoint | undefined;
            if (!p) return '';
            return `arm ${p.arm}: ${o.knob} = ${categories ? categories[p.x] : p.x}`;
          },
          label: (item) => {
            const p = item.raw as SpreadPoint;
            return `${short(p.y)} ${o.unit} (±${short((p.hi - p.lo) / 2)} stddev)`;
          },
        },
      },
    },
    scales: {
      x: {
        ...axis,
        type: s.log ? 'logarithmic' : 'linear',
        min: o.zoom?.min ?? s.bounds.min,
        max: o.zoom?.max ?? s.bounds.max,
        title: { display: true, text: `${o.knob}${s.log ? ' (log)' : ''}`, color: t.muted },
        ticks: {
          ...axis.ticks,
          ...(categories && { callback: (v: number | string) => categories[Number(v)] ?? '' }),
        },
        // A listed knob's ticks sit on its values (0, 1, ...), not on the axis's half-step ends.
        ...(categories && {
          afterBuildTicks: (scale: { ticks: { value: number }[]; min: number; max: number }) => {
            scale.ticks = categories
              .map((_, i) => ({ value: i }))
              .filter((t) => t.value >= scale.min && t.value <= scale.max);
          },
        }),
      },
      y: {
        ...axis,
        type: o.log ? 'logarithmic' : 'linear',
        title: { display: true, text: `${o.objective} (${o.unit})`, color: t.muted },
      },
    },
  };
}
