// A field's problems, under it and one per line: its own parse problem at once, else what the
// validator said at its path (and, for a list typed in one input, at its items).
import { For, Show } from 'solid-js';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { errorsAt, errorsOfList } from '../scenario/errors-by-path.ts';

export interface FieldErrorProps {
  path?: string;
  local?: string | null;
  /** The field is a list typed in one input ("0,2"): its items' problems show here too. */
  list?: boolean;
}

/** The id of the problems under the field at `path`, for the input's aria-describedby. */
export function fieldErrorId(path: string | undefined): string | undefined {
  return path === undefined ? undefined : `problems-${path.replace(/[^\w-]+/g, '_')}`;
}

export function FieldError(props: FieldErrorProps) {
  const { errors } = useScenarioDraft();
  const messages = () => {
    if (props.local) return [{ path: props.path ?? '', message: props.local }];
    if (!props.path) return [];
    return (props.list ? errorsOfList : errorsAt)(errors(), props.path);
  };
  // Spans, not a list element: a field's <label> may hold phrasing content only.
  return (
    <Show when={messages().length > 0}>
      <span class="field-errors" role="list" id={fieldErrorId(props.path)}>
        <For each={messages()}>
          {(e) => (
            <span class="field-error" role="listitem" data-testid="field-error" data-error-path={e.path}>
              {e.message}
            </span>
          )}
        </For>
      </span>
    </Show>
  );
}

/** Whether the validator has a problem at `path` (for aria-invalid and the red outline). */
export function useHasError(path: () => string | undefined, list = false): () => boolean {
  const { errors } = useScenarioDraft();
  return () => {
    const p = path();
    return p !== undefined && (list ? errorsOfList : errorsAt)(errors(), p).length > 0;
  };
}
