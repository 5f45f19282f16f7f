// The pages whose last access time the fleet metrics read: per workload every 2^shift-th of its
// pages, at most FLEET_SAMPLE_PAGES of them (DAMON_STAT looks at no more than 1000 regions). The
// exact engine writes a sampled page's time on each reference; the rate engine also draws, for its
// independent draws, the time of the last one that touched it (../rate/draw-fleet.ts).
// Example: a workload of 262144 pages has shift 8: pages 0, 256, 512, ... each stand for 256.
import { NR_COLD_AGE_BINS } from '../../shared/fleet-metrics.ts';
import type { Rng } from '../random/rng.ts';
import type { Vmas } from './vma.ts';

export const FLEET_SAMPLE_PAGES = 1024;

export interface FleetSample {
  /** Per workload: its first global vpage, log2 of its pages per sample, its first sample, its samples. */
  base: Int32Array;
  shift: Uint8Array;
  first: Int32Array;
  count: Int32Array;
  /** Per workload: the pages each of its samples stands for (its pages / its samples). */
  weight: Float64Array;
  /** Per sample: ns of its page's last reference (0 until one: idle since the run began). */
  lastTouchNs: Float64Array;
  /**
   * Rate engine, per sample: its draw domain's draw count and the time (ns) up to which its draws
   * were settled into lastTouchNs.
   */
  drawMark: Float64Array;
  timeMarkNs: Float64Array;
  /** Its own stream, so settling these draws never shifts the kernel's or the workloads' choices. */
  rng: Rng;
  /** At the latest snapshot (../sim/fleet-snapshot.ts): estimated pages per [node * NR_COLD_AGE_BINS + bin]. */
  nodeBins: Float64Array;
  /** At the latest snapshot: estimated working-set pages per workload. */
  workingSet: Float64Array;
}

/** Samples for each workload's regions (contiguous per workload, as setup lays them out). */
export function createFleetSample(vmas: Vmas, nrGroups: number, nrNodes: number, rng: Rng): FleetSample {
  const base = new Int32Array(nrGroups).fill(-1);
  const pages = new Int32Array(nrGroups);
  vmas.base.forEach((b, r) => {
    const g = vmas.group[r]!;
    if (base[g] === -1) base[g] = b;
    pages[g]! += vmas.pages[r]!;
  });
  const shift = new Uint8Array(nrGroups);
  const first = new Int32Array(nrGroups);
  const count = new Int32Array(nrGroups);
  const weight = new Float64Array(nrGroups);
  let total = 0;
  for (let g = 0; g < nrGroups; g++) {
    while (pages[g]! > FLEET_SAMPLE_PAGES * 2 ** shift[g]!) shift[g]!++; // not <<: 1024 << 21 wraps
    first[g] = total;
    count[g] = pages[g]! > 0 ? Math.ceil(pages[g]! / (1 << shift[g]!)) : 0;
    weight[g] = count[g]! > 0 ? pages[g]! / count[g]! : 0;
    total += count[g]!;
  }
  return {
    base,
    shift,
    first,
    count,
    weight,
    lastTouchNs: new Float64Array(total),
    drawMark: new Float64Array(total),
    timeMarkNs: new Float64Array(total),
    rng,
    nodeBins: new Float64Array(nrNodes * NR_COLD_AGE_BINS),
    workingSet: new Float64Array(nrGroups),
  };
}

/** The sample index of vpage v of workload g, or -1 if v is not sampled. */
export function fleetIndex(f: FleetSample, g: number, v: number): number {
  const o = v - f.base[g]!;
  const s = f.shift[g]!;
  return (o & ((1 << s) - 1)) === 0 ? f.first[g]! + (o >>> s) : -1;
}

/** The vpage of sample i of workload g. */
export function fleetVpage(f: FleetSample, g: number, i: number): number {
  return f.base[g]! + ((i - f.first[g]!) << f.shift[g]!);
}
