import { describe, expect, it } from 'vitest';
import { latencyCurveSchema } from './schema.ts';
import {
  defaultDistances,
  defaultLatencyCurve,
  MEMORY_KIND_DEFAULTS,
  MEMORY_KINDS,
  SWAP_DEVICE_DEFAULTS,
  SWAP_DEVICES,
} from './memory-kinds.ts';

describe('memory kind defaults', () => {
  it('keep the Optane figures of Izraelevitz et al. for pmem', () => {
    expect(MEMORY_KIND_DEFAULTS.pmem).toEqual({
      readLatencyNs: 305,
      writeLatencyNs: 94,
      readBandwidthGBps: 6.6,
      writeBandwidthGBps: 2.3,
    });
  });

  it('rank the kinds as tiering assumes: DRAM reads faster than CXL, CXL faster than PMEM', () => {
    const read = (k: keyof typeof MEMORY_KIND_DEFAULTS) => MEMORY_KIND_DEFAULTS[k].readLatencyNs;
    expect(read('dram')).toBeLessThan(read('cxl'));
    expect(read('cxl')).toBeLessThan(read('pmem'));
    expect(MEMORY_KIND_DEFAULTS.hbm.readBandwidthGBps).toBeGreaterThan(
      MEMORY_KIND_DEFAULTS.dram.readBandwidthGBps,
    );
  });

  it('cover every kind and device with positive numbers', () => {
    for (const kind of MEMORY_KINDS) {
      for (const v of Object.values(MEMORY_KIND_DEFAULTS[kind])) expect(v).toBeGreaterThan(0);
    }
    for (const device of SWAP_DEVICES) {
      const { pageInUs, pageOutUs } = SWAP_DEVICE_DEFAULTS[device];
      expect(Math.min(pageInUs, pageOutUs)).toBeGreaterThan(0);
    }
    expect(SWAP_DEVICE_DEFAULTS.zram.pageInUs).toBeLessThan(SWAP_DEVICE_DEFAULTS.nvme.pageInUs);
    expect(SWAP_DEVICE_DEFAULTS.nvme.pageInUs).toBeLessThan(SWAP_DEVICE_DEFAULTS.hdd.pageInUs);
  });
});

describe('defaultDistances', () => {
  it('is 10 to itself and 20 to every other node, as the kernel assumes without a SLIT', () => {
    expect(defaultDistances(3)).toEqual([
      [10, 20, 20],
      [20, 10, 20],
      [20, 20, 10],
    ]);
    expect(defaultDistances(1)).toEqual([[10]]);
  });

  it('returns rows that do not alias each other', () => {
    const d = defaultDistances(2);
    d[0]?.splice(0, 1, 99);
    expect(d[1]).toEqual([20, 10]);
  });
});

describe('default loaded-latency curves', () => {
  it.each(MEMORY_KINDS)('%s: rise with bandwidth, start above idle and end at the node bandwidth', (kind) => {
    const { readBandwidthGBps: bw, readLatencyNs: idle } = MEMORY_KIND_DEFAULTS[kind];
    const curve = defaultLatencyCurve(kind, bw, idle);
    expect(latencyCurveSchema.safeParse(curve).success).toBe(true);
    expect(curve[0]!.latencyNs).toBeGreaterThanOrEqual(idle);
    expect(curve.at(-1)!.bandwidthGBps).toBeCloseTo(bw, 9);
  });
});
