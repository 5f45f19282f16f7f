// One stacked time chart per NUMA node, in MiB from the per-node samples: the memory-per-node and
// the MGLRU-generation panels draw their bands through it.
import { For } from 'solid-js';
import type { Series } from '../charts/series-types.ts';
import { TimeChart } from '../charts/time-chart.tsx';
import type { RunViewModel } from './run-context.ts';
import { nodeLabel, thin, toPoints } from './series.ts';

/** One band of a node's stack: a per-node counter in pages, drawn in MiB. */
export interface StackBand {
  counter: string;
  label: string;
  colour: (node: number) => string;
  dashed?: boolean;
}

/** Stacked areas cannot be decimated (their x values must line up), so they are thinned evenly. */
const MAX_POINTS = 1500;

export function NodeStackedCharts(props: {
  model: RunViewModel;
  bands: readonly StackBand[];
  testid: string;
}) {
  const nodeIds = () => {
    props.model.samples.version();
    return Object.keys(props.model.samples.data.nodes);
  };
  const series = (id: string): Series[] => {
    props.model.samples.version();
    const d = props.model.samples.data;
    const mib = props.model.pageSize() / 1048576;
    return props.bands.map((s) => ({
      label: s.label,
      points: thin(toPoints(d.nodeTimesMs, d.nodes[id]?.[s.counter] ?? [], mib), MAX_POINTS),
      color: s.colour(Number(id)),
      dashed: s.dashed,
    }));
  };
  return (
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
            testid={`${props.testid}-${id}`}
          />
        )}
      </For>
    </div>
  );
}
