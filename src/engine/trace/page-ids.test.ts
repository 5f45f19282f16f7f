import { describe, expect, it } from 'vitest';
import { createPageIds, pageIdOf, pagesById } from './page-ids.ts';

describe('page ids', () => {
  it('number pages densely in the order first seen, the same id each time, through many growths', () => {
    const t = createPageIds(2);
    const pages = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 100_003);
    const ids = pages.map((page) => pageIdOf(t, page));
    expect(ids.slice(0, 3)).toEqual([0, 1, 2]);
    expect(pages.map((page) => pageIdOf(t, page))).toEqual(ids);
    expect(t.size).toBe(new Set(pages).size);
    expect(t.keys.length).toBeGreaterThanOrEqual(2 * t.size);
  });

  it('keep page numbers up to 2^53 apart when their low 32 bits agree', () => {
    const t = createPageIds();
    const big = [0, 2 ** 32, 2 ** 52, 2 ** 53 - 1, 2 ** 53 - 1 - 2 ** 32];
    expect(big.map((page) => pageIdOf(t, page))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(pagesById(t))).toEqual(big);
  });
});
