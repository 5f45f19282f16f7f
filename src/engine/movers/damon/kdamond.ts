// One kdamond monitoring one node's physical memory (kdamond_fn): a sample every sample_us; every
// aggregation interval merge, apply the schemes (page by page, resumable across rounds), reset, split.
import type { Kernel } from '../../mm/kernel.ts';
import type { Rng } from '../../random/rng.ts';
import { spend, type Mover } from '../types.ts';
import { applyStep, startScheme } from './apply.ts';
import { createRegions, mergeRegions, resetAggregated, splitRegions, type Regions } from './regions.ts';
import { checkAccesses, prepareAccessChecks, SAMPLE_REGION_NS } from './sampling.ts';
import { maxNrAccesses, type Scheme } from './schemes.ts';
import type { KdamondState } from './state.ts';

/** Merging, scoring and splitting, per region and aggregation interval. */
const AGGREGATE_REGION_NS = 50;

export interface Kdamond extends Mover {
  readonly node: number;
  readonly regions: Regions;
  readonly schemes: readonly Scheme[];
}

export function createKdamond(
  k: Kernel,
  node: number,
  schemes: readonly Scheme[],
  rng: Rng,
  cpuNode: number,
): Kdamond {
  const first = k.m.nodeStart[node]!;
  const { damon_min_nr_regions: minNr, damon_max_nr_regions: maxNr } = k.knobs;
  const regions = createRegions(first, first + k.m.managedPages[node]!, minNr, maxNr);
  const aggrSamples = maxNrAccesses(k);
  const d: KdamondState = {
    node,
    regions,
    schemes,
    rng,
    cpuNode,
    sampleNs: k.knobs.damon_sample_us * 1000,
    aggrSamples,
    started: false,
    clockNs: 0,
    busyNs: 0,
    passedSamples: 0,
    nextAggregationSamples: aggrSamples,
    maxAccesses: 0,
    applying: -1,
    eligible: new Uint32Array(regions.maxNr),
    nrEligible: 0,
    nextEligible: 0,
    pfn: 0,
    pfnEnd: 0,
  };
  return { node, regions, schemes, run: (kk, untilNs) => runKdamond(kk, d, untilNs), cpuNs: () => d.busyNs };
}

/** kdamond_fn(): check the samples, aggregate when due (merge, apply), else mark the next and sleep. */
function runKdamond(k: Kernel, d: KdamondState, untilNs: number): void {
  if (!d.started) {
    d.started = true;
    prepareAndSleep(k, d);
  }
  while (d.clockNs < untilNs) {
    if (d.applying >= 0) {
      if (!applyStep(k, d)) nextScheme(k, d);
      continue;
    }
    d.maxAccesses = checkAccesses(k, d.regions);
    d.passedSamples++;
    spend(d, d.regions.nr * SAMPLE_REGION_NS);
    if (d.passedSamples < d.nextAggregationSamples) {
      prepareAndSleep(k, d);
      continue;
    }
    mergeRegions(d.regions, Math.floor(d.maxAccesses / 10), d.aggrSamples);
    d.applying = -1;
    nextScheme(k, d);
  }
}

/** Moves on to the next scheme, or ends the aggregation interval after the last one. */
function nextScheme(k: Kernel, d: KdamondState): void {
  const i = d.applying + 1;
  if (i < d.schemes.length) return startScheme(k, d, i);
  d.applying = -1;
  // kdamond_reset_aggregated() and kdamond_split_regions(), then the next sample.
  resetAggregated(d.regions);
  splitRegions(d.regions, d.rng);
  d.nextAggregationSamples += d.aggrSamples;
  spend(d, d.regions.nr * AGGREGATE_REGION_NS);
  prepareAndSleep(k, d);
}

/** damon_pa_prepare_access_checks(), then usleep(sample_interval). */
function prepareAndSleep(k: Kernel, d: KdamondState): void {
  prepareAccessChecks(k, d.regions, d.rng);
  d.clockNs += d.sampleNs;
}
