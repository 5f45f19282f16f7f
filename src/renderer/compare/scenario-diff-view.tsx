// What differs between the compared groups' scenarios: every setting by its dotted path, one column
// per group (its first run's scenario as it ran, with every knob's value and the engine in effect).
import { createSignal, For, Show } from 'solid-js';
import type { Comparison } from '../../shared/api/types.ts';
import { useApi } from '../api/api-context.tsx';
import { createCall } from '../primitives/create-call.ts';
import { getPreset, presetKnobs } from '../../shared/scenario/index.ts';
import { documentKernel } from '../../shared/scenario/run-kernel.ts';
import { diffScenarios, withEffectiveKnobs, withEngineThatRan } from './scenario-diff.ts';

export function ScenarioDiffView(props: { groups: Comparison['groups'] }) {
  const { client } = useApi();
  const [all, setAll] = createSignal(false);
  const docs = createCall(
    () => props.groups.map((g) => g.runIds[0]).filter((id): id is number => id !== undefined),
    (ids) =>
      Promise.all(
        ids.map(async (runId) => {
          const { scenario, result } = await client.call('run:get', { runId });
          return withEngineThatRan(scenario, result?.engine);
        }),
      ),
  );
  const effective = (doc: unknown) =>
    withEffectiveKnobs(doc, (name) => {
      const p = getPreset(name);
      return p ? { ...presetKnobs(p, documentKernel(doc)) } : undefined;
    });
  // The seed differs between repeats by design; within a comparison it is noise.
  const rows = () =>
    diffScenarios((docs.value() ?? []).map(effective)).filter(
      (r) => r.path !== 'run.seed' && (all() || r.differs),
    );
  return (
    <section class="panel" data-testid="scenario-diff">
      <header class="panel-header">
        <h2>Scenario settings</h2>
        <label class="inline-check">
          <input type="checkbox" checked={all()} onChange={(e) => setAll(e.currentTarget.checked)} /> show
          equal settings too
        </label>
      </header>
      <Show
        when={props.groups.length > 1}
        fallback={<p class="muted">Pick runs of at least two scenarios to see what differs between them.</p>}
      >
        <Show
          when={rows().length > 0}
          fallback={<p class="muted">The scenarios are the same apart from the seed.</p>}
        >
          <table class="data-table diff-table">
            <thead>
              <tr>
                <th>setting</th>
                <For each={props.groups}>{(g) => <th>{g.label}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => (
                  <tr class={row.differs ? 'differs' : ''} data-testid={row.differs ? 'diff-row' : undefined}>
                    <td>
                      <code>{row.path}</code>
                    </td>
                    <For each={row.values}>
                      {(v) => <td class="mono">{v ?? <span class="muted">absent</span>}</td>}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Show>
    </section>
  );
}
