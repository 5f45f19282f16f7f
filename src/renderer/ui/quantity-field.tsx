// Number fields with units: typed as "305", "0.3us", "6600MB/s" or "1.5 GiB", stored parsed (sizes keep
// the user's text, which the file format reads), with the default as placeholder.
import { formatSize, readSize, SIZE_UNITS_RULE } from '../../shared/units.ts';
import { sizeHint } from '../units/size-hint.ts';
import { CommitInput, displayValue } from './commit-input.tsx';
import { Field, type FieldFrameProps } from './field.tsx';
import { fieldErrorId, useHasError } from './field-error.tsx';
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
  const hasError = useHasError(() => props.path);
  const local = () => localError(props.value, props.expect);
  const invalid = () => hasError() || local() !== null;
  const toValue = (text: string) => (text.trim() === '' ? undefined : (props.parse(text) ?? text));
  return (
    <Field {...props} local={local()}>
      <CommitInput
        value={props.value}
        toValue={toValue}
        display={displayValue}
        onCommit={(v) => props.onCommit(v)}
        placeholder={props.placeholder}
        data-testid={props.testid}
        data-path={props.path}
        aria-invalid={invalid()}
        aria-describedby={invalid() ? fieldErrorId(props.path) : undefined}
        inputMode="decimal"
        autocomplete="off"
      />
    </Field>
  );
}

export interface SizeFieldProps extends Omit<QuantityFieldProps, 'parse' | 'expect'> {
  /** Bytes per page, to show the size in whole pages (node and swap capacities). */
  pageSize?: number;
}

/** What the field says about its value: nothing when empty, else a problem or a hint. */
function sizeVerdict(value: unknown, pageSize?: number): { local: string | null; hint?: string } {
  if (value === undefined || value === '') return { local: null };
  const r = readSize(value);
  const got = `(got "${displayValue(value)}")`;
  if (!r.ok && r.ambiguous) return { local: r.reason };
  if (!r.ok) return { local: `expected a size such as "384MiB", "1.5G" or a number of bytes ${got}` };
  if (r.bytes <= 0) return { local: `must be a positive size ${got}` };
  const hint = sizeHint(r.bytes, pageSize);
  return { local: null, hint: typeof value === 'number' ? `${formatSize(r.bytes)} · ${hint}` : hint };
}

export function SizeField(props: SizeFieldProps) {
  const hasError = useHasError(() => props.path);
  const verdict = () => sizeVerdict(props.value, props.pageSize);
  const invalid = () => hasError() || verdict().local !== null;
  return (
    <Field
      {...props}
      title={props.title ? `${props.title} (${SIZE_UNITS_RULE})` : SIZE_UNITS_RULE}
      local={verdict().local}
      hint={verdict().hint ?? props.hint}
    >
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
        aria-invalid={invalid()}
        aria-describedby={invalid() ? fieldErrorId(props.path) : undefined}
        autocomplete="off"
      />
    </Field>
  );
}
