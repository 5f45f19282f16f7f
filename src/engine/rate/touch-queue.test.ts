import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.ts';
import { TouchQueue } from './touch-queue.ts';

/** Pops everything, checking each vpage against its key; returns the keys in popped order. */
function drain(q: TouchQueue, keyOf: Map<number, number>): number[] {
  const out: number[] = [];
  let wrongVpage = 0;
  for (let key = q.minKey(); key !== Infinity; key = q.minKey()) {
    if (keyOf.get(q.minVpage()) !== key) wrongVpage++;
    out.push(key);
    q.pop();
  }
  expect(wrongVpage).toBe(0);
  expect(q.size).toBe(0);
  return out;
}

describe('TouchQueue', () => {
  it('pops a million waits in key order, across its rungs', () => {
    const q = new TouchQueue();
    const rng = createRng(3);
    const keyOf = new Map<number, number>();
    // Exp(1) / p with p spread over four decades, as a zipf law's slow tier waits.
    for (let v = 0; v < 1_000_000; v++) {
      const key = -Math.log(1 - rng.float()) / 10 ** (-4 * rng.float());
      keyOf.set(v, key);
      q.push(key, v);
    }
    expect(q.size).toBe(1_000_000);
    expect(drain(q, keyOf)).toEqual([...keyOf.values()].sort((a, b) => a - b));
  });

  it('keeps key order when waits are pushed between pops, each after the last popped key', () => {
    const q = new TouchQueue();
    const rng = createRng(5);
    const keyOf = new Map<number, number>();
    let v = 0;
    for (; v < 200_000; v++) {
      const key = rng.float() * 1e6;
      keyOf.set(v, key);
      q.push(key, v);
    }
    const popped: number[] = [];
    for (let i = 0; i < 150_000; i++) {
      const now = q.minKey();
      keyOf.delete(q.minVpage());
      popped.push(now);
      q.pop();
      // A page popped now waits again from now on, some soon and some far past every other key.
      const key = now + (i % 3 === 0 ? rng.float() * 10 : rng.float() * 3e6);
      keyOf.set(v, key);
      q.push(key, v++);
    }
    const rest = [...keyOf.values()].sort((a, b) => a - b);
    const all = popped.concat(drain(q, keyOf));
    expect(all.slice(150_000)).toEqual(rest);
    expect(all.filter((key, i) => i > 0 && key < all[i - 1]!)).toEqual([]);
  });

  it('pops equal keys and empties cleanly on clear()', () => {
    const q = new TouchQueue();
    for (let v = 0; v < 10_000; v++) q.push(42, v);
    expect(q.minKey()).toBe(42);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.minKey()).toBe(Infinity);
    const keyOf = new Map<number, number>();
    for (let v = 0; v < 10_000; v++) {
      keyOf.set(v, v % 7);
      q.push(v % 7, v);
    }
    expect(drain(q, keyOf)).toEqual([...keyOf.values()].sort((a, b) => a - b));
  });

  it('names the waits each refill brings to the front, once, and they are the next ones popped', () => {
    const q = new TouchQueue();
    const rng = createRng(7);
    const keyOf = new Map<number, number>();
    for (let v = 0; v < 100_000; v++) {
      keyOf.set(v, rng.float() * 1e9);
      q.push(keyOf.get(v)!, v);
    }
    const first = q.minKey();
    const n = q.takeBroughtForward();
    expect(n).toBeGreaterThan(0);
    expect(q.takeBroughtForward()).toBe(0);
    const front = new Set(q.frontVpages().subarray(0, n));
    const sorted = [...keyOf.entries()].sort((a, b) => a[1] - b[1]);
    expect(first).toBe(sorted[0]![1]);
    expect(new Set(sorted.slice(0, n).map(([v]) => v))).toEqual(front);
  });
});
