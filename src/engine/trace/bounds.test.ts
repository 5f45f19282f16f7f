import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.ts';
import { boundsFeed, boundsLruHits, boundsResult, createBounds, traceBounds } from './bounds.ts';

/** The textbook LRU: a list, most recent first, cut to `capacity`. */
function naiveLru(pages: number[], capacity: number): number {
  const list: number[] = [];
  let hits = 0;
  for (const p of pages) {
    const at = list.indexOf(p);
    if (at >= 0) {
      hits++;
      list.splice(at, 1);
    }
    list.unshift(p);
    if (list.length > capacity) list.pop();
  }
  return hits;
}

/** The textbook MIN: on a miss with a full cache, evict the page whose next use is farthest. */
function naiveOpt(pages: number[], capacity: number): number {
  const nextAt = new Array<number>(pages.length);
  const seen = new Map<number, number>();
  for (let t = pages.length - 1; t >= 0; t--) {
    nextAt[t] = seen.get(pages[t]!) ?? Infinity;
    seen.set(pages[t]!, t);
  }
  const cache = new Map<number, number>(); // page -> its next use
  let hits = 0;
  pages.forEach((p, t) => {
    if (cache.has(p)) hits++;
    else if (capacity === 0) return;
    else if (cache.size === capacity) {
      let victim = p;
      let farthest = -1;
      for (const [page, next] of cache) if (next > farthest) [victim, farthest] = [page, next];
      cache.delete(victim);
    }
    cache.set(p, nextAt[t]!);
  });
  return hits;
}

const encode = (pages: number[]): Uint32Array => Uint32Array.from(pages, (p) => p * 2);

/** Dense ids: like the parser's, the first page seen is 0, the next new one 1, and so on. */
function randomTrace(seed: number, length: number, pages: number): number[] {
  const rng = createRng(seed);
  const order = new Map<number, number>();
  const out: number[] = [];
  let last = 0;
  for (let i = 0; i < length; i++) {
    // Mix immediate repeats, a small hot set and a long tail, as real traces do.
    const r = rng.float();
    const page = r < 0.3 ? last : r < 0.7 ? rng.int(Math.min(4, pages)) : rng.int(pages);
    if (!order.has(page)) order.set(page, order.size);
    out.push(order.get(page)!);
    last = page;
  }
  return out;
}

describe('trace bounds', () => {
  it('works the opt-packing example: C = 2 on A B C A B hits once', () => {
    expect(traceBounds(encode([0, 1, 2, 0, 1]), [2])[0]).toMatchObject({ optHits: 1, lruHits: 0 });
  });

  it('matches textbook LRU and MIN on small random traces for every capacity', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const pages = randomTrace(seed, 60 + seed * 5, 2 + (seed % 13));
      const footprint = new Set(pages).size;
      const capacities = Array.from({ length: footprint + 2 }, (_, c) => c);
      const result = traceBounds(encode(pages), capacities);
      for (const r of result) {
        expect(r.lruHits, `seed ${seed} C ${r.pages} LRU`).toBe(naiveLru(pages, r.pages));
        expect(r.optHits, `seed ${seed} C ${r.pages} MIN`).toBe(naiveOpt(pages, r.pages));
      }
    }
  });

  it('stays exact when slots are compacted after almost every reference', () => {
    for (let seed = 200; seed < 260; seed++) {
      const pages = randomTrace(seed, 150, 3 + (seed % 17));
      const capacities = Array.from({ length: 12 }, (_, c) => c);
      const b = createBounds(capacities, 2);
      boundsFeed(b, encode(pages));
      for (const r of boundsResult(b)) {
        expect(r.lruHits, `seed ${seed} C ${r.pages} LRU`).toBe(naiveLru(pages, r.pages));
        expect(r.optHits, `seed ${seed} C ${r.pages} MIN`).toBe(naiveOpt(pages, r.pages));
      }
    }
  });

  it('stays exact across many slot compactions and a growing footprint', () => {
    // 30,000 references over up to 2,500 pages: the 1,024 initial slots are compacted and grown.
    const pages = randomTrace(7, 30_000, 2_500);
    const capacities = [1, 3, 16, 100, 700, 2_000];
    const b = createBounds(capacities);
    for (let i = 0; i < pages.length; i += 997) boundsFeed(b, encode(pages.slice(i, i + 997)));
    expect(b.size).toBeGreaterThan(1024);
    for (const r of boundsResult(b)) {
      expect(r.lruHits).toBe(naiveLru(pages, r.pages));
      expect(r.optHits).toBe(naiveOpt(pages, r.pages));
    }
  });

  it('never lets LRU beat MIN, and both grow with the capacity', () => {
    for (let seed = 100; seed < 130; seed++) {
      const pages = randomTrace(seed, 2_000, 40 + seed);
      const result = traceBounds(encode(pages), [0, 1, 2, 4, 8, 16, 32, 64, 128]);
      for (const [i, r] of result.entries()) {
        expect(r.optHits).toBeGreaterThanOrEqual(r.lruHits);
        if (i > 0) expect(r.optHits).toBeGreaterThanOrEqual(result[i - 1]!.optHits);
        if (i > 0) expect(r.lruHits).toBeGreaterThanOrEqual(result[i - 1]!.lruHits);
      }
    }
  });

  it('hits every re-reference once the capacity holds the whole footprint, and nothing at capacity 0', () => {
    const pages = randomTrace(3, 500, 30);
    const footprint = new Set(pages).size;
    const [none, all] = traceBounds(encode(pages), [0, footprint]);
    expect(none).toMatchObject({ lruHits: 0, optHits: 0, lruHitRatio: 0, optHitRatio: 0 });
    expect(all!.lruHits).toBe(pages.length - footprint);
    expect(all!.optHits).toBe(pages.length - footprint);
    expect(all!.optHitRatio).toBe((pages.length - footprint) / pages.length);
  });

  it('ignores the write bit and answers LRU for capacities MIN was not asked about', () => {
    const pages = randomTrace(9, 400, 20);
    const b = createBounds([]);
    boundsFeed(
      b,
      Uint32Array.from(pages, (p, i) => p * 2 + (i & 1)),
    );
    for (const c of [1, 5, 10]) expect(boundsLruHits(b, c)).toBe(naiveLru(pages, c));
  });
});
