// Per memory cgroup at the run's end, as a cgroup's files show it: memory.current against max and
// high, memory.numa_stat (anon and file on each node), memory.stat's reclaim, demotion and
// promotion counts, and memory.events. A CSV button saves every sample's row (export:cgroups).
import { For, Show } from 'solid-js';
import type { RunResult } from '../../shared/result.ts';
import type { CgroupStat } from '../../shared/memcg-stat.ts';
import { useApi } from '../api/api-context.tsx';
import { CsvFileButton } from '../export/csv-file-button.tsx';
import { trim } from '../units/quantity.ts';

const mib = (bytes: number) => trim(bytes / 1048576, 1);
const limit = (bytes: number | null) => (bytes === null ? 'max' : `${mib(bytes)} MiB`);

/** memory.stat's pgscan, pgsteal and pgdemote over kswapd, direct and proactive reclaim. */
function reclaimed(c: CgroupStat) {
  const s = c.stat;
  return {
    pgscan: s.pgscan_kswapd + s.pgscan_direct + s.pgscan_proactive,
    pgsteal: s.pgsteal_kswapd + s.pgsteal_direct + s.pgsteal_proactive,
    pgdemote: s.pgdemote_kswapd + s.pgdemote_direct + s.pgdemote_proactive,
  };
}

function CgroupsCsvButton(props: { runId: number }) {
  const { client } = useApi();
  return (
    <CsvFileButton
      file={() => client.call('export:cgroups', { runIds: [props.runId] })}
      title="One row per sample and cgroup: memory.current, memory.stat, memory.events, memory.numa_stat"
      testId="cgroups-csv"
    />
  );
}

export function CgroupsPanel(props: { runId: number; result: RunResult }) {
  const cgroups = () => props.result.cgroups ?? [];
  const nodes = () => props.result.nodes.map((n) => n.id);
  return (
    <Show when={cgroups().length > 0}>
      <section class="panel" data-testid="cgroups">
        <header class="panel-header">
          <h2>Memory cgroups</h2>
          <span class="muted small">
            at the end of the run, as memory.current, memory.stat and memory.events
          </span>
          <CgroupsCsvButton runId={props.runId} />
        </header>
        <table class="data-table">
          <thead>
            <tr>
              <th>cgroup</th>
              <th class="num">current</th>
              <th class="num">max</th>
              <th class="num">high</th>
              <For each={nodes()}>{(id) => <th class="num">node {id} anon / file</th>}</For>
              <th class="num">pgscan</th>
              <th class="num">pgsteal</th>
              <th class="num">pgdemote</th>
              <th class="num">pgpromote_success</th>
              <th>memory.events</th>
            </tr>
          </thead>
          <tbody>
            <For each={cgroups()}>
              {(c) => (
                <tr data-testid="cgroup-row">
                  <td>{c.name}</td>
                  <td class="num">{mib(c.current)} MiB</td>
                  <td class="num">{limit(c.max)}</td>
                  <td class="num">{limit(c.high)}</td>
                  <For each={nodes()}>
                    {(_, i) => (
                      <td class="num">
                        {mib(c.numaStat.anon[i()] ?? 0)} / {mib(c.numaStat.file[i()] ?? 0)} MiB
                      </td>
                    )}
                  </For>
                  <td class="num">{reclaimed(c).pgscan.toLocaleString()}</td>
                  <td class="num">{reclaimed(c).pgsteal.toLocaleString()}</td>
                  <td class="num">{reclaimed(c).pgdemote.toLocaleString()}</td>
                  <td class="num">{c.stat.pgpromote_success.toLocaleString()}</td>
                  <td class="small">
                    low {c.events.low}, high {c.events.high}, max {c.events.max}, oom {c.events.oom}, oom_kill{' '}
                    {c.events.oom_kill}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </Show>
  );
}
