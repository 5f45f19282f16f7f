import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.ts';
import type { ResolvedWorkload } from '../../shared/scenario/resolved.ts';
import { makeWorkload } from './index.ts';
import { baseFields, drain } from '../../../tests/support/engine/workloads.ts';

const PAGE = 4096;
const KiB = 1024;

/** One small instance of every workload type, two threads each. */
const examples: ResolvedWorkload[] = [
  {
    ...baseFields,
    threads: 2,
    type: 'usemem',
    sizeBytes: 10 * PAGE,
    stepBytes: 512,
    repeats: 2,
    readonly: false,
    random: true,
  },
  { ...baseFields, threads: 2, type: 'usemem-stress-numa-compact', fraction: 0.8, loops: 2, iterations: 2 },
  {
    ...baseFields,
    threads: 2,
    type: 'sysbench-memory',
    blockSizeBytes: 64 * KiB,
    totalSizeBytes: 1024 * KiB,
    scope: 'local',
    oper: 'write',
    accessMode: 'rnd',
    randType: 'pareto',
    paretoH: 0.2,
  },
  { ...baseFields, threads: 2, type: 'grep', corpusBytes: 9 * PAGE, passes: 2 },
  {
    ...baseFields,
    threads: 2,
    type: 'hotset',
    sizeBytes: 30 * PAGE,
    distribution: 'zipf',
    hotFraction: 0.2,
    hotProbability: 0.9,
    zipfS: 0.9,
    stddevFraction: 0.1,
    hotPosition: 7 * PAGE,
    readRatio: 0.5,
    accesses: 5000,
    phases: [{ atMs: 10, hotPosition: 'tail' }],
  },
];

/** Lays regions out back to back from vpage 1000, with a one-page gap, as an engine might. */
function place(regions: { pages: number }[]): number[] {
  let next = 1000;
  return regions.map((r) => {
    const base = next;
    next += r.pages + 1;
    return base;
  });
}

describe('makeWorkload', () => {
  it.each(examples.map((w) => [w.type, w] as const))(
    '%s keeps every reference inside the regions its threads use, and finishes',
    (_, w) => {
      const model = makeWorkload(w, PAGE, 40 * PAGE);
      const bases = place(model.regions);
      const inside = (p: number) =>
        model.regions.some((r, i) => p >= (bases[i] ?? 0) && p < (bases[i] ?? 0) + r.pages);
      for (const t of model.threads(bases, createRng(1))) {
        const out = drain(t, 1_000_000, 1000, 20);
        expect(out.vpages.length).toBeGreaterThan(0);
        expect(out.vpages.length).toBeLessThan(1_000_000);
        expect(out.vpages.every(inside)).toBe(true);
      }
    },
  );

  it('maps file pages only for grep', () => {
    for (const w of examples) {
      const regions = makeWorkload(w, PAGE, 40 * PAGE).regions;
      expect(regions.every((r) => r.file === (w.type === 'grep'))).toBe(true);
    }
  });

  it('gives the same references for the same seed, and different threads different streams', () => {
    const hot = examples[4]!;
    const refs = (seed: number) =>
      makeWorkload(hot, PAGE, 0)
        .threads([0], createRng(seed))
        .map((t) => drain(t).vpages.slice(15));
    const [a0, a1] = refs(3);
    expect(refs(3)).toEqual([a0, a1]);
    expect(a0).not.toEqual(a1);
    expect(refs(4)[0]).not.toEqual(a0);
  });
});
