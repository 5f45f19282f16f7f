import { describe, expect, it } from 'vitest';
import { compareRuns, type ComparisonTable, type RunGroup } from './compare.ts';
import { DEFAULT_METRICS } from './metrics.ts';
import { makeRun, makeTask, runWithThroughput } from '../../../tests/support/main/compare.ts';

function latencyGroup(label: string, latenciesNs: number[]): RunGroup {
  return {
    label,
    results: latenciesNs.map((ns, seed) => makeRun({ seed, tasks: [makeTask({ meanLatencyNs: ns })] })),
  };
}

function throughputGroup(label: string, values: number[]): RunGroup {
  return { label, results: values.map((v, seed) => runWithThroughput(v, seed)) };
}

function cell(table: ComparisonTable, metric: string, group: number) {
  const row = table.rows.find((r) => r.metric.id === metric);
  const c = row?.cells[group];
  if (!c) throw new Error(`no cell ${metric}/${group}`);
  return c;
}

describe('compareRuns', () => {
  it('averages a higher-is-better metric with Hmean and a lower-is-better one with Amean', () => {
    const group: RunGroup = {
      label: 'a',
      results: [
        makeRun({ tasks: [makeTask({ throughput: 100, meanLatencyNs: 100 })] }),
        makeRun({ tasks: [makeTask({ throughput: 300, meanLatencyNs: 300 })] }),
      ],
    };
    const table = compareRuns([group], { metrics: ['throughput', 'latency'] });
    expect(table.rows.map((r) => r.meanKind)).toEqual(['hmean', 'amean']);
    expect(cell(table, 'throughput', 0).mean).toBeCloseTo(150, 12); // 2 / (1/100 + 1/300)
    expect(cell(table, 'latency', 0).mean).toBe(200);
    expect(cell(table, 'throughput', 0)).toMatchObject({ n: 2, min: 100, max: 300 });
  });

  it('reports a gain as positive whichever direction is better', () => {
    const table = compareRuns(
      [
        throughputGroup('base', [100, 100]),
        throughputGroup('faster', [110, 110]),
        throughputGroup('slower', [90, 90]),
      ],
      { metrics: ['throughput'] },
    );
    expect(cell(table, 'throughput', 1).vsBaseline?.mean).toBeCloseTo(10, 10);
    expect(cell(table, 'throughput', 2).vsBaseline?.mean).toBeCloseTo(-10, 10);

    const latency = compareRuns([latencyGroup('base', [200, 200]), latencyGroup('quicker', [150, 150])], {
      metrics: ['latency'],
    });
    expect(cell(latency, 'latency', 1).vsBaseline?.mean).toBeCloseTo(25, 10); // pndiff: 100 - 75
  });

  it('marks clearly separated groups significant', () => {
    // Means 100 and 200, stddev 2 each: intervals 100 -/+ 3.92 and 200 -/+ 3.92.
    const table = compareRuns([latencyGroup('base', [100, 102, 98]), latencyGroup('slow', [200, 202, 198])], {
      metrics: ['latency'],
    });
    const vs = cell(table, 'latency', 1).vsBaseline;
    expect(vs?.cidiff).toBeCloseTo(12.755336423116349, 8); // 100 / (2 x 1.959964 x 2)
    expect(vs?.significant).toBe(true);
    expect(vs?.mean).toBeCloseTo(-100, 10);
  });

  it('does not mark overlapping groups significant', () => {
    const table = compareRuns(
      [latencyGroup('base', [100, 102, 98]), latencyGroup('close', [101, 105, 103])],
      {
        metrics: ['latency'],
      },
    );
    const vs = cell(table, 'latency', 1).vsBaseline;
    expect(vs?.cidiff).toBeCloseTo(0.3826600926934905, 8); // 3 / 7.84
    expect(vs?.significant).toBe(false);
  });

  it('never marks single runs significant, having no interval', () => {
    const table = compareRuns([latencyGroup('base', [100]), latencyGroup('other', [500])], {
      metrics: ['latency'],
    });
    const vs = cell(table, 'latency', 1).vsBaseline;
    expect(vs?.cidiff).toBeNaN();
    expect(vs?.significant).toBe(false);
  });

  it('compares against the chosen baseline and gives the baseline no difference of its own', () => {
    const table = compareRuns([throughputGroup('a', [110, 110]), throughputGroup('b', [100, 100])], {
      baseline: 1,
      metrics: ['throughput'],
    });
    expect(table.baseline).toBe(1);
    expect(cell(table, 'throughput', 1).vsBaseline).toBeUndefined();
    expect(cell(table, 'throughput', 0).vsBaseline?.mean).toBeCloseTo(10, 10);
  });

  it('gives the effect size in pooled stddevs, signed so positive is better, and marks tier traffic as activity', () => {
    const latencyRuns = (values: number[]): RunGroup['results'] =>
      values.map((ns, i) => makeRun({ seed: i + 1, tasks: [makeTask({ meanLatencyNs: ns })] }));
    // base Amean 12, stddev 2; other Amean 16, stddev 2: pooled sqrt((2 x 4 + 2 x 4) / 4) = 2,
    // so 4 ns slower is d = -2 (lower latency is better).
    const table = compareRuns(
      [
        { label: 'base', results: latencyRuns([10, 12, 14]) },
        { label: 'slow', results: latencyRuns([14, 16, 18]) },
      ],
      { metrics: ['latency', 'demote-mibps'] },
    );
    expect(table.rows[0]!.cells[1]!.vsBaseline?.effectSize).toBeCloseTo(-2, 12);
    expect(table.rows[0]!.metric.activity).toBeUndefined();
    expect(table.rows[1]!.metric.activity).toBe(true);
    // No spread in either group (no demotion at all): no effect size.
    expect(table.rows[1]!.cells[1]!.vsBaseline?.effectSize).toBeNaN();
  });

  it('shows the default metrics when none are asked for', () => {
    const table = compareRuns([throughputGroup('a', [1])]);
    expect(table.rows.map((r) => r.metric.id)).toEqual(DEFAULT_METRICS);
  });

  it('refuses an unknown metric or a baseline that is not a group', () => {
    const groups = [throughputGroup('a', [1])];
    expect(() => compareRuns(groups, { metrics: ['speed'] })).toThrow(/unknown metric "speed"/);
    expect(() => compareRuns(groups, { baseline: 1 })).toThrow(RangeError);
  });
});
