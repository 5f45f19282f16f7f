import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.ts';
import type { SysbenchMemoryWorkload } from '../../shared/scenario/resolved.ts';
import { makeSysbenchMemory } from './sysbench-memory.ts';
import { baseFields, drain } from '../../../tests/support/engine/workloads.ts';

const KiB = 1024;
const PAGE = 4 * KiB;
const MiB = 1024 * KiB;

function sysbench(over: Partial<SysbenchMemoryWorkload>): SysbenchMemoryWorkload {
  return {
    ...baseFields,
    type: 'sysbench-memory',
    blockSizeBytes: 8 * KiB,
    totalSizeBytes: 16 * KiB,
    scope: 'global',
    oper: 'write',
    accessMode: 'seq',
    randType: 'uniform',
    paretoH: 0.2,
    ...over,
  };
}

const run = (w: SysbenchMemoryWorkload, bases: number[] = [0], seed = 1) =>
  makeSysbenchMemory(w, PAGE, 0)
    .threads(bases, createRng(seed))
    .map((t) => drain(t, 2_000_000, 4096));

/** Fraction of a thread's references that fall on pages [0, upTo) of a region at base 0. */
const shareBelow = (vpages: number[], upTo: number) => vpages.filter((p) => p < upTo).length / vpages.length;

describe('makeSysbenchMemory', () => {
  it('walks each block a cache line at a time in seq mode: 64 references per 4 KiB page', () => {
    const [out] = run(sysbench({}));
    const block = [...new Array<number>(64).fill(0), ...new Array<number>(64).fill(1)];
    expect(out!.vpages).toEqual([...block, ...block]);
    expect(out!.writes.every(Boolean)).toBe(true);
  });

  it('reads for oper read, and also for oper none, which sysbench runs without touching memory', () => {
    for (const oper of ['read', 'none'] as const) {
      const [out] = run(sysbench({ oper }));
      expect(out!.vpages).toHaveLength(256);
      expect(out!.writes.some(Boolean)).toBe(false);
    }
  });

  it('gives each thread floor(total / block / threads) block operations, as sysbench does', () => {
    const outs = run(sysbench({ totalSizeBytes: 5 * 8 * KiB, threads: 2 }));
    expect(outs.map((o) => o.vpages.length)).toEqual([2 * 128, 2 * 128]);
  });

  it('shares one buffer among threads with scope global and gives each its own with scope local', () => {
    const global = makeSysbenchMemory(sysbench({ threads: 2 }), PAGE, 0);
    expect(global.regions).toEqual([{ pages: 2, file: false }]);
    const [g0, g1] = global.threads([10], createRng(1)).map((t) => new Set(drain(t).vpages));
    expect([...g0!]).toEqual([10, 11]);
    expect([...g1!]).toEqual([10, 11]);

    const local = makeSysbenchMemory(sysbench({ threads: 2, scope: 'local' }), PAGE, 0);
    expect(local.regions).toHaveLength(2);
    const [l0, l1] = local.threads([10, 20], createRng(1)).map((t) => new Set(drain(t).vpages));
    expect([...l0!]).toEqual([10, 11]);
    expect([...l1!]).toEqual([20, 21]);
  });

  it('spreads rnd uniform references evenly over the buffer', () => {
    const [out] = run(sysbench({ accessMode: 'rnd', blockSizeBytes: 64 * KiB, totalSizeBytes: 4 * MiB }));
    expect(out!.vpages).toHaveLength(64 * 1024);
    expect(out!.vpages.every((p) => p >= 0 && p < 16)).toBe(true);
    expect(Math.abs(shareBelow(out!.vpages, 8) - 0.5)).toBeLessThan(0.02);
  });

  it('puts about 80% of rnd pareto references in the first 20% of the buffer at h = 0.2', () => {
    const w = sysbench({
      accessMode: 'rnd',
      randType: 'pareto',
      blockSizeBytes: MiB,
      totalSizeBytes: 4 * MiB,
    });
    const [out] = run(w);
    expect(Math.abs(shareBelow(out!.vpages, 256 * 0.2) - 0.8)).toBeLessThan(0.01);
  });

  it('centres rnd gaussian references on the middle of the buffer', () => {
    const w = sysbench({
      accessMode: 'rnd',
      randType: 'gaussian',
      blockSizeBytes: MiB,
      totalSizeBytes: 2 * MiB,
    });
    const [out] = run(w);
    const mean = out!.vpages.reduce((a, b) => a + b, 0) / out!.vpages.length;
    expect(Math.abs(mean - 127.5)).toBeLessThan(1);
    // Standard deviation 256/12 pages: about 95% within two of them.
    expect(
      shareBelow(
        out!.vpages.map((p) => Math.abs(p + 0.5 - 128)),
        256 / 6,
      ),
    ).toBeGreaterThan(0.93);
  });

  it('gives page 0 the zipfian share of its 512 words at sysbench’s exponent 0.8', () => {
    const w = sysbench({
      accessMode: 'rnd',
      randType: 'zipfian',
      blockSizeBytes: MiB,
      totalSizeBytes: 4 * MiB,
    });
    const [out] = run(w);
    const h = (n: number) =>
      Array.from({ length: n }, (_, k) => Math.pow(k + 1, -0.8)).reduce((a, b) => a + b);
    expect(Math.abs(shareBelow(out!.vpages, 1) - h(512) / h(MiB / 8))).toBeLessThan(0.01);
  });

  it('runs until stopped when the total size is 0, as sysbench does', () => {
    const [t] = makeSysbenchMemory(sysbench({ totalSizeBytes: 0 }), PAGE, 0).threads([0], createRng(1));
    const out = drain(t!, 100_000, 4096);
    expect(out.vpages).toHaveLength(100_000);
  });

  it('returns 0 once its block operations are done', () => {
    const [t] = makeSysbenchMemory(sysbench({}), PAGE, 0).threads([0], createRng(1));
    const buf = new Uint32Array(1024);
    expect(t!.fill(buf, 1024, 0)).toBe(256);
    expect(t!.fill(buf, 1024, 0)).toBe(0);
  });
});
