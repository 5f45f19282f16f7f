// Composing a scenario: its name, the parts edited on the other pages, run settings; validate, save
// (over the scenario it edits, or as a new one), run with repeats, and scenario files in and out.
import { createSignal, Match, Show, Switch } from 'solid-js';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { createShortcut } from '../shortcuts/shortcuts-context.tsx';
import { CommitInput, displayValue } from '../ui/commit-input.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { Field } from '../ui/field.tsx';
import { PartsSummary } from './parts-summary.tsx';
import { RunSettings } from './run-settings.tsx';
import { SaveAsNew } from './save-as-new.tsx';
import { useScenarioActions } from './scenario-actions.ts';

const STATE_TEXT = { saved: ' · saved', example: ' · example, not saved', unsaved: ' · unsaved' } as const;

export function ScenarioComposer() {
  const draft = useScenarioDraft();
  const actions = useScenarioActions();
  const [repeat, setRepeat] = createSignal(1);
  const [asNew, setAsNew] = createSignal(false);
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
          data-draft={draft.state()}
        >
          <Switch>
            <Match when={status() === 'checking'}>checking…</Match>
            <Match when={status() === 'valid'}>✓ valid</Match>
            <Match when={status() === 'invalid'}>
              {draft.errors().length} problem{draft.errors().length === 1 ? '' : 's'}
            </Match>
          </Switch>
          {STATE_TEXT[draft.state()]}
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
      <Show when={draft.meta.scenarioId}>
        {(id) => (
          <p class="muted small" data-testid="overwrite-note">
            Save and Save & run replace scenario {id()} (with Undo); Save as new… keeps it as it is.
          </p>
        )}
      </Show>
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
        <Show when={draft.meta.scenarioId !== null}>
          <button
            type="button"
            data-testid="scenario-save-as-new"
            aria-expanded={asNew()}
            onClick={() => setAsNew(!asNew())}
          >
            Save as new…
          </button>
        </Show>
        <span class="grow" />
        <button type="button" data-testid="scenario-export" onClick={() => void actions.exportFile()}>
          Export file
        </button>
        <button type="button" data-testid="scenario-import" onClick={() => void actions.importFile()}>
          Import file…
        </button>
        <button type="button" data-testid="scenario-new" onClick={() => actions.newFromExample()}>
          New
        </button>
      </div>
      <Show when={asNew() && draft.meta.scenarioId !== null}>
        <SaveAsNew repeat={repeat()} onClose={() => setAsNew(false)} />
      </Show>
    </form>
  );
}
