// What the user does with the draft as a whole: save it, save and run it, and move it in and out as a
// file. Shared by the composer's buttons and the keyboard shortcuts.
import { useApi } from '../api/api-context.tsx';
import { openTextFile, saveTextFile } from '../export/save-text-file.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { useToast } from '../toast/toast-context.tsx';
import { readScenarioText, scenarioFilename, scenarioFileText } from './scenario-file.ts';

export interface ScenarioActions {
  save(): Promise<number | undefined>;
  saveAndRun(repeat: number): Promise<number[] | undefined>;
  /** Asks `scenario:validate` now and says the verdict in a toast (the editor also checks as you type). */
  validate(): Promise<void>;
  exportFile(): Promise<void>;
  /** Asks for a scenario file and loads it into the editor (not saved). */
  importFile(): Promise<void>;
  /** Replaces the draft, offering Undo. */
  replace(document: unknown, scenarioId: number | null, message: string): void;
}

export function useScenarioActions(): ScenarioActions {
  const { client } = useApi();
  const draft = useScenarioDraft();
  const toast = useToast();
  const save = async () => {
    const stored = await toast.guard(() => draft.save());
    if (stored) {
      toast.show({ kind: 'success', message: `Saved scenario ${stored.id} “${stored.name}”.` });
      return stored.id;
    }
    const n = draft.errors().length;
    if (n > 0)
      toast.show({
        kind: 'error',
        message: `Not saved: the scenario has ${n} problem${n === 1 ? '' : 's'} (listed above the form).`,
      });
    return undefined;
  };
  const replace = (document: unknown, scenarioId: number | null, message: string) => {
    const before = draft.snapshot();
    draft.load(document, scenarioId);
    toast.show({ message, action: { label: 'Undo', run: () => draft.restore(before) }, timeoutMs: 8000 });
  };
  return {
    save,
    async validate() {
      const res = await toast.guard(() => client.call('scenario:validate', { document: draft.document() }));
      if (!res) return;
      const n = res.ok ? 0 : res.errors.length;
      toast.show(
        n === 0
          ? { kind: 'success', message: 'The scenario is valid.' }
          : {
              kind: 'error',
              message: `The scenario has ${n} problem${n === 1 ? '' : 's'} (listed above the form).`,
            },
      );
    },
    async saveAndRun(repeat) {
      const id = await save();
      if (id === undefined) return undefined;
      const res = await toast.guard(() => client.call('run:start', { scenarioId: id, repeat }));
      if (res)
        toast.show({ message: `Queued run${res.runIds.length > 1 ? 's' : ''} ${res.runIds.join(', ')}.` });
      return res?.runIds;
    },
    async exportFile() {
      const doc = draft.document() as { name?: unknown };
      const name = typeof doc.name === 'string' ? doc.name : 'scenario';
      await saveTextFile(scenarioFilename(name), scenarioFileText(doc), 'application/json');
    },
    async importFile() {
      const file = await openTextFile('scenario');
      if (!file) return;
      const read = readScenarioText(file.text);
      if (!read.ok) {
        toast.show({ kind: 'error', message: `${file.name}: ${read.message}` });
        return;
      }
      replace(read.document, null, `Loaded ${file.name} into the editor (not saved yet).`);
    },
    replace,
  };
}
