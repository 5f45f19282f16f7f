// A run's samples for its charts: the history from `run:samples`, then rows appended live from
// `run:samples` events. Per-node columns are not pushed live, so they are re-read every few seconds
// while the run is going; the memory gauges always, other counters once a chart asks for them
// (needNodeCounters). The arrays are mutated in place; `version` says when to redraw.
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { COUNTERS } from '../../shared/vmstat.ts';
import { createApiEvent, useApi } from '../api/api-context.tsx';
import { describeError } from '../api/api-error.ts';
import { createInterval } from '../primitives/create-debounced.ts';

export const NODE_COUNTERS = ['nr_free_pages', 'nr_anon_pages', 'nr_file_pages'];
const NODE_POLL_MS = 2000;
const REDRAW_MS = 250;

export interface SampleData {
  timesMs: number[];
  counters: Record<string, number[]>;
  nodeTimesMs: number[];
  /** By node id, then counter (NODE_COUNTERS, and those asked for with needNodeCounters). */
  nodes: Record<string, Record<string, number[]>>;
}

export interface RunSamples {
  data: SampleData;
  version: Accessor<number>;
  loading: Accessor<boolean>;
  error: Accessor<string | null>;
  /** Reads these counters per node too, from now on; names already read (or not counters) are skipped. */
  needNodeCounters(names: readonly string[]): void;
}

export function createRunSamples(runId: number, live: Accessor<boolean>): RunSamples {
  const { client } = useApi();
  const data: SampleData = { timesMs: [], counters: {}, nodeTimesMs: [], nodes: {} };
  const [version, setVersion] = createSignal(0);
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<string | null>(null);
  let buffered: { timesMs: number[]; rows: number[][] }[] = [];
  let redraw: ReturnType<typeof setTimeout> | undefined;
  const bump = () => {
    redraw ??= setTimeout(() => {
      redraw = undefined;
      setVersion((v) => v + 1);
    }, REDRAW_MS);
  };
  onCleanup(() => clearTimeout(redraw));
  const append = (timesMs: number[], rows: number[][]) => {
    const last = data.timesMs[data.timesMs.length - 1] ?? -Infinity;
    timesMs.forEach((t, r) => {
      if (t <= last) return;
      data.timesMs.push(t);
      COUNTERS.forEach((name, c) => (data.counters[name] ??= []).push(rows[r]?.[c] ?? 0));
    });
  };
  const nodeCounters = new Set(NODE_COUNTERS);
  // Only the newest read lands: an older one may answer later, with fewer counters.
  let nodeRead = 0;
  const loadNodes = async () => {
    const ticket = ++nodeRead;
    const s = await client.call('run:samples', { runId, counters: [...nodeCounters], nodes: true });
    if (ticket !== nodeRead) return;
    data.nodeTimesMs = s.timesMs;
    data.nodes = s.nodes ?? {};
    bump();
  };
  const loadAll = async () => {
    setLoading(true);
    try {
      const s = await client.call('run:samples', { runId });
      data.timesMs = s.timesMs;
      data.counters = s.counters;
      for (const b of buffered) append(b.timesMs, b.rows);
      buffered = [];
      await loadNodes();
      setError(null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setLoading(false);
      bump();
    }
  };
  createApiEvent('run:samples', (e) => {
    if (e.runId !== runId) return;
    if (loading()) buffered.push(e);
    else {
      append(e.timesMs, e.rows);
      bump();
    }
  });
  void loadAll();
  createInterval(
    () => void loadNodes().catch(() => undefined),
    NODE_POLL_MS,
    () => live() && !loading(),
  );
  // When the run ends, read everything once more: the last rows and per-node columns are then final.
  createEffect(on(live, (isLive, wasLive) => wasLive && !isLive && void loadAll()));
  const needNodeCounters = (names: readonly string[]) => {
    const known = COUNTERS as readonly string[];
    const missing = names.filter((n) => known.includes(n) && !nodeCounters.has(n));
    if (missing.length === 0) return;
    for (const n of missing) nodeCounters.add(n);
    // While the history loads, its own per-node read comes after and takes the new names along.
    if (!loading()) loadNodes().catch((e: unknown) => setError(describeError(e)));
  };
  return { data, version, loading, error, needNodeCounters };
}
