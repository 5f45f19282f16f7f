// Each node's memory bandwidth (read solid, write dashed, GB/s between samples) and its loaded read
// latency over time: the mem_read_bytes, mem_write_bytes and mem_read_latency_ns columns per node.
import { Show } from 'solid-js';
import { nodeColour, tint } from '../charts/chart-theme.ts';
import type { Series } from '../charts/series-types.ts';
import { TimeChart } from '../charts/time-chart.tsx';
import type { RunViewModel } from './run-context.ts';
import { nodeBandwidthSeries, nodeLabel, toPoints } from './series.ts';

export function NodeBandwidthCharts(props: { model: RunViewModel }) {
  const data = () => {
    props.model.samples.version();
    return props.model.samples.data;
  };
  const ids = () => Object.keys(data().nodes).map(Number);
  const label = (id: number) => nodeLabel(id, props.model.kinds()[id]);
  const bandwidth = (): Series[] =>
    ids().flatMap((id) => {
      const { read, write } = nodeBandwidthSeries(data().nodeTimesMs, data().nodes[id] ?? {});
      return [
        { label: `${label(id)} read`, points: read, color: nodeColour(id) },
        { label: `${label(id)} write`, points: write, color: tint(nodeColour(id), 0.45), dashed: true },
      ];
    });
  const latency = (): Series[] =>
    ids().map((id) => ({
      label: label(id),
      points: toPoints(data().nodeTimesMs, data().nodes[id]?.mem_read_latency_ns ?? []),
      color: nodeColour(id),
    }));
  return (
    <section class="panel">
      <header class="panel-header">
        <h2>Bandwidth and loaded latency per node</h2>
        <span class="muted small">
          mem_read_bytes and mem_write_bytes as GB/s, and mem_read_latency_ns (derived: from each node's
          loaded-latency curve)
        </span>
      </header>
      <Show when={ids().length > 0} fallback={<p class="muted">No per-node samples yet.</p>}>
        <div class="chart-grid">
          <TimeChart
            title="Memory bandwidth per node"
            unit="GB/s"
            series={bandwidth()}
            xMax={props.model.xMax()}
            zoom={props.model.zoom()}
            testid="node-bandwidth"
          />
          <TimeChart
            title="Loaded read latency per node"
            unit="ns"
            series={latency()}
            xMax={props.model.xMax()}
            zoom={props.model.zoom()}
            testid="node-latency"
          />
        </div>
      </Show>
    </section>
  );
}
