// What the user does with the draft as a whole: save it (over the scenario it edits, with Undo, or
// as a new one), save and run it, and move it in and out as a file. Shared by the composer's buttons,
// the menu and the keyboard shortcuts.
import { useApi } from '../api/api-context.tsx';
import { openTextFile, saveTextFile } from '../export/save-text-file.ts';
import { useScenarioDraft, type SaveOutcome } from '../scenario/scenario-draft-context.tsx';
import { useToast } from '../toast/toast-context.tsx';
import { useOverwriteToast } from './overwrite-undo.ts';
import { readScenarioText, scenarioFilename, scenarioFileText } from './scenario-file.ts';

export interface ScenarioActions {
  /** Saves over the scenario being edited (Undo offered), or as a new one; resolves to its id. */
  save(): Promise<number | undefined>;
  /** Saves under `name` as a new scenario, leaving the one being edited as it is stored. */
  saveAsNew(name: string): Promise<number | undefined>;
  /** Saves (as `save`, or as new under `asNew`'s name) and queues `repeat` runs of it. */
  saveAndRun(repeat: number, asNew?: string): Promise<number[] | undefined>;
  /** Asks `scenario:validate` now and says the verdict in a toast (the editor also checks as you type). */
  validate(): Promise<void>;
  exportFile(): Promise<void>;
  /** Asks for a scenario file and loads it into the editor (not saved). */
  importFile(): Promise<void>;
  /** Replaces the draft, offering Undo. */
  replace(document: unknown, scenarioId: number | null, message: string): void;
  /** Starts over from the example, offering Undo. */
  newFromExample(): void;
}

const problems = (n: number) => `${n} problem${n === 1 ? '' : 's'}`;

export function useScenarioActions(): ScenarioActions {
  const { client } = useApi();
  const draft = useScenarioDraft();
  const toast = useToast();
  const overwriteToast = useOverwriteToast();
  const report = (o: SaveOutcome, asNew: boolean) => {
    const { stored, replaced, vanished } = o;
    if (replaced) return void overwriteToast({ stored, replaced });
    const what = `scenario ${stored.id} “${stored.name}”`;
    const message =
      vanished !== undefined
        ? `Saved as new ${what}: scenario ${vanished} no longer exists.`
        : asNew
          ? `Saved as new ${what}.`
          : `Saved ${what}.`;
    toast.show({ kind: 'success', message });
  };
  const save = async (asNew = false) => {
    const outcome = await toast.guard(() => draft.save({ asNew }));
    if (outcome) {
      report(outcome, asNew);
      return outcome.stored.id;
    }
    const n = draft.errors().length;
    if (n > 0)
      toast.show({
        kind: 'error',
        message: `Not saved: the scenario has ${problems(n)} (listed above the form).`,
      });
    return undefined;
  };
  const saveAsNew = async (name: string) => {
    const before = draft.draft.name;
    draft.setDraft('name', name);
    const id = await save(true);
    if (id === undefined) draft.setDraft('name', before);
    return id;
  };
  const replaceWith = (load: () => void, message: string) => {
    const before = draft.snapshot();
    load();
    toast.show({ message, action: { label: 'Undo', run: () => draft.restore(before) }, timeoutMs: 8000 });
  };
  const replace = (document: unknown, scenarioId: number | null, message: string) =>
    replaceWith(() => draft.load(document, scenarioId), message);
  return {
    save: () => save(),
    saveAsNew,
    async saveAndRun(repeat, asNew) {
      const id = await (asNew === undefined ? save() : saveAsNew(asNew));
      if (id === undefined) return undefined;
      const res = await toast.guard(() => client.call('run:start', { scenarioId: id, repeat }));
      if (res)
        toast.show({ message: `Queued run${res.runIds.length > 1 ? 's' : ''} ${res.runIds.join(', ')}.` });
      return res?.runIds;
    },
    async validate() {
      const res = await toast.guard(() => client.call('scenario:validate', { document: draft.document() }));
      if (!res) return;
      const n = res.ok ? 0 : res.errors.length;
      toast.show(
        n === 0
          ? { kind: 'success', message: 'The scenario is valid.' }
          : { kind: 'error', message: `The scenario has ${problems(n)} (listed above the form).` },
      );
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
    newFromExample: () => replaceWith(() => draft.loadExample(), 'Started a new scenario from the example.'),
  };
}
