import { describe, expect, it } from 'vitest';
import { addPoint, defaultCurveOf, draftCurve, removePoint } from './latency-curve.ts';

describe('the loaded-latency curve in the machine editor', () => {
  it("shows a node without points its kind's shape at the figures typed", () => {
    // PMEM typed at 10 GB/s and 300 ns: the shape's (30%, 1.1x) and (100%, 6x) points.
    const node = {
      id: 1,
      memory: 'pmem',
      capacity: '1GiB',
      cpus: 0,
      readBandwidthGBps: 10,
      readLatencyNs: 300,
    };
    expect(draftCurve(node)).toBeUndefined();
    const curve = defaultCurveOf(node);
    expect(curve[0]).toEqual({ bandwidthGBps: 3, latencyNs: 330 });
    expect(curve.at(-1)).toEqual({ bandwidthGBps: 10, latencyNs: 1800 });
  });

  it("falls back to the kind's figures where the typed ones are not numbers yet", () => {
    // DRAM's 15 GB/s and 81 ns: (4.5 GB/s, 85.05 ns) first.
    const node = { id: 0, memory: 'dram', capacity: '1GiB', cpus: 1, readBandwidthGBps: '1.' };
    expect(defaultCurveOf(node)[0]).toEqual({ bandwidthGBps: 4.5, latencyNs: 85.05 });
  });

  it('adds a point beyond the last and removes one by index', () => {
    const curve = [
      { bandwidthGBps: 5, latencyNs: 90 },
      { bandwidthGBps: 10, latencyNs: 150 },
    ];
    expect(addPoint(curve).at(-1)).toEqual({ bandwidthGBps: 11, latencyNs: 150 });
    expect(removePoint(curve, 0)).toEqual([{ bandwidthGBps: 10, latencyNs: 150 }]);
  });
});
