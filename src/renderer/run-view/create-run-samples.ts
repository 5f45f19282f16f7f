// A run's samples for its charts: the SampleBatch from `run:samples`, then the batches of the live
// `run:samples` events appended to it (the same shape: machine-wide columns and per-node ones). Every
// machine-wide counter is kept; per node, the memory gauges and the counters a chart asks for
// (needNodeCounters). The arrays are mutated in place; `version` says when to redraw.
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { COUNTERS } from '../../shared/vmstat.ts';
import { createApiEvent, useApi } from '../api/api-context.tsx';
import { describeError } from '../api/api-error.ts';
import { appendSamples, emptyColumns, type SampleBatch } from '../../shared/samples.ts';

/** Per node always: the memory gauges, and the bytes moved and loaded latency the bandwidth charts draw. */
export const NODE_COUNTERS = [
  'nr_free_pages',
  'nr_anon_pages',
  'nr_file_pages',
  'mem_read_bytes',
  'mem_write_bytes',
  'mem_read_latency_ns',
];
const REDRAW_MS = 250;

/** The run's SampleBatch as `run:samples` answers it, grown in place by the live events. */
export interface SampleData extends SampleBatch {
  /** The per-node columns' times: the same array as timesMs, since every sample has its nodes. */
  nodeTimesMs: number[];
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
  const timesMs: number[] = [];
  const data: SampleData = { timesMs, counters: {}, nodes: {}, nodeTimesMs: timesMs };
  const [version, setVersion] = createSignal(0);
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<string | null>(null);
  let buffered: SampleBatch[] = [];
  let redraw: ReturnType<typeof setTimeout> | undefined;
  const bump = () => {
    redraw ??= setTimeout(() => {
      redraw = undefined;
      setVersion((v) => v + 1);
    }, REDRAW_MS);
  };
  onCleanup(() => clearTimeout(redraw));
  const nodeCounters = new Set(NODE_COUNTERS);
  const append = (more: SampleBatch) => {
    // A run read before its first sample has no nodes yet: they come with the first batch.
    if (data.timesMs.length === 0)
      for (const id of Object.keys(more.nodes)) data.nodes[id] ??= emptyColumns([...nodeCounters]);
    appendSamples(data, more);
  };
  // Only the newest read lands: an older one may answer later, with fewer counters. While one is
  // under way, live batches wait in `buffered` (`loading` is for the first read only: a re-read keeps
  // the charts as they are until it lands).
  let reads = 0;
  let reading = false;
  const loadAll = async () => {
    const ticket = ++reads;
    reading = true;
    try {
      const s = await client.call('run:samples', { runId, nodeCounters: [...nodeCounters] });
      if (ticket !== reads) return;
      data.timesMs = data.nodeTimesMs = s.timesMs;
      data.counters = s.counters;
      data.nodes = s.nodes;
      for (const b of buffered) append(b);
      buffered = [];
      setError(null);
    } catch (e) {
      if (ticket === reads) setError(describeError(e));
    } finally {
      if (ticket === reads) {
        reading = false;
        setLoading(false);
        bump();
      }
    }
  };
  createApiEvent('run:samples', (e) => {
    if (e.runId !== runId) return;
    if (reading) buffered.push(e);
    else {
      append(e);
      bump();
    }
  });
  void loadAll();
  // When the run ends, read everything once more: a batch missed while the event socket reconnected is there.
  createEffect(on(live, (isLive, wasLive) => wasLive && !isLive && void loadAll()));
  const needNodeCounters = (names: readonly string[]) => {
    const known = COUNTERS as readonly string[];
    const missing = names.filter((n) => known.includes(n) && !nodeCounters.has(n));
    if (missing.length === 0) return;
    for (const n of missing) nodeCounters.add(n);
    // Read again with the new columns.
    void loadAll();
  };
  return { data, version, loading, error, needNodeCounters };
}
