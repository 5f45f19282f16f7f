// Keyboard shortcuts: components register bindings for as long as they are mounted, one window
// listener dispatches them, and the help popover lists exactly what is live on the current page.
import {
  createContext,
  createSignal,
  onCleanup,
  useContext,
  type Accessor,
  type ParentProps,
} from 'solid-js';
import { firesInFields, keyName, matchKey } from './shortcut-keys.ts';

export interface Shortcut {
  keys: string;
  description: string;
  run: () => void;
}

export interface ShortcutsApi {
  list: Accessor<Shortcut[]>;
  register(shortcut: Shortcut): () => void;
}

const ShortcutsContext = createContext<ShortcutsApi>();
const SEQUENCE_TIMEOUT_MS = 1200;

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

export function ShortcutsProvider(props: ParentProps) {
  const [list, setList] = createSignal<Shortcut[]>([]);
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || ['Shift', 'Control', 'Meta', 'Alt'].includes(e.key)) return;
    const typing = inTextField(e.target);
    // The newest registration wins, so a page's binding shadows a global one with the same keys.
    const live = list()
      .filter((s) => !typing || firesInFields(s.keys))
      .reverse();
    const match = matchKey(
      live.map((s) => s.keys),
      pending,
      keyName(e),
    );
    clearTimeout(timer);
    pending = match.pending;
    if (pending) timer = setTimeout(() => (pending = null), SEQUENCE_TIMEOUT_MS);
    const shortcut = match.fired && live.find((s) => s.keys === match.fired);
    if (shortcut) {
      e.preventDefault();
      shortcut.run();
    }
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));
  const api: ShortcutsApi = {
    list,
    register(shortcut) {
      setList((l) => [...l, shortcut]);
      return () => setList((l) => l.filter((s) => s !== shortcut));
    },
  };
  return <ShortcutsContext.Provider value={api}>{props.children}</ShortcutsContext.Provider>;
}

export function useShortcuts(): ShortcutsApi {
  const ctx = useContext(ShortcutsContext);
  if (!ctx) throw new Error('useShortcuts() must be used inside <ShortcutsProvider>');
  return ctx;
}

/** Binds keys for the lifetime of the current owner. */
export function createShortcut(keys: string, description: string, run: () => void): void {
  onCleanup(useShortcuts().register({ keys, description, run }));
}
