// The fast-tier hit ratio of a running run, from its progress reports: each carries every task's
// cumulative references and top-tier hits at the latest sample, so two reports give the ratio over
// the samples between them. Reports from before the page opened are not replayed: the first one
// seen is the baseline, and the ratio so far (from the run's start) is shown from it on.
import { createSignal, type Accessor } from 'solid-js';
import { intervalHitRatios, type HitRatioSeries } from '../../shared/hit-ratio.ts';
import type { TaskProgress } from '../../shared/progress.ts';
import { createApiEvent } from '../api/api-context.tsx';

export interface LiveHitRatio {
  perTask: Accessor<{ name: string; series: HitRatioSeries }[]>;
  machine: Accessor<HitRatioSeries | null>;
  /** Hits / references from the run's start to the latest sample (NaN: no references yet). */
  soFar: Accessor<{ sampleMs: number; tasks: { name: string; ratio: number }[]; machine: number } | null>;
}

interface History {
  timesMs: number[];
  names: string[];
  references: number[][];
  hits: number[][];
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function createLiveHitRatio(runId: Accessor<number>): LiveHitRatio {
  // Appended in place; `version` says when to recompute.
  const h: History = { timesMs: [], names: [], references: [], hits: [] };
  const [version, setVersion] = createSignal(0);
  const history = () => {
    version();
    return h;
  };
  createApiEvent('run:progress', (e) => {
    const tasks: TaskProgress[] | undefined = e.tasks;
    if (e.runId !== runId() || !tasks) return;
    if (h.timesMs.length > 0 && !(e.sampleMs > h.timesMs.at(-1)!)) return;
    h.timesMs.push(e.sampleMs);
    h.names = tasks.map((t) => t.name);
    h.references.push(tasks.map((t) => t.references));
    h.hits.push(tasks.map((t) => t.fastTierHits));
    setVersion((v) => v + 1);
  });
  const perTask = () => {
    const h = history();
    return h.names.map((name, i) => ({
      name,
      series: intervalHitRatios(
        h.timesMs,
        h.references.map((r) => r[i] ?? 0),
        h.hits.map((r) => r[i] ?? 0),
      ),
    }));
  };
  const machine = () => {
    const h = history();
    return h.timesMs.length ? intervalHitRatios(h.timesMs, h.references.map(sum), h.hits.map(sum)) : null;
  };
  const soFar = () => {
    const h = history();
    const refs = h.references.at(-1);
    const hits = h.hits.at(-1);
    if (!refs || !hits) return null;
    const ratio = (hit: number, ref: number) => (ref > 0 ? Math.min(1, hit / ref) : NaN);
    return {
      sampleMs: h.timesMs.at(-1)!,
      tasks: h.names.map((name, i) => ({ name, ratio: ratio(hits[i]!, refs[i]!) })),
      machine: ratio(sum(hits), sum(refs)),
    };
  };
  return { perTask, machine, soFar };
}
