// Picking what to compare: whole groups (every repeat of a scenario) or single runs.
import { createEffect, For, Show } from 'solid-js';
import { useRuns } from '../runs/runs-context.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { groupRuns, type RunGroup } from './run-groups.ts';

export function RunPicker(props: { picked: number[]; onChange: (ids: number[]) => void }) {
  const runs = useRuns();
  const groups = () => groupRuns(runs.runs.filter((r) => !runs.hidden().has(r.id)));
  const has = (id: number) => props.picked.includes(id);
  const pickedIn = (g: RunGroup) => g.runs.filter((r) => has(r.id)).length;
  const setGroup = (g: RunGroup, on: boolean) => {
    const ids = new Set(g.runs.map((r) => r.id));
    const rest = props.picked.filter((id) => !ids.has(id));
    props.onChange(on ? [...rest, ...ids] : rest);
  };
  const setRun = (id: number, on: boolean) =>
    props.onChange(on ? [...props.picked, id] : props.picked.filter((p) => p !== id));
  return (
    <Show
      when={groups().length > 0}
      fallback={
        <EmptyState title="No finished runs to compare" testid="compare-empty">
          Run a scenario on Scenarios & runs (with a few repeats, so the statistics mean something), then pick
          its runs here.
        </EmptyState>
      }
    >
      <div class="run-picker" data-testid="run-picker">
        <For each={groups()}>
          {(g) => {
            let box: HTMLInputElement | undefined;
            createEffect(() => {
              if (box) box.indeterminate = pickedIn(g) > 0 && pickedIn(g) < g.runs.length;
            });
            return (
              <div class="picker-group" data-testid="compare-group">
                <label class="picker-group-head">
                  <input
                    type="checkbox"
                    checked={pickedIn(g) === g.runs.length}
                    ref={box}
                    data-testid="compare-group-select"
                    onChange={(e) => setGroup(g, e.currentTarget.checked)}
                  />
                  <strong>{g.name}</strong>
                  <span class="muted small">
                    {g.runs.length} run{g.runs.length === 1 ? '' : 's'}
                  </span>
                </label>
                <div class="picker-runs">
                  <For each={g.runs}>
                    {(r) => (
                      <label
                        class="picker-run"
                        title={`run ${r.id}, seed ${r.seed}${r.tags.length ? `, tags ${r.tags.join(', ')}` : ''}`}
                      >
                        <input
                          type="checkbox"
                          checked={has(r.id)}
                          data-testid={`compare-run-${r.id}`}
                          onChange={(e) => setRun(r.id, e.currentTarget.checked)}
                        />
                        #{r.id} <span class="muted">seed {r.seed}</span>
                      </label>
                    )}
                  </For>
                </div>
              </div>
            );
          }}
        </For>
      </div>
    </Show>
  );
}
