// A time chart's own controls, in its caption: what part of the time axis is shown with a button to
// show it all again, and the y axis's linear/log switch.
import { Show } from 'solid-js';
import type { XRange } from './zoom-range.ts';

export interface ChartToolsProps {
  testid: string;
  zoom: XRange | null;
  log: boolean;
  onReset: () => void;
  onLog: (log: boolean) => void;
}

const seconds = (v: number) => `${+v.toPrecision(4)}`;

export function ChartTools(props: ChartToolsProps) {
  return (
    <span class="chart-tools">
      <Show when={props.zoom}>
        {(r) => (
          <span class="muted small" data-testid={`chart-zoom-range-${props.testid}`}>
            {seconds(r().min)}–{seconds(r().max)} s
          </span>
        )}
      </Show>
      <button
        type="button"
        class="chart-tool"
        disabled={!props.zoom}
        title="Drag across the chart to zoom into a time span; +/- and the arrow keys when it has focus. Double-click also resets."
        data-testid={`chart-reset-${props.testid}`}
        onClick={() => props.onReset()}
      >
        Reset zoom
      </button>
      <button
        type="button"
        class="chart-tool"
        aria-pressed={props.log}
        title="Logarithmic y axis (zeros sit on the axis line; stacked areas are drawn as lines)"
        data-testid={`chart-log-${props.testid}`}
        onClick={() => props.onLog(!props.log)}
      >
        log
      </button>
    </span>
  );
}
