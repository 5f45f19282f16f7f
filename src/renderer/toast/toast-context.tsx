// Toasts: short messages in the corner, errors in words, and the Undo offer behind delayed deletes.
import { createContext, createSignal, useContext, type Accessor, type ParentProps } from 'solid-js';
import { describeError } from '../api/api-error.ts';
import { ToastList } from './toast-list.tsx';

export type ToastKind = 'info' | 'success' | 'error';

export interface ToastOptions {
  message: string;
  kind?: ToastKind;
  /** A button on the toast, e.g. Undo; pressing it dismisses the toast without `onExpire`. */
  action?: { label: string; run: () => void };
  timeoutMs?: number;
  /** Runs when the toast times out or is dismissed without its action. */
  onExpire?: () => void;
}

export interface Toast extends Required<Pick<ToastOptions, 'message' | 'kind'>> {
  id: number;
  action?: ToastOptions['action'];
}

export interface ToastApi {
  toasts: Accessor<Toast[]>;
  show(options: ToastOptions): number;
  dismiss(id: number, viaAction?: boolean): void;
  error(e: unknown): void;
  /** Runs `task`, shows its failure as an error toast, and resolves to undefined then. */
  guard<T>(task: () => Promise<T>): Promise<T | undefined>;
  /** The newest toast with an action (for the Undo shortcut). */
  latestAction(): Toast | undefined;
}

const ToastContext = createContext<ToastApi>();

const DEFAULT_TIMEOUT_MS = { info: 4000, success: 3000, error: 9000 } as const;

export function makeToasts(): ToastApi {
  const [toasts, setToasts] = createSignal<Toast[]>([]);
  const expire = new Map<number, { timer: ReturnType<typeof setTimeout>; onExpire?: () => void }>();
  let nextId = 1;
  const dismiss = (id: number, viaAction = false) => {
    const entry = expire.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    expire.delete(id);
    setToasts((list) => list.filter((t) => t.id !== id));
    if (!viaAction) entry.onExpire?.();
  };
  const show = (o: ToastOptions) => {
    const id = nextId++;
    const kind = o.kind ?? 'info';
    const timer = setTimeout(() => dismiss(id), o.timeoutMs ?? DEFAULT_TIMEOUT_MS[kind]);
    expire.set(id, { timer, onExpire: o.onExpire });
    setToasts((list) => [...list.slice(-4), { id, kind, message: o.message, action: o.action }]);
    return id;
  };
  const error = (e: unknown) => void show({ kind: 'error', message: describeError(e) });
  return {
    toasts,
    show,
    dismiss,
    error,
    async guard(task) {
      try {
        return await task();
      } catch (e) {
        error(e);
        return undefined;
      }
    },
    latestAction: () => toasts().findLast((t) => t.action),
  };
}

export function ToastProvider(props: ParentProps) {
  const api = makeToasts();
  return (
    <ToastContext.Provider value={api}>
      {props.children}
      <ToastList />
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error('useToast() must be used inside <ToastProvider>');
  return ctx;
}
