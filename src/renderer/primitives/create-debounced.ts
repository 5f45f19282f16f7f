// Reactive helpers for timing: a debounced copy of a signal, and an interval that stops with its owner.
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';

/** `source`'s value, updated only after it has been still for `ms`. */
export function createDebounced<T>(source: Accessor<T>, ms: number): Accessor<T> {
  const [value, setValue] = createSignal<T>(source());
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      source,
      (next) => {
        clearTimeout(timer);
        timer = setTimeout(() => setValue(() => next), ms);
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(timer));
  return value;
}

/** Runs `tick` every `ms` while `when()` is true. */
export function createInterval(tick: () => void, ms: number, when: Accessor<boolean>): void {
  createEffect(() => {
    if (!when()) return;
    const id = setInterval(tick, ms);
    onCleanup(() => clearInterval(id));
  });
}
