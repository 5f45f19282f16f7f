// A Solid store that survives reloads: read from localStorage at creation, written back (debounced)
// whenever anything in it changes. Unreadable or foreign data falls back to `initial`.
import { createEffect, onCleanup } from 'solid-js';
import { createStore, unwrap, type SetStoreFunction } from 'solid-js/store';

const WRITE_DELAY_MS = 300;

export function readStored<T>(key: string, accept: (value: unknown) => value is T): T | undefined {
  try {
    const text = window.localStorage.getItem(key);
    if (text === null) return undefined;
    const value = JSON.parse(text) as unknown;
    return accept(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled (private mode): the draft lives on in memory for this session.
  }
}

export function createPersistedStore<T extends object>(
  key: string,
  initial: () => T,
  accept: (value: unknown) => value is T,
): [T, SetStoreFunction<T>] {
  const [store, setStore] = createStore<T>(readStored(key, accept) ?? initial());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => writeStored(key, unwrap(store));
  createEffect(() => {
    // Serialising reads every property, so the effect tracks the whole store.
    JSON.stringify(store);
    clearTimeout(timer);
    timer = setTimeout(flush, WRITE_DELAY_MS);
  });
  window.addEventListener('pagehide', flush);
  onCleanup(() => {
    clearTimeout(timer);
    window.removeEventListener('pagehide', flush);
  });
  return [store, setStore];
}
