// Any counters of the run on one chart, picked from its kernel's vmstat list, machine-wide or of one
// node (a 6.1 run has no per-node pgdemote_*); the pick and the node live in the address.
import { createEffect } from 'solid-js';
import { counterLabel, recordedCounters } from '../../shared/vmstat.ts';
import { NodeChoice } from '../charts/node-choice.tsx';
import type { Series } from '../charts/series-types.ts';
import { TimeChart } from '../charts/time-chart.tsx';
import { useRouter } from '../router/router-context.tsx';
import { CounterPicker } from './counter-picker.tsx';
import type { RunViewModel } from './run-context.ts';
import { counterPoints, counterUnit, nodeLabel, parseNodeId } from './series.ts';

const DEFAULT_PICK = ['pgdemote_kswapd', 'pgpromote_success'];

export function CounterExplorer(props: { model: RunViewModel }) {
  const router = useRouter();
  const picked = () => {
    const q = router.location().query.counters;
    return q === undefined ? DEFAULT_PICK : q.split(',').filter(Boolean);
  };
  const node = () => parseNodeId(router.location().query.node);
  const nodes = () => {
    props.model.samples.version();
    return Object.keys(props.model.samples.data.nodes).map((id) => ({
      id: Number(id),
      label: nodeLabel(Number(id), props.model.kinds()[Number(id)]),
    }));
  };
  createEffect(() => {
    if (node() !== null) props.model.samples.needNodeCounters(picked());
  });
  const series = (): Series[] => {
    props.model.samples.version();
    const d = props.model.samples.data;
    const n = node();
    const columns = n === null ? d.counters : (d.nodes[String(n)] ?? {});
    const timesMs = n === null ? d.timesMs : d.nodeTimesMs;
    return picked().map((name) => ({
      label: counterLabel(name),
      points: counterPoints(name, timesMs, columns[name] ?? [], props.model.mode()),
    }));
  };
  const title = () => {
    const n = node();
    const names = picked().map(counterLabel).join(', ') || 'no counter picked';
    return n === null ? names : `${names} on ${nodeLabel(n, props.model.kinds()[n])}`;
  };
  const empty = () => {
    const n = node();
    if (picked().length === 0) return 'Pick counters on the left.';
    if (n !== null && nodes().length > 0 && !nodes().some((x) => x.id === n))
      return `This run has no node${n}.`;
    return 'Reading the samples…';
  };
  const scope = () => {
    const n = node();
    return n === null
      ? 'machine-wide, as /proc/vmstat'
      : `node${n} only, as /sys/devices/system/node/node${n}/vmstat`;
  };
  return (
    <section class="panel explorer">
      <header class="panel-header">
        <h2>Any counter</h2>
        <NodeChoice
          nodes={nodes()}
          value={node()}
          onChange={(id) => router.setQuery({ node: id === null ? undefined : String(id) })}
          testid="explorer-node"
        />
        <span class="muted small">{scope()}; gauges (nr_*) are drawn as they are</span>
      </header>
      <div class="explorer-body">
        <CounterPicker
          names={recordedCounters(props.model.kernel(), node() === null ? 'machine' : 'node')}
          picked={picked()}
          onChange={(p) => router.setQuery({ counters: p.join(',') })}
        />
        <TimeChart
          title={title()}
          unit={counterUnit(picked(), props.model.mode())}
          series={series()}
          xMax={props.model.xMax()}
          zoom={props.model.zoom()}
          testid="picked-counters"
          empty={empty()}
        />
      </div>
    </section>
  );
}
