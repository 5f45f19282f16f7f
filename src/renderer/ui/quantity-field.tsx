// Number fields with units: typed as "305", "0.3us", "6600MB/s" or "1.5 GiB", stored parsed (sizes keep
// the user's text, which the file format reads), with the default as placeholder.
import { formatSize, parseSize } from '../../shared/units.ts';
import { CommitInput, displayValue } from './commit-input.tsx';
import { Field, type FieldFrameProps } from './field.tsx';
import { useHasError } from './field-error.tsx';
import type { JSX } from 'solid-js';

export interface QuantityFieldProps extends FieldFrameProps {
  value: unknown;
  onCommit: (value: unknown) => void;
  placeholder?: string;
  testid?: string;
  /** Parses typed text to the stored number; null when unreadable. */
  parse: (text: string) => number | null;
  /** Completes "expected …", e.g. "a latency such as 305 or 0.3us". */
  expect: string;
  hint?: JSX.Element;
}

/** Stored text means the field could not parse what was typed. */
function localError(value: unknown, expect: string): string | null {
  return typeof value === 'string' && value.trim() !== '' ? `expected ${expect} (got "${value}")` : null;
}

export function QuantityField(props: QuantityFieldProps) {
  const invalid = useHasError(() => props.path);
  const toValue = (text: string) => (text.trim() === '' ? undefined : (props.parse(text) ?? text));
  return (
    <Field {...props} local={localError(props.value, props.expect)}>
      <CommitInput
        value={props.value}
        toValue={toValue}
        display={displayValue}
        onCommit={(v) => props.onCommit(v)}
        placeholder={props.placeholder}
        data-testid={props.testid}
        data-path={props.path}
        aria-invalid={invalid() || localError(props.value, props.expect) !== null}
        inputMode="decimal"
        autocomplete="off"
      />
    </Field>
  );
}

export interface SizeFieldProps extends Omit<QuantityFieldProps, 'parse' | 'expect'> {
  /** Bytes per page, to show the size in pages too. */
  pageSize?: number;
}

export function SizeField(props: SizeFieldProps) {
  const invalid = useHasError(() => props.path);
  const bytes = () => parseSize(props.value);
  const local = () => {
    if (props.value === undefined || props.value === '') return null;
    const b = bytes();
    const got = `(got "${displayValue(props.value)}")`;
    if (b === null) return `expected a size such as "384MiB", "1.5 GiB" or a number of bytes ${got}`;
    return b <= 0 ? `must be a positive size ${got}` : null;
  };
  const hint = () => {
    const b = bytes();
    if (b === null || b <= 0 || props.value === undefined) return props.hint;
    if (props.pageSize) return `${Math.floor(b / props.pageSize).toLocaleString()} pages`;
    return typeof props.value === 'number' ? formatSize(b) : props.hint;
  };
  return (
    <Field {...props} local={local()} hint={hint()}>
      <CommitInput
        value={props.value}
        toValue={(text) =>
          text.trim() === '' ? undefined : /^\s*\d+\s*$/.test(text) ? Number(text) : text.trim()
        }
        display={displayValue}
        onCommit={(v) => props.onCommit(v)}
        placeholder={props.placeholder}
        data-testid={props.testid}
        data-path={props.path}
        aria-invalid={invalid() || local() !== null}
        autocomplete="off"
      />
    </Field>
  );
}
