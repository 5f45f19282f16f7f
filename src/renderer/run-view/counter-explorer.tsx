// Any counters of the run on one chart, picked from the full vmstat list; the pick lives in the address.
import type { Series } from '../charts/series-types.ts';
import { TimeChart } from '../charts/time-chart.tsx';
import { useRouter } from '../router/router-context.tsx';
import { CounterPicker } from './counter-picker.tsx';
import type { RunViewModel } from './run-context.ts';
import { counterPoints, counterUnit } from './series.ts';

const DEFAULT_PICK = ['pgdemote_kswapd', 'pgpromote_success'];

export function CounterExplorer(props: { model: RunViewModel }) {
  const router = useRouter();
  const picked = () => {
    const q = router.location().query.counters;
    return q === undefined ? DEFAULT_PICK : q.split(',').filter(Boolean);
  };
  const series = (): Series[] => {
    props.model.samples.version();
    const d = props.model.samples.data;
    return picked().map((name) => ({
      label: name,
      points: counterPoints(name, d.timesMs, d.counters[name] ?? [], props.model.mode()),
    }));
  };
  return (
    <section class="panel explorer">
      <header class="panel-header">
        <h2>Any counter</h2>
        <span class="muted small">machine-wide, as /proc/vmstat; gauges (nr_*) are drawn as they are</span>
      </header>
      <div class="explorer-body">
        <CounterPicker picked={picked()} onChange={(p) => router.setQuery({ counters: p.join(',') })} />
        <TimeChart
          title={picked().join(', ') || 'no counter picked'}
          unit={counterUnit(picked(), props.model.mode())}
          series={series()}
          xMax={props.model.xMax()}
          testid="picked-counters"
          empty="Pick counters on the left."
        />
      </div>
    </section>
  );
}
