import { describe, expect, it } from 'vitest';
import { age, createSketch, decrement, frequency, hotPages, increase, lfuWords } from './sketch.ts';

describe('HybridTier frequency sketch', () => {
  it('adds samples to a page, saturates at 15 and halves on aging', () => {
    const s = createSketch(1024, 1e9);
    expect(increase(s, 7, 3)).toBe(3);
    expect(increase(s, 7, 20)).toBe(15);
    age(s);
    expect(frequency(s, 7)).toBe(7);
  });

  it('counts a sample that raises no counter as unuseful', () => {
    const s = createSketch(1024, 1e9);
    increase(s, 7, 15);
    increase(s, 7, 2);
    expect(s.unuseful).toBe(2);
  });

  it('ages when the window of samples is full, halving the estimate it returns', () => {
    const s = createSketch(1 << 16, 10);
    increase(s, 1, 4);
    expect(increase(s, 1, 4)).toBe(8);
    // 10 samples now: the window is full and every counter is halved.
    expect(increase(s, 2, 2)).toBe(1);
    expect(s.size).toBe(5);
    expect(frequency(s, 1)).toBe(4);
  });

  it('keeps the histogram of estimates the runtime keeps, remapped by aging', () => {
    const s = createSketch(1 << 16, 1e9);
    increase(s, 1, 4); // dist[4] = 1
    increase(s, 1, 4); // estimate 8: dist[8] = 1, dist[4] = 0
    increase(s, 2, 2); // dist[2] = 1
    expect(hotPages(s, 4)).toBe(1);
    expect(hotPages(s, 2)).toBe(2);
    age(s); // 8 -> 4, 2 -> 1
    expect(s.dist[4]).toBe(1);
    expect(s.dist[1]).toBe(1);
    expect(hotPages(s, 5)).toBe(0);
  });

  it('decrements a page by one for second-chance demotion', () => {
    const s = createSketch(1024, 1e9);
    increase(s, 9, 15);
    decrement(s, 9);
    expect(frequency(s, 9)).toBe(14);
  });

  it('sizes the LFU as a 0.1% false-positive Bloom filter with 4 hashes, 16 counters a word', () => {
    // r = -4 / ln(1 - 0.001^(1/4)) = 20.4286 counters per item: 16 items need 327 counters.
    expect(lfuWords(16)).toBeCloseTo(327 / 16, 10);
  });
});
