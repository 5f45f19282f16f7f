// The run's headline charts: free memory per node, demotion and promotion, hint faults, fast-tier
// share, reclaim, and faults, redrawn as samples arrive.
import { For } from 'solid-js';
import { nodeColour } from '../charts/chart-theme.ts';
import type { Series } from '../charts/series-types.ts';
import { TimeChart } from '../charts/time-chart.tsx';
import type { RunViewModel } from './run-context.ts';
import { counterPoints, counterUnit, fastTierShare, nodeLabel, toPoints } from './series.ts';

const PANELS: { id: string; title: string; counters: string[]; dashed?: string[] }[] = [
  {
    id: 'demotion-promotion',
    title: 'Demotion and promotion',
    counters: ['pgdemote_kswapd', 'pgdemote_direct', 'pgpromote_success', 'pgpromote_candidate'],
    dashed: ['pgpromote_candidate'],
  },
  {
    id: 'hint-faults',
    title: 'NUMA hint faults',
    counters: ['numa_hint_faults', 'numa_hint_faults_local', 'numa_pages_migrated'],
  },
  {
    id: 'reclaim',
    title: 'Reclaim',
    counters: ['pgscan_kswapd', 'pgsteal_kswapd', 'pgscan_direct', 'pswpout'],
  },
  {
    id: 'faults',
    title: 'Faults and allocations',
    counters: ['pgfault', 'pgmajfault', 'pgalloc_normal', 'allocstall_normal'],
  },
];

export function RunCharts(props: { model: RunViewModel }) {
  const data = () => {
    props.model.samples.version();
    return props.model.samples.data;
  };
  const counterSeries = (names: string[], dashed: string[] = []): Series[] =>
    names.map((name) => ({
      label: name,
      points: counterPoints(name, data().timesMs, data().counters[name] ?? [], props.model.mode()),
      dashed: dashed.includes(name),
    }));
  const freePerNode = (): Series[] => {
    const d = data();
    const mib = props.model.pageSize() / 1048576;
    // Each line is a node, so it takes the node's colour; dashed, as free memory is everywhere.
    return Object.entries(d.nodes).map(([id, cols]) => ({
      label: nodeLabel(Number(id), props.model.kinds()[Number(id)]),
      points: toPoints(d.nodeTimesMs, cols.nr_free_pages ?? [], mib),
      color: nodeColour(Number(id)),
      dashed: true,
    }));
  };
  const share = (): Series[] => {
    const d = data();
    const anon = Object.fromEntries(
      Object.entries(d.nodes).map(([id, cols]) => [id, cols.nr_anon_pages ?? []]),
    );
    return [
      { label: 'anon on top-tier nodes', points: fastTierShare(d.nodeTimesMs, anon, props.model.topTier()) },
    ];
  };
  return (
    <div class="chart-grid">
      <TimeChart
        title="Free memory per node"
        unit="MiB"
        series={freePerNode()}
        xMax={props.model.xMax()}
        zoom={props.model.zoom()}
        testid="free-per-node"
      />
      <TimeChart
        title="Fast-tier share"
        unit="% of anon pages"
        series={share()}
        xMax={props.model.xMax()}
        zoom={props.model.zoom()}
        testid="fast-tier-share"
        empty="No anonymous memory yet."
      />
      <For each={PANELS}>
        {(p) => (
          <TimeChart
            title={p.title}
            unit={counterUnit(p.counters, props.model.mode())}
            series={counterSeries(p.counters, p.dashed)}
            xMax={props.model.xMax()}
            zoom={props.model.zoom()}
            testid={p.id}
          />
        )}
      </For>
    </div>
  );
}
