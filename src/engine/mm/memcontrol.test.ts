import { describe, expect, it } from 'vitest';
import { calculateHighDelay, MEMCG_CHARGE_BATCH } from './memcontrol.ts';

describe('calculate_high_delay', () => {
  it('is zero at or under memory.high', () => {
    expect(calculateHighDelay(10_000, 10_000, MEMCG_CHARGE_BATCH)).toBe(0);
    expect(calculateHighDelay(9_000, 10_000, MEMCG_CHARGE_BATCH)).toBe(0);
  });

  it('grows with the square of the overage: 10% over high costs a batch 159 jiffies', () => {
    // overage = (1000 << 20) / 10000 = 104857; 104857^2 * HZ(250) >> 34 = 159 jiffies for 64 pages.
    expect(calculateHighDelay(11_000, 10_000, 64)).toBe(159);
    // A quarter of a batch pays a quarter: 159 * 16 / 64 = 39.
    expect(calculateHighDelay(11_000, 10_000, 16)).toBe(39);
  });

  it('never sleeps a task more than 2 s (MEMCG_MAX_HIGH_DELAY_JIFFIES) per return to user', () => {
    // Twice high: overage 2^20, 2^40 * 250 >> 34 = 16000 jiffies, capped at 2 * HZ = 500.
    expect(calculateHighDelay(20_000, 10_000, 64)).toBe(500);
  });
});
