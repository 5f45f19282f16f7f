// The HybridTier runtime's state: its sketches and threshold, the batch being gathered, the cold
// scan's position, the second-chance queue, and its mode. Functions in this folder take it first.
import type { Task } from '../../sim/task.ts';
import type { MoverClock } from '../types.ts';
import type { Pebs } from './pebs.ts';
import type { FrequencySketch } from './sketch.ts';

export const Mode = { Sampling: 0, Monitor: 1 } as const;
export type Mode = (typeof Mode)[keyof typeof Mode];

export interface HybridTier extends MoverClock {
  pebs: Pebs;
  tasks: readonly Task[];
  lfu: FrequencySketch;
  momentum: FrequencySketch;
  hotThreshold: number;
  momentumThreshold: number;
  /** The fast node (its CPU's), where it promotes to and demotes from, and its slow target. */
  fastNode: number;
  slowNode: number;
  fastBytes: number;
  /** Per vpage: samples of the batch being gathered; the vpages with any, and the batch's total. */
  batchCounts: Uint32Array;
  batchPages: Uint32Array;
  nrBatchPages: number;
  batchSamples: number;
  localSamples: number;
  /** Local (fast-tier) samples are kept one in this many (the halved local sampling frequency). */
  localPeriodScale: number;
  /** The batch size and the plateau's page count, scaled to the fast tier (REFERENCE_FAST_BYTES). */
  batchTarget: number;
  plateauMaxPromoted: number;
  batches: number;
  promotedHistory: number;
  /** The cold scan resumes after this vpage (last_scanned_address); the regions it walks. */
  lastScanned: number;
  scanBase: readonly number[];
  scanPages: readonly number[];
  secondChance: number[];
  secondChanceOldFreq: number[];
  secondChanceClockNs: number;
  demotionClockNs: number;
  throttleSecs: number;
  fullSweepOnce: boolean;
  demotionResets: number;
  mode: Mode;
  /** Asleep (demotion throttle) until then: samples meanwhile are lost. */
  asleepUntilNs: number;
  /** Monitor mode: when the sleep ends, the next check, the window of hit ratios and its last read. */
  monitorWakeNs: number;
  nextCheckNs: number;
  nextPerfStatNs: number;
  hitRatios: number[];
  perfStatHits: number;
  perfStatRefs: number;
}
