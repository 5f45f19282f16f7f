import { describe, expect, it } from 'vitest';
import { formatRemaining, formatSpeed, remainingWallMs } from './run-pace.ts';

describe('remainingWallMs', () => {
  it('gives no estimate before a second of wall time has passed', () => {
    expect(remainingWallMs({ fraction: 0.5, wallMs: 999 })).toBeNull();
    expect(remainingWallMs({ fraction: 0, wallMs: 5000 })).toBeNull();
  });

  it('extrapolates the pace so far over the simulated time left', () => {
    // A quarter done in 2 s: the other three quarters take 6 s at that pace.
    expect(remainingWallMs({ fraction: 0.25, wallMs: 2000 })).toBe(6000);
    expect(remainingWallMs({ fraction: 1, wallMs: 2000 })).toBe(0);
  });
});

describe('formatRemaining', () => {
  it('shows a dash while there is no estimate', () => {
    expect(formatRemaining(null)).toBe('—');
  });

  it('rounds up to whole seconds, minutes past an hour', () => {
    expect(formatRemaining(0)).toBe('0s');
    expect(formatRemaining(44_100)).toBe('45s');
    expect(formatRemaining(185_000)).toBe('3m 05s');
    expect(formatRemaining(3_600_000 + 61_000)).toBe('1h 02m');
  });
});

describe('formatSpeed', () => {
  it('gives simulated seconds per wall second', () => {
    expect(formatSpeed(120_000, 1000)).toBe('120x');
    expect(formatSpeed(60_000, 4000)).toBe('15.0x');
    expect(formatSpeed(500, 1000)).toBe('0.50x');
  });

  it('shows a dash without wall time', () => {
    expect(formatSpeed(1000, 0)).toBe('—');
  });
});
