// A labelled form field: label and unit above, the input, then a hint or its problems below.
import { Show, type JSX, type ParentProps } from 'solid-js';
import { FieldError } from './field-error.tsx';

export interface FieldFrameProps {
  label: string;
  unit?: string;
  /** The JSON path the validator reports this field's problems at. */
  path?: string;
  /** The field's own parse problem, shown at once instead of the validator's. */
  local?: string | null;
  /** The field is a list typed in one input: its items' problems (`path[1]`) show here too. */
  list?: boolean;
  hint?: JSX.Element;
  title?: string;
  class?: string;
}

export function Field(props: ParentProps<FieldFrameProps>) {
  return (
    <label class={`field ${props.class ?? ''}`} title={props.title}>
      <span class="field-label">
        {props.label}
        <Show when={props.unit}>
          <span class="field-unit">{props.unit}</span>
        </Show>
      </span>
      {props.children}
      <Show when={props.hint && !props.local}>
        <span class="field-hint">{props.hint}</span>
      </Show>
      <FieldError path={props.path} local={props.local} list={props.list} />
    </label>
  );
}
