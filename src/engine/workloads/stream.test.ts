import { describe, expect, it } from 'vitest';
import type { StreamWorkload } from '../../shared/scenario/resolved.ts';
import { addStreamTraffic, streamActiveNs } from './stream.ts';

const MS = 1e6;

function stream(over: Partial<StreamWorkload> = {}): StreamWorkload {
  return {
    name: 'antagonist',
    cpu: 0,
    startMs: 100,
    stopMs: null,
    mempolicy: { mode: 'default', nodes: [], flags: [] },
    threads: 0,
    load: 1,
    dramShare: null,
    type: 'stream',
    node: 0,
    bandwidthGBps: 6,
    readRatio: 2 / 3,
    onMs: null,
    offMs: null,
    ...over,
  };
}

describe('a stream antagonist', () => {
  it('is on from startMs to stopMs only', () => {
    const w = stream({ stopMs: 200 });
    expect(streamActiveNs(w, 0, 100 * MS)).toBe(0);
    expect(streamActiveNs(w, 90 * MS, 110 * MS)).toBe(10 * MS);
    expect(streamActiveNs(w, 150 * MS, 160 * MS)).toBe(10 * MS);
    expect(streamActiveNs(w, 195 * MS, 205 * MS)).toBe(5 * MS);
    expect(streamActiveNs(w, 200 * MS, 210 * MS)).toBe(0);
  });

  it('in bursts is on for onMs of every onMs + offMs, counted from its start', () => {
    // On in [100, 110), [140, 150), [180, 190) ms.
    const w = stream({ onMs: 10, offMs: 30 });
    expect(streamActiveNs(w, 105 * MS, 145 * MS)).toBe(10 * MS); // 5 of the first burst, 5 of the second
    expect(streamActiveNs(w, 110 * MS, 140 * MS)).toBe(0);
    expect(streamActiveNs(w, 100 * MS, 200 * MS)).toBe(30 * MS);
  });

  it('adds its bandwidth to its node, split into reads and writes by its read ratio', () => {
    // 6 GB/s for 10 ms = 60 MB: 40 MB read and 20 MB written (STREAM triad's two reads per write).
    const traffic = new Float64Array(4);
    addStreamTraffic(traffic, [stream({ node: 1 })], 100 * MS, 110 * MS);
    expect(traffic[2]).toBeCloseTo(40e6, 3);
    expect(traffic[3]).toBeCloseTo(20e6, 3);
    expect(traffic[0]).toBe(0);
  });
});
