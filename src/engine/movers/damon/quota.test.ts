import { describe, expect, it } from 'vitest';
import type { Kernel } from '../../mm/kernel.ts';
import { adjustQuota, feedLoopNext, goalScore, newQuota, quotaPagesLeft } from './quota.ts';

/** Just enough of a kernel for the goal metrics: node 0 with `free` of 10,000 pages free. */
const nodeWithFree = (free: number) =>
  ({ m: { managedPages: new Uint32Array([10_000]), nrFree: new Float64Array([free]) } }) as unknown as Kernel;

describe('DAMOS quota goal feedback', () => {
  it('steps as damon_feed_loop_next_input does, on the fraction of the cap', () => {
    // The worked examples in quota.ts.
    expect(feedLoopNext(0.5, 5000)).toBe(0.75);
    expect(feedLoopNext(0.5, 15000)).toBe(0.25);
    expect(feedLoopNext(0.5, 10000)).toBe(0.5);
    expect(feedLoopNext(1, 0)).toBe(1);
    expect(feedLoopNext(0.9, 20000)).toBe(0);
    // Off, and the goal missed by 60%: it restarts from 1/64 of the cap.
    expect(feedLoopNext(0, 4000)).toBeCloseTo((1 / 64) * 1.6);
  });

  it('scores node_mem_free_bp and node_mem_used_bp against their goals', () => {
    const k = nodeWithFree(100); // 1% free, 99% used
    expect(goalScore(k, newQuota(1, 0, 'free', 50))).toBe(20000);
    expect(goalScore(k, newQuota(1, 0, 'used', 9970))).toBe(9929);
  });

  it('turns migrate_cold off while the fast node has twice its free goal, and back on below it', () => {
    const q = newQuota(100 * 4096, 0, 'free', 50);
    adjustQuota(nodeWithFree(5000), q, 0);
    expect(quotaPagesLeft(q, 4096)).toBe(0);
    // Within the same second nothing is retuned.
    adjustQuota(nodeWithFree(0), q, 0.5e9);
    expect(quotaPagesLeft(q, 4096)).toBe(0);
    adjustQuota(nodeWithFree(0), q, 1e9);
    expect(quotaPagesLeft(q, 4096)).toBe(3); // 100 pages * 2/64
    for (let s = 2; s <= 8; s++) adjustQuota(nodeWithFree(0), q, s * 1e9);
    expect(quotaPagesLeft(q, 4096)).toBe(100);
  });

  it('restarts the charge every reset interval', () => {
    const q = newQuota(10 * 4096, 0, 'used', 10_000);
    const k = nodeWithFree(5000);
    adjustQuota(k, q, 0);
    q.charged += 10 * 4096;
    expect(quotaPagesLeft(q, 4096)).toBe(0);
    adjustQuota(k, q, 0.99e9);
    expect(quotaPagesLeft(q, 4096)).toBe(0);
    adjustQuota(k, q, 1e9);
    expect(quotaPagesLeft(q, 4096)).toBe(10);
  });
});
