// Per-task results at the end of a run: throughput, latency and fast-tier hit ratio, and where each
// task's pages ended up.
import { For, Show } from 'solid-js';
import type { RunResult } from '../../shared/result.ts';
import { BarChart } from '../charts/bar-chart.tsx';
import { nodeColour } from '../charts/chart-theme.ts';
import { formatCount, formatMs, pagesToMiB, trim } from '../units/quantity.ts';
import { nodeLabel } from './series.ts';

const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;

export function TaskResults(props: { result: RunResult; pageSize: number; kinds: string[] }) {
  const nodeIds = () => props.result.nodes.map((n) => n.id);
  const residency = () =>
    nodeIds().map((id) => ({
      label: nodeLabel(id, props.kinds[id]),
      color: nodeColour(id),
      values: props.result.tasks.map((t) => pagesToMiB(t.residentPages[String(id)] ?? 0, props.pageSize)),
    }));
  return (
    <div class="grid-2">
      <section class="panel">
        <header class="panel-header">
          <h2>Throughput and latency per task</h2>
        </header>
        <table class="data-table" data-testid="task-table">
          <thead>
            <tr>
              <th>task</th>
              <th class="num">threads</th>
              <th class="num">references</th>
              <th class="num" title="references per second of the task's run time">
                refs/s
              </th>
              <th class="num" title="time per reference, faults and stalls included">
                mean latency
              </th>
              <th
                class="num"
                title="share of the task's references served by a top-tier node; for a trace, exact LRU and Belady's MIN (the best any placement can do) at the same top-tier capacity"
              >
                fast-tier
                <br />
                hits
              </th>
              <th class="num">ran</th>
              <th>state</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.result.tasks}>
              {(t, i) => (
                <tr>
                  <td>
                    <code>{t.name}</code> <span class="muted small">{t.type}</span>
                  </td>
                  <td class="num">{t.threads}</td>
                  <td class="num">{formatCount(t.references)}</td>
                  <td class="num">{formatCount(t.throughput)}</td>
                  <td class="num">{trim(t.meanLatencyNs, 1)} ns</td>
                  <td class="num" data-testid={`task-hit-ratio-${i()}`}>
                    {percent(t.fastTierHitRatio)}
                    <Show when={t.trace}>
                      {(trace) => (
                        <div class="muted small">
                          <div>LRU {percent(trace().lruFastTierHitRatio)}</div>
                          <div>MIN {percent(trace().optimalFastTierHitRatio)}</div>
                        </div>
                      )}
                    </Show>
                  </td>
                  <td class="num">{formatMs(t.runMs)}</td>
                  <td class={t.oomKilled ? 'error-text' : ''}>
                    {t.oomKilled ? 'OOM-killed' : t.finished ? 'finished' : 'running at end'}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
      <Show when={props.result.tasks.length > 0}>
        <BarChart
          title="Resident memory per task and node, at the end"
          unit="MiB"
          categories={props.result.tasks.map((t) => t.name)}
          stacks={residency()}
          testid="residency"
        />
      </Show>
    </div>
  );
}
