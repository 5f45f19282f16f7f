// Every problem under parts of the scenario (all of it for no prefixes), as a list at the top of a
// page; each jumps to its field, on the page that edits it.
import { For, Show } from 'solid-js';
import { errorsUnder } from '../scenario/errors-by-path.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { useFocusField } from './focus-field.ts';

export function ErrorSummary(props: { prefixes: string[]; title?: string }) {
  const { errors } = useScenarioDraft();
  const focusField = useFocusField();
  const list = () =>
    props.prefixes.length === 0 ? errors() : props.prefixes.flatMap((p) => errorsUnder(errors(), p));
  return (
    <Show when={list().length > 0}>
      <div class="error-summary" data-testid="error-summary" role="alert">
        <strong>
          {props.title ?? 'Not valid yet'}: {list().length} problem{list().length === 1 ? '' : 's'}
        </strong>
        <ul>
          <For each={list()}>
            {(e) => (
              <li data-testid="error-message">
                <button
                  type="button"
                  class="link"
                  data-testid="error-link"
                  data-path-target={e.path}
                  onClick={() => focusField(e.path)}
                >
                  <code>{e.path || '(file)'}</code>
                </button>{' '}
                {e.message}
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
