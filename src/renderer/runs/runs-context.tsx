// Every run the lab knows, kept current from `run:status` and `run:progress` events, shared by the
// run list, the run view and the compare picker.
import { createContext, createSignal, onMount, useContext, type Accessor, type ParentProps } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type { RunInfo } from '../../shared/api/types.ts';
import { createApiEvent, createOnReconnect, useApi } from '../api/api-context.tsx';
import { useToast } from '../toast/toast-context.tsx';

export interface RunsApi {
  /** Newest first. */
  runs: RunInfo[];
  loaded: Accessor<boolean>;
  byId(id: number): RunInfo | undefined;
  refresh(): Promise<void>;
  /** Hides runs (a delete waiting behind its Undo toast) until `restore` or a refresh after deletion. */
  hide(id: number): void;
  restore(id: number): void;
  hidden: Accessor<ReadonlySet<number>>;
}

const RunsContext = createContext<RunsApi>();
const LIST_LIMIT = 1000;
const REFRESH_DELAY_MS = 200;

export function RunsProvider(props: ParentProps) {
  const { client } = useApi();
  const toast = useToast();
  const [runs, setRuns] = createStore<RunInfo[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  const [hidden, setHidden] = createSignal<ReadonlySet<number>>(new Set());
  const refresh = async () => {
    const list = await client.call('run:list', { limit: LIST_LIMIT });
    setRuns(reconcile(list, { key: 'id' }));
    setLoaded(true);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh().catch(() => undefined), REFRESH_DELAY_MS);
  };
  const indexOf = (id: number) => runs.findIndex((r) => r.id === id);
  createApiEvent('run:status', (e) => {
    const i = indexOf(e.runId);
    if (i >= 0) setRuns(i, { status: e.status, error: e.error });
    // Timings and results arrive with the row; a new run must be fetched anyway.
    refreshSoon();
  });
  createApiEvent('run:progress', (e) => {
    const i = indexOf(e.runId);
    if (i < 0) return refreshSoon();
    setRuns(i, { progress: e.fraction, simulatedMs: e.simulatedMs, wallMs: e.wallMs, status: 'running' });
  });
  createOnReconnect(refreshSoon);
  onMount(() => void toast.guard(refresh));
  const api: RunsApi = {
    runs,
    loaded,
    byId: (id) => runs.find((r) => r.id === id),
    refresh,
    hide: (id) => setHidden((s) => new Set(s).add(id)),
    restore: (id) =>
      setHidden((s) => {
        const next = new Set(s);
        next.delete(id);
        return next;
      }),
    hidden,
  };
  return <RunsContext.Provider value={api}>{props.children}</RunsContext.Provider>;
}

export function useRuns(): RunsApi {
  const ctx = useContext(RunsContext);
  if (!ctx) throw new Error('useRuns() must be used inside <RunsProvider>');
  return ctx;
}
