import { describe, expect, it } from 'vitest';
import {
  compactionDeferReset,
  compactionDeferred,
  compactionRestarting,
  deferCompaction,
  newCompactDefer,
  type CompactDefer,
} from './compaction-defer.ts';

/** Which of `n` attempts at order 9 run, failing every one that runs (sync compaction that fails). */
function runsWhileFailing(d: CompactDefer, n: number): number[] {
  const ran: number[] = [];
  for (let i = 1; i <= n; i++) {
    if (compactionDeferred(d, 9)) continue;
    ran.push(i);
    deferCompaction(d, 9);
  }
  return ran;
}

describe('compaction deferral', () => {
  it('lets a fresh zone compact at once', () => {
    const d = newCompactDefer();
    expect(compactionDeferred(d, 9)).toBe(false);
    expect(d.considered).toBe(1);
  });

  it('skips 1, 3, 7 ... attempts after each failure, doubling up to 63', () => {
    // Failures at 1; then 1 + 2 = 3; 3 + 4 = 7; 15; 31; 63; from shift 6 on every 64th: 127, 191.
    const d = newCompactDefer();
    expect(runsWhileFailing(d, 200)).toEqual([1, 3, 7, 15, 31, 63, 127, 191]);
    expect(d.deferShift).toBe(6);
  });

  it('ends the deferral when an allocation succeeds after compaction', () => {
    const d = newCompactDefer();
    runsWhileFailing(d, 7); // three failures: shift 3
    expect(d.deferShift).toBe(3);
    compactionDeferReset(d, 9, true);
    expect(d).toEqual({ considered: 0, deferShift: 0, orderFailed: 10 });
    // order_failed 10: order 9 is never deferred, and the attempt is not even counted.
    expect(compactionDeferred(d, 9)).toBe(false);
    expect(d.considered).toBe(0);
  });

  it('keeps deferring when compaction only expects success (alloc_success false)', () => {
    const d = newCompactDefer();
    runsWhileFailing(d, 3); // two failures: shift 2
    compactionDeferReset(d, 9, false);
    expect(d.deferShift).toBe(2);
    expect(d.orderFailed).toBe(10);
    deferCompaction(d, 9); // a later failure brings order_failed down to 9 again
    expect(d.orderFailed).toBe(9);
    expect(d.deferShift).toBe(3);
  });

  it('restarts the scanners once the longest deferral has run out', () => {
    const d = newCompactDefer();
    runsWhileFailing(d, 63); // six failures, the last at attempt 63: shift 6, considered 0
    expect(compactionRestarting(d, 9)).toBe(false);
    for (let i = 0; i < 63; i++) expect(compactionDeferred(d, 9)).toBe(true);
    expect(compactionDeferred(d, 9)).toBe(false);
    expect(compactionRestarting(d, 9)).toBe(true);
  });
});
