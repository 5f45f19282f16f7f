// One counter of every picked run on one chart over a shared time axis, each run its own line;
// machine-wide or of one node.
import { For } from 'solid-js';
import { COUNTERS, counterLabel } from '../../shared/vmstat.ts';
import { useApi } from '../api/api-context.tsx';
import { createCall } from '../primitives/create-call.ts';
import { createChartTheme, seriesColor } from '../charts/chart-theme.ts';
import { NodeChoice } from '../charts/node-choice.tsx';
import type { Series } from '../charts/series-types.ts';
import { TimeChart } from '../charts/time-chart.tsx';
import { useRuns } from '../runs/runs-context.tsx';
import { counterPoints, counterUnit, nodeLabel, type CounterMode } from '../run-view/series.ts';

export interface OverlayChartProps {
  runIds: number[];
  /** Group of each run (its index in the comparison), so repeats share a colour. */
  groupOf: (runId: number) => number | undefined;
  counter: string;
  mode: CounterMode;
  /** The node drawn, or null for machine-wide counters. */
  node: number | null;
  onCounter: (name: string) => void;
  onMode: (mode: CounterMode) => void;
  onNode: (node: number | null) => void;
}

export function OverlayChart(props: OverlayChartProps) {
  const { client } = useApi();
  const runs = useRuns();
  const theme = createChartTheme();
  const known = () => (COUNTERS as readonly string[]).includes(props.counter);
  const read = (ids: number[], counter: string, nodes: boolean) =>
    Promise.all(ids.map((runId) => client.call('run:samples', { runId, counters: [counter], nodes })));
  const samples = createCall(
    () => known() && { ids: props.runIds, counter: props.counter },
    ({ ids, counter }) => read(ids, counter, false),
  );
  // Per-node columns cost the lab a few times more to read, so they follow the machine-wide ones
  // rather than hold up the first picture; they name the nodes to choose from.
  const perNode = createCall(
    () => known() && !samples.loading() && { ids: props.runIds, counter: props.counter },
    ({ ids, counter }) => read(ids, counter, true),
  );
  /** Every node id any picked run has, in order (runs on different machines may differ). */
  const nodes = () => {
    const ids = new Set((perNode.value() ?? []).flatMap((s) => Object.keys(s.nodes ?? {}).map(Number)));
    return [...ids].sort((a, b) => a - b).map((id) => ({ id, label: nodeLabel(id) }));
  };
  const series = (): Series[] =>
    ((props.node === null ? samples.value() : perNode.value()) ?? []).map((s) => {
      const r = runs.byId(s.runId);
      const group = props.groupOf(s.runId);
      const node = props.node === null ? undefined : s.nodes?.[String(props.node)];
      const values = props.node === null ? s.counters[props.counter] : node?.[props.counter];
      const missing = props.node !== null && !node ? ` (no node${props.node})` : '';
      return {
        label: `#${s.runId} ${r?.name ?? ''} (seed ${r?.seed ?? '?'})${missing}`,
        color: group === undefined ? undefined : seriesColor(theme(), group),
        points: counterPoints(props.counter, s.timesMs, values ?? [], props.mode),
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
        <NodeChoice nodes={nodes()} value={props.node} onChange={props.onNode} testid="compare-node" />
        <datalist id="tierlab-counter-names">
          <For each={COUNTERS}>{(c) => <option value={c} label={counterLabel(c)} />}</For>
        </datalist>
      </header>
      <TimeChart
        title={props.node === null ? props.counter : `${props.counter} on ${nodeLabel(props.node)}`}
        unit={counterUnit([props.counter], props.mode)}
        series={series()}
        testid="compare-overlay"
        empty={
          known()
            ? samples.loading() || (props.node !== null && perNode.loading())
              ? 'Loading samples…'
              : 'Pick runs above.'
            : `“${props.counter}” is not a vmstat counter; pick one from the list.`
        }
      />
    </section>
  );
}
