import { describe, expect, it } from 'vitest';
import { BANDWIDTH_GBPS, LATENCY_NS, TIME_MS, formatCount, formatMs, parseQuantity } from './quantity.ts';

describe('parseQuantity', () => {
  it('reads bare numbers in the base unit and numbers with a unit', () => {
    expect(parseQuantity('305', LATENCY_NS)).toBe(305);
    expect(parseQuantity('0.3 us', LATENCY_NS)).toBe(300);
    expect(parseQuantity('60s', TIME_MS)).toBe(60_000);
    expect(parseQuantity('2 min', TIME_MS)).toBe(120_000);
    expect(parseQuantity('6600MB/s', BANDWIDTH_GBPS)).toBeCloseTo(6.6);
    expect(parseQuantity('6.6 GB/s', BANDWIDTH_GBPS)).toBe(6.6);
  });

  it('refuses unknown units and text that is not a number', () => {
    expect(parseQuantity('305 furlongs', LATENCY_NS)).toBeNull();
    expect(parseQuantity('fast', BANDWIDTH_GBPS)).toBeNull();
    expect(parseQuantity('', TIME_MS)).toBeNull();
  });
});

describe('formatting', () => {
  it('prints durations and counts compactly', () => {
    expect(formatMs(100)).toBe('100 ms');
    expect(formatMs(15_000)).toBe('15 s');
    expect(formatMs(600_000)).toBe('10 min');
    expect(formatCount(1_234_567)).toBe('1.23M');
    expect(formatCount(42)).toBe('42');
  });
});
