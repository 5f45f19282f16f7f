// Compare: pick runs or whole groups of repeats; the mmtests-style statistics table against a
// baseline group, one counter of every run over a shared time axis, and what differs in the scenarios.
import { For, Show } from 'solid-js';
import { useApi } from '../api/api-context.tsx';
import { createCall } from '../primitives/create-call.ts';
import { ExportButtons } from '../export/export-buttons.tsx';
import { useRouter } from '../router/router-context.tsx';
import { parseNodeId, type CounterMode } from '../run-view/series.ts';
import { useRuns } from '../runs/runs-context.tsx';
import { ComparisonTable } from './comparison-table.tsx';
import { OverlayChart } from './overlay-chart.tsx';
import { parseRunIds } from './run-groups.ts';
import { RunPicker } from './run-picker.tsx';
import { ScenarioDiffView } from './scenario-diff-view.tsx';

export function ComparePage() {
  const { client } = useApi();
  const router = useRouter();
  const runs = useRuns();
  const query = () => router.location().query;
  const picked = () => parseRunIds(query().runs);
  // The baseline is the group of the first run picked; "make baseline" moves a group's runs to the front.
  const includePartial = () => query().partial === '1';
  const makeBaseline = (i: number) => {
    const first = comparison()?.groups[i]?.runIds ?? [];
    const rest = picked().filter((id) => !first.includes(id));
    router.setQuery({ runs: [...first, ...rest].join(',') });
  };
  const counter = () => query().counter ?? 'pgdemote_kswapd';
  const stats = () => (query().stats === 'all' ? 'all' : 'mean');
  const mode = (): CounterMode => (query().mode === 'cumulative' ? 'cumulative' : 'rate');
  const call = createCall(
    () =>
      picked().length > 0 && runs.loaded()
        ? { runIds: picked(), includePartial: includePartial() }
        : undefined,
    (req) => client.call('compare:runs', req),
  );
  const comparison = call.value;
  return (
    <div class="page" data-testid="page-compare">
      <header class="page-header">
        <h1>Compare</h1>
        <p class="muted">
          Runs of the same scenario form a group (repeats with other seeds). Each group is summarised as
          compare-mmtests does: % against the baseline, positive is better, and a mean in *asterisks* differs
          significantly (the 95% confidence intervals do not overlap).
        </p>
      </header>
      <section class="panel">
        <header class="panel-header">
          <h2>Runs</h2>
          <span class="muted small">{picked().length} picked</span>
          <button
            type="button"
            class="link small"
            disabled={picked().length === 0}
            onClick={() => router.setQuery({ runs: undefined })}
          >
            clear
          </button>
        </header>
        <RunPicker picked={picked()} onChange={(ids) => router.setQuery({ runs: ids.join(',') })} />
      </section>
      <Show when={picked().length > 0}>
        <section class="panel">
          <header class="panel-header">
            <h2>Statistics</h2>
            <span class="segmented" role="group" aria-label="Statistics shown">
              <button
                type="button"
                aria-pressed={stats() === 'mean'}
                data-testid="compare-stats-mean"
                onClick={() => router.setQuery({ stats: undefined })}
              >
                means
              </button>
              <button
                type="button"
                aria-pressed={stats() === 'all'}
                data-testid="compare-stats-all"
                onClick={() => router.setQuery({ stats: 'all' })}
              >
                min, mean, stddev, max
              </button>
            </span>
            <label class="small" title="Cancelled, failed and interrupted runs, each in a group of its own">
              <input
                type="checkbox"
                data-testid="compare-include-partial"
                checked={includePartial()}
                onChange={(e) => router.setQuery({ partial: e.currentTarget.checked ? '1' : undefined })}
              />{' '}
              include partial runs
            </label>
            <ExportButtons
              runIds={picked()}
              baseline={0}
              includePartial={includePartial()}
              kinds={['comparison', 'samples', 'results']}
            />
          </header>
          <Show when={call.error()}>
            <p class="error-text" data-testid="compare-error">
              {call.error()}
            </p>
          </Show>
          <Show when={comparison()?.notes.length}>
            <ul class="error-text small" data-testid="compare-notes">
              <For each={comparison()?.notes}>{(note) => <li>{note}</li>}</For>
            </ul>
          </Show>
          <Show when={comparison()?.excluded.length}>
            <p class="muted small" data-testid="compare-excluded">
              Left out (not finished):{' '}
              {comparison()
                ?.excluded.map((e) => `run ${e.runId} ${e.status}`)
                .join(', ')}
              . Tick "include partial runs" to compare them.
            </p>
          </Show>
          <Show when={comparison()} fallback={<p class="muted">Comparing…</p>}>
            {(c) => <ComparisonTable comparison={c()} stats={stats()} onBaseline={makeBaseline} />}
          </Show>
        </section>
        <OverlayChart
          runIds={picked()}
          groupOf={(id) => {
            const i = comparison()?.groups.findIndex((g) => g.runIds.includes(id));
            return i === undefined || i < 0 ? undefined : i;
          }}
          counter={counter()}
          mode={mode()}
          node={parseNodeId(query().node)}
          onCounter={(name) => router.setQuery({ counter: name })}
          onMode={(m) => router.setQuery({ mode: m === 'rate' ? undefined : m })}
          onNode={(n) => router.setQuery({ node: n === null ? undefined : String(n) })}
        />
        <ScenarioDiffView groups={comparison()?.groups ?? []} />
      </Show>
    </div>
  );
}
