// Composing a scenario: its name, the parts edited on the other pages, run settings; validate, save,
// run with repeats, and scenario files in and out.
import { createSignal, Match, Switch } from 'solid-js';
import { exampleScenarioFile } from '../../shared/scenario/index.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { createShortcut } from '../shortcuts/shortcuts-context.tsx';
import { CommitInput, displayValue } from '../ui/commit-input.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { Field } from '../ui/field.tsx';
import { PartsSummary } from './parts-summary.tsx';
import { RunSettings } from './run-settings.tsx';
import { useScenarioActions } from './scenario-actions.ts';

export function ScenarioComposer() {
  const draft = useScenarioDraft();
  const actions = useScenarioActions();
  const [repeat, setRepeat] = createSignal(1);
  const run = () => void actions.saveAndRun(repeat());
  createShortcut('mod+enter', 'Save the scenario and run it (with the repeats set)', run);
  const status = () => (draft.validating() ? 'checking' : draft.errors().length ? 'invalid' : 'valid');
  return (
    <form
      class="panel composer"
      data-testid="scenario-composer"
      onSubmit={(e) => {
        e.preventDefault();
        run();
      }}
    >
      <header class="panel-header">
        <h2>{draft.meta.scenarioId === null ? 'New scenario' : `Scenario ${draft.meta.scenarioId}`}</h2>
        <span
          class={`validation validation-${status()}`}
          data-testid="validation-status"
          data-state={status()}
        >
          <Switch>
            <Match when={status() === 'checking'}>checking…</Match>
            <Match when={status() === 'valid'}>✓ valid</Match>
            <Match when={status() === 'invalid'}>
              {draft.errors().length} problem{draft.errors().length === 1 ? '' : 's'}
            </Match>
          </Switch>
          {draft.dirty() ? ' · unsaved' : ' · saved'}
        </span>
      </header>
      <Field label="Name" path="name">
        <CommitInput
          value={draft.draft.name}
          toValue={(t) => t}
          display={displayValue}
          onCommit={(v) => draft.setDraft('name', v as string)}
          placeholder="e.g. usemem 1.5x DRAM, demotion on"
          data-testid="scenario-name"
          data-path="name"
        />
      </Field>
      <PartsSummary />
      <h3>Run</h3>
      <RunSettings />
      <ErrorSummary prefixes={[]} />
      <div class="button-row composer-actions">
        <label class="inline-check" title="Runs with seeds seed, seed+1, …">
          repeats
          <input
            type="number"
            min="1"
            max="100"
            class="repeat-input"
            value={repeat()}
            data-testid="scenario-repeat"
            onInput={(e) => setRepeat(Math.max(1, Math.min(100, Number(e.currentTarget.value) || 1)))}
          />
        </label>
        <button type="submit" class="primary" data-testid="scenario-run" title="Ctrl/⌘+Enter">
          Save & run
        </button>
        <button type="button" data-testid="scenario-validate" onClick={() => void actions.validate()}>
          Validate
        </button>
        <button
          type="button"
          data-testid="scenario-save"
          title="Ctrl/⌘+S"
          onClick={() => void actions.save()}
        >
          Save
        </button>
        <span class="grow" />
        <button type="button" data-testid="scenario-export" onClick={() => void actions.exportFile()}>
          Export file
        </button>
        <button type="button" data-testid="scenario-import" onClick={() => void actions.importFile()}>
          Import file…
        </button>
        <button
          type="button"
          data-testid="scenario-new"
          onClick={() =>
            actions.replace(exampleScenarioFile(), null, 'Started a new scenario from the example.')
          }
        >
          New
        </button>
      </div>
    </form>
  );
}
