import { describe, expect, it } from 'vitest';
import { HintAggregate } from './hint-aggregate.ts';

function aggregate(keys: number[]): HintAggregate {
  const h = new HintAggregate(0, 16);
  keys.forEach((key, v) => h.push(key, v));
  return h;
}

describe('a stretch of draws passing aggregate hint faults', () => {
  it('stops where draws and faults fill the time: faults at 5, 30, 85, 95 in 100 ns leave 80 draws', () => {
    // 1 ns a draw, 10 ns a fault: after the faults at 5 and 30, 80 ns are left for draws, so the
    // draw at 85 (and its fault) does not come.
    const h = aggregate([5, 30, 85, 95]);
    expect(h.takeWithin(0, Infinity, 100, 1, 10)).toBe(80);
    expect(h.taken).toBe(2);
    expect(h.firstKey).toBe(5);
    expect(h.fitDraws).toBe(80);
    expect(h.size).toBe(2);
  });

  it('lets a fault begun before the end run past it, as a reference does', () => {
    // The fault at 79 comes before the 80 draws left run out; with it only 70 fit, so the stretch
    // ends at the fault (79 draws), 9 ns past the end.
    const h = aggregate([5, 30, 79]);
    expect(h.takeWithin(0, Infinity, 100, 1, 10)).toBe(79);
    expect(h.taken).toBe(3);
    expect(h.fitDraws).toBe(70);
  });

  it('ends at the next event when that comes first, skipping cancelled faults', () => {
    const h = aggregate([5, 30, 85]);
    h.cancel(0);
    expect(h.takeWithin(0, 50, 100, 1, 10)).toBe(50);
    expect(h.taken).toBe(1);
    expect(h.firstKey).toBe(30);
    expect(h.size).toBe(1);
  });
});
