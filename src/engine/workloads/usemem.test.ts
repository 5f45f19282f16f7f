import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.ts';
import type { UsememWorkload } from '../../shared/scenario/resolved.ts';
import { baseFields, drain } from '../../../tests/support/engine/workloads.ts';
import { makeUsemem } from './usemem.ts';

const KiB = 1024;
const PAGE = 4 * KiB;

function usemem(over: Partial<UsememWorkload>): UsememWorkload {
  return {
    ...baseFields,
    type: 'usemem',
    sizeBytes: 8 * PAGE,
    stepBytes: PAGE,
    repeats: 1,
    readonly: false,
    random: false,
    ...over,
  };
}

const threadsOf = (w: UsememWorkload, bases: number[], seed = 1) =>
  makeUsemem(w, PAGE, 0).threads(bases, createRng(seed));

describe('makeUsemem', () => {
  it('walks 8 pages with a 4 KiB step twice: 16 writes in ascending page order', () => {
    const [t] = threadsOf(usemem({ repeats: 2 }), [100]);
    const out = drain(t!);
    expect(out.vpages).toEqual([
      100, 101, 102, 103, 104, 105, 106, 107, 100, 101, 102, 103, 104, 105, 106, 107,
    ]);
    expect(out.writes.every(Boolean)).toBe(true);
  });

  it('makes one reference per step, several per page, when the step is smaller than a page', () => {
    const [t] = threadsOf(usemem({ sizeBytes: 2 * PAGE, stepBytes: KiB }), [0]);
    expect(drain(t!).vpages).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('skips pages when the step is larger than a page', () => {
    const [t] = threadsOf(usemem({ sizeBytes: 8 * PAGE, stepBytes: 3 * PAGE }), [0]);
    expect(drain(t!).vpages).toEqual([0, 3, 6]);
  });

  it('raises a step below one word to 8 bytes, as usemem does', () => {
    const [t] = threadsOf(usemem({ sizeBytes: 64, stepBytes: 1 }), [0]);
    expect(drain(t!).vpages).toHaveLength(8);
  });

  it('reads in every pass, the first one included, when readonly', () => {
    const [t] = threadsOf(usemem({ readonly: true, repeats: 3 }), [0]);
    const out = drain(t!);
    expect(out.vpages).toHaveLength(24);
    expect(out.writes.some(Boolean)).toBe(false);
  });

  it('maps one region per thread and keeps each thread inside its own', () => {
    const model = makeUsemem(usemem({ threads: 3 }), PAGE, 0);
    expect(model.regions).toEqual([
      { pages: 8, file: false },
      { pages: 8, file: false },
      { pages: 8, file: false },
    ]);
    const threads = model.threads([0, 8, 16], createRng(1));
    threads.forEach((t, i) =>
      expect(drain(t).vpages).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((p) => p + 8 * i)),
    );
  });

  it('picks random step positions inside the region with -R, keeping the reference count', () => {
    const w = usemem({ sizeBytes: 64 * PAGE, repeats: 3, random: true });
    const [a] = threadsOf(w, [1000], 5);
    const out = drain(a!);
    expect(out.vpages).toHaveLength(192);
    expect(out.vpages.every((p) => p >= 1000 && p < 1064)).toBe(true);
    const ascending = out.vpages.every((p, i) => i === 0 || p >= (out.vpages[i - 1] ?? 0));
    expect(ascending).toBe(false);
    expect(new Set(out.vpages).size).toBeGreaterThan(64 / 2);
    const [b] = threadsOf(w, [1000], 5);
    expect(drain(b!).vpages).toEqual(out.vpages);
  });

  it('counts a partial last page as a page', () => {
    const model = makeUsemem(usemem({ sizeBytes: PAGE + 1 }), PAGE, 0);
    expect(model.regions[0]?.pages).toBe(2);
    expect(drain(model.threads([0], createRng(1))[0]!).vpages).toEqual([0, 1]);
  });

  it('fills no more than asked and returns 0 only once done, then keeps returning 0', () => {
    const [t] = threadsOf(usemem({}), [0]);
    const buf = new Uint32Array(16);
    expect(t!.fill(buf, 3, 0)).toBe(3);
    expect(t!.fill(buf, 16, 0)).toBe(5);
    expect(t!.fill(buf, 16, 0)).toBe(0);
    expect(t!.fill(buf, 16, 0)).toBe(0);
  });
});
