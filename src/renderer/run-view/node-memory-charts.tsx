// Each node's memory as stacked areas: anon, file and free pages in MiB, from the per-node samples.
// Anon is drawn in the node's colour and file in a lighter shade of it; free is grey, as everywhere.
import { Show } from 'solid-js';
import { FREE_COLOUR, nodeColour, tint } from '../charts/chart-theme.ts';
import type { RunViewModel } from './run-context.ts';
import { NodeStackedCharts, type StackBand } from './node-stacked-charts.tsx';

const STACK: StackBand[] = [
  { counter: 'nr_anon_pages', label: 'anon', colour: nodeColour },
  { counter: 'nr_file_pages', label: 'file', colour: (node) => tint(nodeColour(node), 0.45) },
  { counter: 'nr_free_pages', label: 'free', colour: () => FREE_COLOUR, dashed: true },
];

export function NodeMemoryCharts(props: { model: RunViewModel }) {
  const hasNodes = () => {
    props.model.samples.version();
    return Object.keys(props.model.samples.data.nodes).length > 0;
  };
  return (
    <section class="panel">
      <header class="panel-header">
        <h2>Memory per node</h2>
        <span class="muted small">nr_anon_pages, nr_file_pages and nr_free_pages of each node, stacked</span>
      </header>
      <Show when={hasNodes()} fallback={<p class="muted">No per-node samples yet.</p>}>
        <NodeStackedCharts model={props.model} bands={STACK} testid="node-memory" />
      </Show>
    </section>
  );
}
