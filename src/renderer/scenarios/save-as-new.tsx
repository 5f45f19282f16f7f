// "Save as new…": the name for the copy (the scenario's own, numbered), then save it, or save and
// run it. The scenario being edited stays as it is stored; the editor goes on with the copy.
import { createEffect, createResource, createSignal, on } from 'solid-js';
import { useApi } from '../api/api-context.tsx';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { copyName } from './copy-name.ts';
import { useScenarioActions } from './scenario-actions.ts';

export function SaveAsNew(props: { repeat: number; onClose: () => void }) {
  const { client } = useApi();
  const draft = useScenarioDraft();
  const actions = useScenarioActions();
  const [saved] = createResource(() =>
    client
      .call('scenario:list', {})
      .then((list) => list.map((s) => s.name))
      .catch(() => [] as string[]),
  );
  // The offered name skips names already saved, until the user types their own.
  const [typed, setTyped] = createSignal<string | null>(null);
  const name = () => typed() ?? copyName(draft.draft.name, saved.latest ?? []);
  let input: HTMLInputElement | undefined;
  createEffect(on(name, () => typed() === null && input?.select()));
  const submit = async (run: boolean) => {
    // Saving renames the draft, which would change the offer under the user's eyes.
    const chosen = name();
    setTyped(chosen);
    const id = run ? await actions.saveAndRun(props.repeat, chosen) : await actions.saveAsNew(chosen);
    if (id !== undefined) props.onClose();
  };
  return (
    <div class="save-as-new" data-testid="save-as-new" role="group" aria-label="Save as a new scenario">
      <label class="field">
        <span class="field-label">Name of the new scenario</span>
        <input
          ref={input}
          value={name()}
          data-testid="save-as-new-name"
          onInput={(e) => setTyped(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Enter would submit the composer's form, which saves over the scenario: save the copy.
            if (e.key === 'Enter') {
              e.preventDefault();
              void submit(false);
            }
            if (e.key === 'Escape') props.onClose();
          }}
        />
      </label>
      <div class="button-row">
        <button
          type="button"
          class="primary"
          data-testid="save-as-new-confirm"
          onClick={() => void submit(false)}
        >
          Save as new
        </button>
        <button type="button" data-testid="save-as-new-run" onClick={() => void submit(true)}>
          Save as new & run
        </button>
        <button type="button" data-testid="save-as-new-cancel" onClick={() => props.onClose()}>
          Cancel
        </button>
      </div>
    </div>
  );
}
