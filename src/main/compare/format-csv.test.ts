import { describe, expect, it } from 'vitest';
import { compareRuns, type RunGroup } from './compare.ts';
import { formatComparisonCsv } from './format-csv.ts';
import { makeRun, makeTask } from '../../../tests/support/main/compare.ts';

function latencyGroup(label: string, latenciesNs: number[]): RunGroup {
  return {
    label,
    results: latenciesNs.map((ns, seed) => makeRun({ seed, tasks: [makeTask({ meanLatencyNs: ns })] })),
  };
}

describe('formatComparisonCsv', () => {
  const csv = formatComparisonCsv(
    compareRuns([latencyGroup('base', [100, 102, 98]), latencyGroup('slow', [200, 202, 198])], {
      metrics: ['latency'],
    }),
  );
  const lines = csv.trimEnd().split('\n');

  it('writes one row per metric, group and statistic under one header', () => {
    expect(lines[0]).toBe(
      'metric,unit,higher_is_better,mean_kind,group,is_baseline,statistic,value,pct_diff,significant',
    );
    expect(lines).toHaveLength(1 + 8 + 9); // the baseline's 8 statistics, the other group's 8 and its cidiff
  });

  it('gives the difference and the significance mark outside the baseline only', () => {
    expect(lines).toContain('latency,ns,false,amean,base,true,mean,100,,');
    expect(lines).toContain('latency,ns,false,amean,slow,false,mean,200,-100,true');
  });

  it('gives the interval bounds of the mean', () => {
    expect(lines).toContain('latency,ns,false,amean,base,true,ci_low,96.0800720309199,,'); // 100 - 1.959964 x 2
  });

  it('leaves a statistic that is not defined empty, which pandas reads as NaN', () => {
    const single = formatComparisonCsv(compareRuns([latencyGroup('one', [100])], { metrics: ['latency'] }));
    expect(single.split('\n')).toContain('latency,ns,false,amean,one,true,stddev,,,');
  });
});
