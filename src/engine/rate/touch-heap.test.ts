import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.ts';
import { TouchHeap } from './touch-heap.ts';

describe('TouchHeap', () => {
  it('pops pages in order of their next touch, past its initial capacity', () => {
    const heap = new TouchHeap();
    const rng = createRng(9);
    const keys = Array.from({ length: 1000 }, () => rng.float() * 1e6);
    keys.forEach((key, v) => heap.push(key, v));
    const popped: number[] = [];
    while (heap.size > 0) {
      popped.push(heap.minKey());
      expect(keys[heap.minVpage()]).toBe(heap.minKey());
      heap.pop();
    }
    expect(popped).toEqual([...keys].sort((a, b) => a - b));
    expect(heap.minKey()).toBe(Infinity);
  });
});
