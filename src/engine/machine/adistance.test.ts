import { describe, expect, it } from 'vitest';
import {
  MEMTIER_ADISTANCE_DRAM,
  MEMTIER_DEFAULT_DAX_ADISTANCE,
  computeAdistances,
  defaultDramPerf,
  memtierId,
  mtPerfToAdistance,
} from './adistance.ts';
import { makeMachine, makeNode } from '../../../tests/support/engine/machines.ts';
import { nodeStates } from './node-states.ts';

const twoNodes = [
  [10, 20],
  [20, 10],
];
// DRAM reference from makeNode: latency 80 + 80 = 160 ns, bandwidth 100000 + 50000 = 150000 MB/s.
const dram = { readLatency: 80, writeLatency: 80, readBandwidth: 100000, writeBandwidth: 50000 };

describe('abstract distance', () => {
  it('puts default DRAM at 576, in memory_tier4', () => {
    expect(MEMTIER_ADISTANCE_DRAM).toBe(576);
    expect(memtierId(576)).toBe(4);
  });

  it('puts PMEM without firmware perf data at 2880, in memory_tier22', () => {
    const m = makeMachine([makeNode(0, 'dram', { cpus: 4 }), makeNode(1, 'pmem')], twoNodes);
    expect(MEMTIER_DEFAULT_DAX_ADISTANCE).toBe(2880);
    expect(computeAdistances(m, nodeStates(m))).toEqual([576, 2880]);
    expect(memtierId(2880)).toBe(22);
  });

  it('lets an explicit override win over kind and firmware data', () => {
    const m = makeMachine(
      [makeNode(0, 'dram', { cpus: 4, adistance: 700 }), makeNode(1, 'cxl', { hmat: true, adistance: 100 })],
      twoNodes,
    );
    expect(computeAdistances(m, nodeStates(m))).toEqual([700, 100]);
  });

  it('scales with latency and inversely with bandwidth relative to the reference DRAM', () => {
    // PMEM 300 + 900 ns, 30 + 10 GB/s: 576 * 1200 / 160 = 4320; 4320 * 150000 / 40000 = 16200.
    const pmem = { readLatency: 300, writeLatency: 900, readBandwidth: 30000, writeBandwidth: 10000 };
    expect(mtPerfToAdistance(pmem, dram)).toBe(16200);
  });

  it('truncates at each division, left to right, like the C expression', () => {
    // 576 * 340 / 200 = 979 (not 979.2); 979 * 200000 / 40000 = 4895, where exact math gives 4896.
    const ref = { readLatency: 100, writeLatency: 100, readBandwidth: 100000, writeBandwidth: 100000 };
    const cxl = { readLatency: 170, writeLatency: 170, readBandwidth: 20000, writeBandwidth: 20000 };
    expect(mtPerfToAdistance(cxl, ref)).toBe(4895);
  });

  it("wraps on overflow like the kernel's unsigned int arithmetic", () => {
    // 576 * 2000 / 20 = 57600; 57600 * 1000000 = 57600000000 wraps mod 2^32 to 1765425152;
    // 1765425152 / 2000 = 882712.
    const ref = { readLatency: 10, writeLatency: 10, readBandwidth: 500000, writeBandwidth: 500000 };
    const slow = { readLatency: 1000, writeLatency: 1000, readBandwidth: 1000, writeBandwidth: 1000 };
    expect(mtPerfToAdistance(slow, ref)).toBe(882712);
  });

  it('refuses zero latency or bandwidth sums and a missing reference, as -EINVAL/-ENOENT', () => {
    const zero = { readLatency: 0, writeLatency: 0, readBandwidth: 1, writeBandwidth: 1 };
    expect(mtPerfToAdistance(zero, dram)).toBeNull();
    expect(mtPerfToAdistance(dram, null)).toBeNull();
  });

  it('takes the reference from the first node with CPUs and memory', () => {
    const m = makeMachine(
      [makeNode(0, 'cxl', { hmat: true, readLatencyNs: 250 }), makeNode(1, 'dram', { cpus: 4 })],
      twoNodes,
    );
    expect(defaultDramPerf(m, nodeStates(m))).toEqual(dram);
    // CXL node 0: 576 * (250 + 80) / 160 = 1188; 1188 * 150000 / 150000 = 1188.
    expect(computeAdistances(m, nodeStates(m))).toEqual([1188, 576]);
  });

  it('gives every dax/kmem node 2880 on 6.1, which predates the HMAT algorithm (v6.7)', () => {
    const m = makeMachine(
      [makeNode(0, 'cxl', { hmat: true, readLatencyNs: 250 }), makeNode(1, 'dram', { cpus: 4 })],
      twoNodes,
    );
    // The same machine as above: 1188 on 6.12, dax_slowmem_type's 2880 on 6.1; an override still wins.
    expect(computeAdistances(m, nodeStates(m), '6.12')).toEqual([1188, 576]);
    expect(computeAdistances(m, nodeStates(m), '6.1')).toEqual([2880, 576]);
    const pinned = makeMachine(
      [makeNode(0, 'cxl', { hmat: true, adistance: 700 }), makeNode(1, 'dram', { cpus: 4 })],
      twoNodes,
    );
    expect(computeAdistances(pinned, nodeStates(pinned), '6.1')).toEqual([700, 576]);
  });

  it('falls back to 2880 for HMAT nodes when two CPU nodes differ by more than 10%', () => {
    const mismatched = makeMachine(
      [
        makeNode(0, 'dram', { cpus: 4 }),
        makeNode(1, 'dram', { cpus: 4, readLatencyNs: 89 }),
        makeNode(2, 'cxl', { hmat: true, readLatencyNs: 250 }),
      ],
      [
        [10, 20, 30],
        [20, 10, 30],
        [30, 30, 10],
      ],
    );
    expect(defaultDramPerf(mismatched, nodeStates(mismatched))).toBeNull();
    expect(computeAdistances(mismatched, nodeStates(mismatched))).toEqual([576, 576, 2880]);
  });

  it('keeps the perf-based algorithm when the second CPU node is within 10%', () => {
    // |88 - 80| * 10 = 80, not more than 80.
    const close = makeMachine(
      [
        makeNode(0, 'dram', { cpus: 4 }),
        makeNode(1, 'dram', { cpus: 4, readLatencyNs: 88 }),
        makeNode(2, 'cxl', { hmat: true, readLatencyNs: 250 }),
      ],
      [
        [10, 20, 30],
        [20, 10, 30],
        [30, 30, 10],
      ],
    );
    expect(computeAdistances(close, nodeStates(close))).toEqual([576, 576, 1188]);
  });
});
