// Saved scenarios: open one in the editor, run it, export it, or delete it (with Undo: the deleted
// scenario comes back under a new id).
import { createResource, createEffect, For, on, Show } from 'solid-js';
import type { ScenarioInfo } from '../../shared/api/types.ts';
import { useApi } from '../api/api-context.tsx';
import { saveTextFile } from '../export/save-text-file.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { useToast } from '../toast/toast-context.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { useScenarioActions } from './scenario-actions.ts';
import { scenarioFilename, scenarioFileText } from './scenario-file.ts';

const when = (t: number) => new Date(t).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

export function ScenarioList() {
  const { client } = useApi();
  const toast = useToast();
  const draft = useScenarioDraft();
  const actions = useScenarioActions();
  const [list, { refetch }] = createResource(() =>
    client.call('scenario:list', {}).catch(() => [] as ScenarioInfo[]),
  );
  createEffect(
    on(
      () => [draft.meta.scenarioId, draft.meta.savedJson],
      () => void refetch(),
      { defer: true },
    ),
  );
  const remove = async (s: ScenarioInfo) => {
    const deleted = await client.call('scenario:delete', { id: s.id });
    const wasOpen = draft.meta.scenarioId === s.id;
    if (wasOpen) draft.load(draft.document(), null);
    void refetch();
    toast.show({
      message: `Deleted scenario “${s.name}”.`,
      timeoutMs: 8000,
      action: {
        label: 'Undo',
        run: () =>
          void toast.guard(async () => {
            const res = await client.call('scenario:save', { document: deleted.document });
            if (res.ok && wasOpen) draft.load(deleted.document, res.value.id);
            void refetch();
          }),
      },
    });
  };
  const run = (s: ScenarioInfo) =>
    void toast.guard(async () => {
      const { runIds } = await client.call('run:start', { scenarioId: s.id });
      toast.show({ message: `Queued run ${runIds.join(', ')} of “${s.name}”.` });
    });
  return (
    <section class="panel" data-testid="scenario-list">
      <header class="panel-header">
        <h2>Saved scenarios</h2>
      </header>
      <Show
        when={(list() ?? []).length > 0}
        fallback={
          <EmptyState title="Nothing saved yet" testid="scenarios-empty">
            Save the scenario you are composing, or import a .tierlab.json file; saved scenarios can be run
            again and compared.
          </EmptyState>
        }
      >
        <table class="data-table">
          <tbody>
            <For each={list()}>
              {(s) => (
                <tr
                  data-testid="scenario-row"
                  data-scenario-id={s.id}
                  class={draft.meta.scenarioId === s.id ? 'selected' : ''}
                >
                  <td class="num muted">{s.id}</td>
                  <td>
                    {s.name}
                    <div class="muted small">{when(s.updatedAt)}</div>
                  </td>
                  <td class="actions">
                    <button
                      type="button"
                      class="icon-button"
                      data-testid="scenario-open"
                      onClick={() =>
                        actions.replace(s.document, s.id, `Opened scenario ${s.id} “${s.name}”.`)
                      }
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      class="icon-button"
                      data-testid="scenario-run-saved"
                      onClick={() => run(s)}
                    >
                      Run
                    </button>
                    <button
                      type="button"
                      class="icon-button"
                      onClick={() =>
                        void saveTextFile(
                          scenarioFilename(s.name),
                          scenarioFileText(s.document),
                          'application/json',
                        )
                      }
                    >
                      Export
                    </button>
                    <button
                      type="button"
                      class="icon-button danger"
                      data-testid="scenario-delete"
                      onClick={() => void toast.guard(() => remove(s))}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
