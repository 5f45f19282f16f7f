// Select and checkbox fields over stored values.
import { For } from 'solid-js';
import { Field, type FieldFrameProps } from './field.tsx';
import { fieldErrorId, useHasError } from './field-error.tsx';

export interface SelectFieldProps<T extends string | number> extends FieldFrameProps {
  value: T | undefined;
  options: readonly T[];
  /** An option for "absent", labelled with what absent means, e.g. "default (0)". */
  emptyLabel?: string;
  labelOf?: (option: T) => string;
  onChange: (value: T | undefined) => void;
  testid?: string;
}

export function SelectField<T extends string | number>(props: SelectFieldProps<T>) {
  const indexOf = () => (props.value === undefined ? -1 : props.options.indexOf(props.value));
  const invalid = useHasError(() => props.path);
  return (
    <Field {...props}>
      <select
        data-testid={props.testid}
        data-path={props.path}
        aria-invalid={invalid()}
        aria-describedby={invalid() ? fieldErrorId(props.path) : undefined}
        value={String(indexOf())}
        onChange={(e) => {
          const i = Number(e.currentTarget.value);
          props.onChange(i < 0 ? undefined : props.options[i]);
        }}
      >
        {props.emptyLabel !== undefined && <option value="-1">{props.emptyLabel}</option>}
        <For each={props.options}>
          {(option, i) => <option value={String(i())}>{props.labelOf?.(option) ?? String(option)}</option>}
        </For>
      </select>
    </Field>
  );
}

export interface CheckFieldProps extends FieldFrameProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  testid?: string;
}

export function CheckField(props: CheckFieldProps) {
  const invalid = useHasError(() => props.path);
  return (
    <Field {...props} class={`field-check ${props.class ?? ''}`}>
      <input
        type="checkbox"
        checked={props.checked}
        data-testid={props.testid}
        data-path={props.path}
        aria-invalid={invalid()}
        aria-describedby={invalid() ? fieldErrorId(props.path) : undefined}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
    </Field>
  );
}
