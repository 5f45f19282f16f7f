// One counter of every picked run on one chart over a shared time axis, each run its own line.
import { For } from 'solid-js';
import { COUNTERS } from '../../shared/vmstat.ts';
import { useApi } from '../api/api-context.tsx';
import { createCall } from '../primitives/create-call.ts';
import { createChartTheme, seriesColor } from '../charts/chart-theme.ts';
import type { Series } from '../charts/series-types.ts';
import { TimeChart } from '../charts/time-chart.tsx';
import { useRuns } from '../runs/runs-context.tsx';
import { counterPoints, counterUnit, type CounterMode } from '../run-view/series.ts';

export interface OverlayChartProps {
  runIds: number[];
  /** Group of each run (its index in the comparison), so repeats share a colour. */
  groupOf: (runId: number) => number | undefined;
  counter: string;
  mode: CounterMode;
  onCounter: (name: string) => void;
  onMode: (mode: CounterMode) => void;
}

export function OverlayChart(props: OverlayChartProps) {
  const { client } = useApi();
  const runs = useRuns();
  const theme = createChartTheme();
  const samples = createCall(
    () => ({ ids: props.runIds, counter: props.counter }),
    ({ ids, counter }) =>
      (COUNTERS as readonly string[]).includes(counter)
        ? Promise.all(ids.map((runId) => client.call('run:samples', { runId, counters: [counter] })))
        : Promise.resolve([]),
  );
  const series = (): Series[] =>
    (samples.value() ?? []).map((s) => {
      const r = runs.byId(s.runId);
      const group = props.groupOf(s.runId);
      return {
        label: `#${s.runId} ${r?.name ?? ''} (seed ${r?.seed ?? '?'})`,
        color: group === undefined ? undefined : seriesColor(theme(), group),
        points: counterPoints(props.counter, s.timesMs, s.counters[props.counter] ?? [], props.mode),
      };
    });
  return (
    <section class="panel">
      <header class="panel-header">
        <h2>Over time</h2>
        <label class="inline-check">
          counter
          <input
            list="tierlab-counter-names"
            value={props.counter}
            data-testid="compare-counter"
            class="counter-input"
            onChange={(e) => props.onCounter(e.currentTarget.value.trim())}
            onKeyDown={(e) => e.key === 'Enter' && props.onCounter(e.currentTarget.value.trim())}
          />
        </label>
        <span class="segmented" role="group" aria-label="Counter mode">
          <button type="button" aria-pressed={props.mode === 'rate'} onClick={() => props.onMode('rate')}>
            per second
          </button>
          <button
            type="button"
            aria-pressed={props.mode === 'cumulative'}
            onClick={() => props.onMode('cumulative')}
          >
            cumulative
          </button>
        </span>
        <datalist id="tierlab-counter-names">
          <For each={COUNTERS}>{(c) => <option value={c} />}</For>
        </datalist>
      </header>
      <TimeChart
        title={props.counter}
        unit={counterUnit([props.counter], props.mode)}
        series={series()}
        testid="compare-overlay"
        empty={
          (COUNTERS as readonly string[]).includes(props.counter)
            ? samples.loading()
              ? 'Loading samples…'
              : 'Pick runs above.'
            : `“${props.counter}” is not a vmstat counter; pick one from the list.`
        }
      />
    </section>
  );
}
