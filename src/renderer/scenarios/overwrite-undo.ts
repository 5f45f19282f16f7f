// The toast after a save that replaced a stored scenario, with an Undo that writes the replaced
// version back into the database. The editor keeps the new text, now marked unsaved, so "Save as
// new" can still keep both versions.
import type { ScenarioInfo } from '../../shared/api/types.ts';
import { useApi } from '../api/api-context.tsx';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { useToast } from '../toast/toast-context.tsx';

const UNDO_TIMEOUT_MS = 12_000;

export interface Overwrite {
  stored: ScenarioInfo;
  replaced: ScenarioInfo;
}

/** Shows "Saved over scenario N" with Undo; returns the toast's id. */
export function useOverwriteToast(): (o: Overwrite) => number {
  const { client } = useApi();
  const draft = useScenarioDraft();
  const toast = useToast();
  const undo = async ({ stored, replaced }: Overwrite) => {
    // Only the version this save wrote is put back: a later save (another window, the CLI) stays.
    const now = await client.call('scenario:get', { id: stored.id });
    if (now.hash !== stored.hash) {
      toast.show({ kind: 'error', message: `Scenario ${stored.id} has been saved again since; not undone.` });
      return;
    }
    const res = await client.call('scenario:save', { id: stored.id, document: replaced.document });
    if (!res.ok) {
      const why = res.errors[0] ? `${res.errors[0].path}: ${res.errors[0].message}` : 'it is not valid';
      toast.show({ kind: 'error', message: `The earlier version could not be stored again (${why}).` });
      return;
    }
    draft.storedAs(stored.id, replaced.document);
    toast.show({
      message:
        `Scenario ${stored.id} is “${replaced.name}” again, as stored before. ` +
        'Your edits stay in the editor, unsaved: “Save as new…” keeps them too.',
      timeoutMs: 8000,
    });
  };
  return (o) =>
    toast.show({
      kind: 'success',
      message: `Saved over scenario ${o.stored.id} “${o.stored.name}” (was “${o.replaced.name}”).`,
      timeoutMs: UNDO_TIMEOUT_MS,
      action: { label: 'Undo', run: () => void toast.guard(() => undo(o)) },
    });
}
