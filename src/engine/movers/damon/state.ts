// A kdamond's state: its node's regions and schemes, its clock and CPU time, and where it is in
// applying the schemes. Functions in this folder take it as their first argument.
import type { Rng } from '../../random/rng.ts';
import type { MoverClock } from '../types.ts';
import type { Regions } from './regions.ts';
import type { Scheme } from './schemes.ts';

export interface KdamondState extends MoverClock {
  node: number;
  regions: Regions;
  schemes: readonly Scheme[];
  rng: Rng;
  /** The node of the CPU it runs on (the local node of its migrations). */
  cpuNode: number;
  sampleNs: number;
  /** Samples per aggregation interval. */
  aggrSamples: number;
  started: boolean;
  passedSamples: number;
  nextAggregationSamples: number;
  /** Largest nr_accesses at the last check: the merge threshold is a tenth of it. */
  maxAccesses: number;
  /** The scheme being applied (index into schemes), or -1 while monitoring. */
  applying: number;
  /** Its eligible regions, best first, and the next one. */
  eligible: Uint32Array;
  nrEligible: number;
  nextEligible: number;
  /** The frames of the current region still to do. */
  pfn: number;
  pfnEnd: number;
}
