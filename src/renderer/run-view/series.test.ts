import { describe, expect, it } from 'vitest';
import {
  counterPoints,
  counterUnit,
  fastTierShare,
  nodeBandwidthSeries,
  nodeLabel,
  parseNodeId,
  thin,
  toRate,
} from './series.ts';

describe('run series', () => {
  it('turns a cumulative counter into a per-second rate', () => {
    expect(toRate([0, 100, 200], [0, 50, 150])).toEqual([
      { x: 0.1, y: 500 },
      { x: 0.2, y: 1000 },
    ]);
  });

  it('never differentiates gauges', () => {
    const t = [0, 100];
    expect(counterPoints('nr_free_pages', t, [10, 5], 'rate')).toEqual([
      { x: 0, y: 10 },
      { x: 0.1, y: 5 },
    ]);
    expect(counterPoints('pgdemote_kswapd', t, [10, 15], 'rate')).toEqual([{ x: 0.1, y: 50 }]);
    expect(counterPoints('pgdemote_kswapd', t, [10, 15], 'cumulative')).toHaveLength(2);
  });

  it('names the unit by what is drawn', () => {
    expect(counterUnit(['nr_free_pages'], 'rate')).toBe('pages');
    expect(counterUnit(['nr_free_pages', 'pgfault'], 'rate')).toBe('per second; nr_* in pages');
    expect(counterUnit(['pgfault'], 'rate')).toBe('per second');
    expect(counterUnit(['pgfault'], 'cumulative')).toBe('count');
  });

  it('computes the fast-tier share of anon memory', () => {
    const share = fastTierShare([0, 100, 200], { '0': [0, 30, 60], '1': [0, 10, 60] }, new Set([0]));
    expect(share).toEqual([
      { x: 0.1, y: 75 },
      { x: 0.2, y: 50 },
    ]);
  });

  it('thins to a budget and keeps the last point', () => {
    const points = Array.from({ length: 10 }, (_, i) => ({ x: i, y: i }));
    const out = thin(points, 4);
    expect(out.map((p) => p.x)).toEqual([0, 3, 6, 9]);
  });

  it('names nodes by id and kind', () => {
    expect(nodeLabel(1, 'pmem')).toBe('node1 PMEM');
    expect(nodeLabel(3)).toBe('node3');
  });

  it('reads a node from the address, anything else being machine-wide', () => {
    expect(parseNodeId('0')).toBe(0);
    expect(parseNodeId('12')).toBe(12);
    expect(parseNodeId(undefined)).toBeNull();
    expect(parseNodeId('all')).toBeNull();
    expect(parseNodeId('-1')).toBeNull();
    expect(parseNodeId('1.5')).toBeNull();
  });
});

describe('node bandwidth', () => {
  it('is the bytes moved between two samples over their interval, in GB/s', () => {
    // 1 GB read in the first 100 ms is 10 GB/s; 2 GB more in the next 100 ms, 20 GB/s.
    const { read, write } = nodeBandwidthSeries([0, 100, 200], {
      mem_read_bytes: [0, 1e9, 3e9],
      mem_write_bytes: [0, 5e8, 5e8],
    });
    expect(read).toEqual([
      { x: 0.1, y: 10 },
      { x: 0.2, y: 20 },
    ]);
    expect(write).toEqual([
      { x: 0.1, y: 5 },
      { x: 0.2, y: 0 },
    ]);
  });
});
