import { describe, expect, it } from 'vitest';
import { runProgressLabel } from './progress.ts';

describe("tierlab run's progress line", () => {
  it('shows no time left during the first wall second', () => {
    expect(runProgressLabel({ fraction: 0.1, simulatedMs: 6000, wallMs: 500 })).toBe('6.0s simulated, ETA —');
  });

  it('then the time left at the pace so far', () => {
    // 15 of 60 simulated seconds in 10 wall seconds: 45 more take 30 s.
    expect(runProgressLabel({ fraction: 0.25, simulatedMs: 15_000, wallMs: 10_000 })).toBe(
      '15.0s simulated, ETA 30s',
    );
  });
});
