// A field's problems, under it: its own parse problem at once, else what the validator said at its path.
import { For, Show } from 'solid-js';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { errorsAt } from '../scenario/errors-by-path.ts';

export function FieldError(props: { path?: string; local?: string | null }) {
  const { errors } = useScenarioDraft();
  const list = () => (props.path ? errorsAt(errors(), props.path) : []);
  return (
    <Show
      when={!props.local}
      fallback={
        <span class="field-error" data-testid="field-error" data-path={props.path}>
          {props.local}
        </span>
      }
    >
      <For each={list()}>
        {(e) => (
          <span class="field-error" data-testid="field-error" data-path={e.path}>
            {e.message}
          </span>
        )}
      </For>
    </Show>
  );
}

/** Whether the validator has a problem at `path` (for aria-invalid and the red outline). */
export function useHasError(path: () => string | undefined): () => boolean {
  const { errors } = useScenarioDraft();
  return () => {
    const p = path();
    return p !== undefined && errors().some((e) => e.path === p);
  };
}
