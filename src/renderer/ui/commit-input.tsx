// A text input bound to a stored value through a parser: typing commits `toValue(text)` at once, and
// the text is rewritten from the store only when the store changes to something the text does not say
// (a preset applied, a file imported), so "1." stays "1." while the user is typing "1.5".
import { createEffect, createSignal, on, splitProps, untrack, type JSX } from 'solid-js';

export interface CommitInputProps extends Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onInput'
> {
  value: unknown;
  /** What to store for the text; undefined stores nothing (the default applies). */
  toValue: (text: string) => unknown;
  display: (value: unknown) => string;
  onCommit: (value: unknown) => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function CommitInput(props: CommitInputProps) {
  const [own, rest] = splitProps(props, ['value', 'toValue', 'display', 'onCommit']);
  // The first text only; later store changes arrive through the effect below.
  const [text, setText] = createSignal(untrack(() => own.display(own.value)));
  createEffect(
    on(
      () => own.value,
      (value) => {
        if (!same(own.toValue(text()), value)) setText(own.display(value));
      },
      { defer: true },
    ),
  );
  return (
    <input
      {...rest}
      value={text()}
      onInput={(e) => {
        setText(e.currentTarget.value);
        own.onCommit(own.toValue(e.currentTarget.value));
      }}
    />
  );
}

/** Shows a stored value: text as is, numbers plainly, nothing for absent. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
