import { describe, expect, it } from 'vitest';
import { ticks, timelineBars } from './timeline.ts';

describe('workload timeline', () => {
  it('places bars by start and stop, open-ended without a stop', () => {
    const bars = timelineBars(
      [
        { name: 'db', type: 'hotset', phases: [{ atMs: '5s' }] },
        { name: 'grep', type: 'grep', startMs: 3000, stopMs: '12s' },
      ],
      20_000,
    );
    expect(bars[0]).toMatchObject({ start: 0, end: 1, open: true, phases: [0.25] });
    expect(bars[1]).toMatchObject({ start: 0.15, end: 0.6, open: false });
  });

  it('clamps times past the run end', () => {
    const [bar] = timelineBars([{ name: 'late', type: 'usemem', startMs: 90_000 }], 60_000);
    expect(bar).toMatchObject({ start: 1, end: 1 });
  });

  it('puts ticks at round times', () => {
    expect(ticks(60_000)).toEqual([0, 20_000, 40_000, 60_000]);
    expect(ticks(15_000)).toEqual([0, 5000, 10_000, 15_000]);
  });
});
