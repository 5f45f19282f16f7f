// Each node's memory as stacked areas: anon, file and free pages in MiB, from the per-node samples.
// Anon is drawn in the node's colour and file in a lighter shade of it; free is grey, as everywhere.
import { For, Show } from 'solid-js';
import { FREE_COLOUR, nodeColour, tint } from '../charts/chart-theme.ts';
import type { Series } from '../charts/series-types.ts';
import { TimeChart } from '../charts/time-chart.tsx';
import type { RunViewModel } from './run-context.ts';
import { nodeLabel, thin, toPoints } from './series.ts';

const STACK: { counter: string; label: string; colour: (node: number) => string; dashed?: boolean }[] = [
  { counter: 'nr_anon_pages', label: 'anon', colour: nodeColour },
  { counter: 'nr_file_pages', label: 'file', colour: (node) => tint(nodeColour(node), 0.45) },
  { counter: 'nr_free_pages', label: 'free', colour: () => FREE_COLOUR, dashed: true },
];
/** Stacked areas cannot be decimated (their x values must line up), so they are thinned evenly. */
const MAX_POINTS = 1500;

export function NodeMemoryCharts(props: { model: RunViewModel }) {
  const nodeIds = () => {
    props.model.samples.version();
    return Object.keys(props.model.samples.data.nodes);
  };
  const series = (id: string): Series[] => {
    props.model.samples.version();
    const d = props.model.samples.data;
    const mib = props.model.pageSize() / 1048576;
    return STACK.map((s) => ({
      label: s.label,
      points: thin(toPoints(d.nodeTimesMs, d.nodes[id]?.[s.counter] ?? [], mib), MAX_POINTS),
      color: s.colour(Number(id)),
      dashed: s.dashed,
    }));
  };
  return (
    <section class="panel">
      <header class="panel-header">
        <h2>Memory per node</h2>
        <span class="muted small">nr_anon_pages, nr_file_pages and nr_free_pages of each node, stacked</span>
      </header>
      <Show when={nodeIds().length > 0} fallback={<p class="muted">No per-node samples yet.</p>}>
        <div class="chart-grid">
          <For each={nodeIds()}>
            {(id) => (
              <TimeChart
                title={nodeLabel(Number(id), props.model.kinds()[Number(id)])}
                unit="MiB"
                stacked
                series={series(id)}
                xMax={props.model.xMax()}
                zoom={props.model.zoom()}
                testid={`node-memory-${id}`}
              />
            )}
          </For>
        </div>
      </Show>
    </section>
  );
}
