// What the run view's panels share: the run's samples, how to draw counters, and facts about its machine.
import type { Accessor } from 'solid-js';
import type { RunDetail } from '../../shared/api/types.ts';
import type { KernelVersion } from '../../shared/scenario/kernels.ts';
import type { ZoomControl } from '../charts/create-zoom.ts';
import type { RunSamples } from './create-run-samples.ts';
import type { CounterMode } from './series.ts';

export interface RunViewModel {
  runId: number;
  samples: RunSamples;
  detail: Accessor<RunDetail | undefined>;
  mode: Accessor<CounterMode>;
  pageSize: Accessor<number>;
  /** End of the time axis: the run's duration in seconds. */
  xMax: Accessor<number | undefined>;
  /** Memory kind of each node, by id. */
  kinds: Accessor<string[]>;
  topTier: Accessor<ReadonlySet<number>>;
  /** The kernel it modelled, and so which counters it has (recordedCounters). */
  kernel: Accessor<KernelVersion | null>;
  /** The zoom all of the run's time charts share, or undefined when each chart zooms on its own. */
  zoom: Accessor<ZoomControl | undefined>;
}
