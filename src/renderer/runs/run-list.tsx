// The run list: filter by status, tag or name; select runs to compare or export.
import { createMemo, createSignal, For, Show } from 'solid-js';
import { RUN_STATUSES, type RunStatus } from '../../shared/api/types.ts';
import { ExportButtons } from '../export/export-buttons.tsx';
import { useRouter } from '../router/router-context.tsx';
import { createShortcut } from '../shortcuts/shortcuts-context.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { allTags, filterRuns, type RunFilter } from './run-filter.ts';
import { RunRow } from './run-row.tsx';
import { useRuns } from './runs-context.tsx';

export function RunList() {
  const runs = useRuns();
  const router = useRouter();
  const [filter, setFilter] = createSignal<RunFilter>({ status: '', tag: '', text: '' });
  const [selected, setSelected] = createSignal<ReadonlySet<number>>(new Set());
  const visible = createMemo(() => filterRuns(runs.runs, filter(), runs.hidden()));
  // In the order they were ticked: Compare takes the first picked run's group as its baseline.
  const picked = () => {
    const order = [...selected()];
    return visible()
      .filter((r) => selected().has(r.id))
      .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  };
  const done = () => picked().filter((r) => r.status === 'done' || r.status === 'cancelled');
  const patch = (p: Partial<RunFilter>) => setFilter((f) => ({ ...f, ...p }));
  const select = (id: number, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  let search: HTMLInputElement | undefined;
  createShortcut('/', 'Search the run list', () => search?.focus());
  return (
    <section class="panel" data-testid="run-list">
      <header class="panel-header">
        <h2>Runs</h2>
        <select
          value={filter().status}
          data-testid="run-filter-status"
          aria-label="status"
          onChange={(e) => patch({ status: e.currentTarget.value as RunStatus | '' })}
        >
          <option value="">every status</option>
          <For each={RUN_STATUSES}>{(s) => <option value={s}>{s}</option>}</For>
        </select>
        <select
          value={filter().tag}
          data-testid="run-filter-tag"
          aria-label="tag"
          onChange={(e) => patch({ tag: e.currentTarget.value })}
        >
          <option value="">any tag</option>
          <For each={allTags(runs.runs)}>{(t) => <option value={t}>{t}</option>}</For>
        </select>
        <input
          ref={search}
          type="search"
          placeholder="name, id or “seed 3”   /"
          value={filter().text}
          data-testid="run-filter-text"
          onInput={(e) => patch({ text: e.currentTarget.value })}
          onKeyDown={(e) => e.key === 'Escape' && patch({ text: '' })}
        />
      </header>
      <Show
        when={visible().length > 0}
        fallback={
          <EmptyState
            title={runs.runs.length ? 'No run matches the filter' : 'No runs yet'}
            testid="runs-empty"
          >
            {runs.runs.length
              ? 'Clear the status, tag or text filter to see every run.'
              : 'Compose a scenario above and press “Save & run”; its runs appear here with a live progress bar.'}
          </EmptyState>
        }
      >
        <table class="data-table run-table">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label="select every run shown"
                  checked={picked().length > 0 && picked().length === visible().length}
                  onChange={(e) =>
                    setSelected(
                      e.currentTarget.checked ? new Set(visible().map((r) => r.id)) : new Set<number>(),
                    )
                  }
                />
              </th>
              <th class="num">run</th>
              <th>scenario</th>
              <th class="num">seed</th>
              <th>engine</th>
              <th>progress</th>
              <th class="num">simulated</th>
              <th class="num">wall</th>
              <th class="num">speed</th>
              <th>tags</th>
              <th />
            </tr>
          </thead>
          <tbody>
            <For each={visible()}>
              {(r) => <RunRow run={r} selected={selected().has(r.id)} onSelect={(on) => select(r.id, on)} />}
            </For>
          </tbody>
        </table>
      </Show>
      <footer class="button-row list-footer">
        <span class="muted small">{picked().length} selected</span>
        <button
          type="button"
          data-testid="compare-selected"
          disabled={done().length < 1}
          onClick={() =>
            router.navigate(
              { page: 'compare' },
              {
                runs: done()
                  .map((r) => r.id)
                  .join(','),
              },
            )
          }
        >
          Compare selected
        </button>
        <ExportButtons runIds={done().map((r) => r.id)} kinds={['samples', 'results']} />
      </footer>
    </section>
  );
}
