import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../shared/result.ts';
import { compareFigures } from './agreement.ts';

/** A run whose only figures are the given vmstat counters and one task's latency. */
const run = (pgfault: number, latency: number) =>
  ({
    vmstat: { pgfault },
    pingPong: { promotedThenDemoted: 0, demotedThenPromoted: 0 },
    tasks: [
      {
        name: 't',
        references: 0,
        throughput: 0,
        meanLatencyNs: latency,
        fastTierHitRatio: 0,
        residentPages: {},
      },
    ],
  }) as unknown as RunResult;

describe('engine agreement', () => {
  it('passes means within 3 standard errors plus 2% plus 20 events, and fails beyond', () => {
    // exact 1000 ± 0 (no spread) against 1039: allowed 0 + 2% of 1039 (20.78) + 20 = 40.78.
    const near = compareFigures([run(1000, 100), run(1000, 100)], [run(1039, 100), run(1039, 100)]);
    expect(near.find((r) => r.figure === 'pgfault')).toMatchObject({ pass: true, allowed: 40.78 });
    const far = compareFigures([run(1000, 100), run(1000, 100)], [run(1041, 100), run(1041, 100)]);
    expect(far.find((r) => r.figure === 'pgfault')!.pass).toBe(false);
  });

  it('gives latencies no allowance of events, and counts the spread of both engines', () => {
    // a: 100, 110 -> mean 105, se 5; b: 104 ± 0. allowed 3 * 5 + 2% of 105 = 17.1.
    const rows = compareFigures([run(0, 100), run(0, 110)], [run(0, 104), run(0, 104)]);
    const lat = rows.find((r) => r.figure === 't.mean_latency_ns')!;
    expect(lat.seA).toBeCloseTo(5, 12);
    expect(lat.allowed).toBeCloseTo(17.1, 12);
    expect(
      compareFigures([run(0, 100), run(0, 100)], [run(0, 103), run(0, 103)]).find(
        (r) => r.figure === 't.mean_latency_ns',
      )!.pass,
    ).toBe(false);
  });
});
