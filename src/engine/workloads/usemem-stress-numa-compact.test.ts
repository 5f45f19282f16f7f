import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.ts';
import type { UsememStressWorkload } from '../../shared/scenario/resolved.ts';
import { baseFields, drain } from '../../../tests/support/engine/workloads.ts';
import { makeUsememStress } from './usemem-stress-numa-compact.ts';

const PAGE = 4096;

function stress(over: Partial<UsememStressWorkload>): UsememStressWorkload {
  return {
    ...baseFields,
    type: 'usemem-stress-numa-compact',
    fraction: 0.8,
    loops: 1,
    iterations: 1,
    ...over,
  };
}

describe('makeUsememStress', () => {
  it('splits the fraction of RAM into one region per thread', () => {
    const model = makeUsememStress(stress({ threads: 2 }), PAGE, 40 * PAGE);
    expect(model.regions).toEqual([
      { pages: 16, file: false },
      { pages: 16, file: false },
    ]);
  });

  it('writes each thread’s region in order, loops passes per iteration, iterations times', () => {
    const model = makeUsememStress(stress({ threads: 2, loops: 3, iterations: 2 }), PAGE, 40 * PAGE);
    const [a, b] = model.threads([0, 16], createRng(1));
    const pass = Array.from({ length: 16 }, (_, i) => i);
    const outA = drain(a!);
    expect(outA.vpages).toEqual(Array.from({ length: 6 }, () => pass).flat());
    expect(outA.writes.every(Boolean)).toBe(true);
    expect(drain(b!).vpages).toEqual(Array.from({ length: 6 }, () => pass.map((p) => p + 16)).flat());
  });

  it('keeps mmtests’ 4 KiB step on larger pages, so each page takes several references', () => {
    const model = makeUsememStress(stress({ fraction: 1 }), 8192, 4 * 8192);
    expect(drain(model.threads([0], createRng(1))[0]!).vpages).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
});
