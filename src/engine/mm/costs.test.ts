import { describe, expect, it } from 'vitest';
import { curveLatency, readEquivalentGBps } from './costs.ts';
import { defaultLatencyCurve, MEMORY_KIND_DEFAULTS } from '../../shared/scenario/memory-kinds.ts';

// Idle 80 ns; 100 ns at 10 GB/s, 200 ns at 20 GB/s.
const curve = [
  { bandwidthGBps: 10, latencyNs: 100 },
  { bandwidthGBps: 20, latencyNs: 200 },
];

describe('loaded-latency curve', () => {
  it('is the idle latency with no bandwidth in use', () => {
    expect(curveLatency(curve, 80, 0)).toBe(80);
  });

  it('rises linearly from the idle latency to the first point', () => {
    expect(curveLatency(curve, 80, 5)).toBe(90); // halfway from (0, 80) to (10, 100)
  });

  it('is linear between two points and exact on a point', () => {
    expect(curveLatency(curve, 80, 10)).toBe(100);
    expect(curveLatency(curve, 80, 12.5)).toBe(125); // a quarter of the way from 100 to 200
    expect(curveLatency(curve, 80, 20)).toBe(200);
  });

  it('holds the last point beyond the curve: a saturated device', () => {
    expect(curveLatency(curve, 80, 35)).toBe(200);
  });

  it('with a single point, is a line from idle to it and flat after', () => {
    const one = [{ bandwidthGBps: 4, latencyNs: 120 }];
    expect(curveLatency(one, 100, 1)).toBe(105);
    expect(curveLatency(one, 100, 8)).toBe(120);
  });
});

describe('read-equivalent bandwidth', () => {
  it('weighs a written byte by read over write bandwidth', () => {
    // 1 ms: 2 MB read = 2 GB/s; 1 MB written at a device that writes half as fast = 2 GB/s more.
    expect(readEquivalentGBps(2e6, 1e6, 1e6, 10, 5)).toBe(4);
  });
});

describe('the default curves in use', () => {
  it('load PMEM earlier than DRAM: at 70% of its bandwidth Optane is slower, relative to idle', () => {
    // Yang et al. FAST'20: Optane's bandwidth saturates with few threads, its latency climbs first.
    const at70 = (kind: 'dram' | 'pmem') => {
      const { readBandwidthGBps: bw, readLatencyNs: idle } = MEMORY_KIND_DEFAULTS[kind];
      return curveLatency(defaultLatencyCurve(kind, bw, idle), idle, 0.7 * bw) / idle;
    };
    expect(at70('pmem')).toBeCloseTo(2.2, 9); // on the shape's (70%, 2.2x) point
    expect(at70('dram')).toBeCloseTo(1.425, 9); // halfway from (60%, 1.25x) to (80%, 1.6x)
  });
});
