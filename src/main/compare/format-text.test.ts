import { describe, expect, it } from 'vitest';
import { compareRuns, type RunGroup } from './compare.ts';
import { formatComparisonText } from './format-text.ts';
import { makeRun, makeTask } from '../../../tests/support/main/compare.ts';

function latencyGroup(label: string, latenciesNs: number[]): RunGroup {
  return {
    label,
    results: latenciesNs.map((ns, seed) => makeRun({ seed, tasks: [makeTask({ meanLatencyNs: ns })] })),
  };
}

function render(groups: RunGroup[]): string[] {
  return formatComparisonText(compareRuns(groups, { metrics: ['latency'] })).split('\n');
}

describe('formatComparisonText', () => {
  it('prints a significant mean difference between asterisks instead of parentheses', () => {
    const lines = render([latencyGroup('base', [100, 102, 98]), latencyGroup('slow', [200, 202, 198])]);
    expect(lines).toContain('Amean    latency      100.00 (   0.00%)      200.00 *-100.00%*');
  });

  it('keeps parentheses for a mean that is not significantly different', () => {
    const lines = render([latencyGroup('base', [100, 102, 98]), latencyGroup('close', [101, 105, 103])]);
    expect(lines).toContain('Amean    latency      100.00 (   0.00%)      103.00 (  -3.00%)');
  });

  it('lays out statistics then metrics under right-aligned group names, like compare-mmtests', () => {
    const lines = render([latencyGroup('base', [100, 102, 98]), latencyGroup('slow', [200, 202, 198])]);
    // 8 + 1 + 7 columns of row heading, then cells 12 + 11 wide.
    expect(lines).toEqual([
      '                                   base                   slow',
      'Min      latency       98.00 (   0.00%)      198.00 (-102.04%)',
      'Amean    latency      100.00 (   0.00%)      200.00 *-100.00%*',
      'Stddev   latency        2.00 (   0.00%)        2.00 (   0.00%)',
      'CoeffVar latency        2.00 (   0.00%)        1.00 (  50.00%)',
      'Max      latency      102.00 (   0.00%)      202.00 ( -98.04%)',
      // Twice 100 ns slower over a pooled stddev of 2: d = -50 (lower latency is better).
      `EffectD  latency${' '.repeat(23)}${'d=-50.00'.padStart(23)}`,
      '',
    ]);
  });

  it('says "new" against a zero baseline instead of a percentage', () => {
    const groups: RunGroup[] = [
      { label: 'base', results: [0, 1].map((seed) => makeRun({ seed }, { pgdemote_kswapd: 0 })) },
      { label: 'tiered', results: [0, 1].map((seed) => makeRun({ seed }, { pgdemote_kswapd: 100 })) },
    ];
    const lines = formatComparisonText(compareRuns(groups, { metrics: ['vmstat:pgdemote_kswapd'] })).split(
      '\n',
    );
    expect(lines.find((l) => l.startsWith('Amean'))).toMatch(/0\.00 \(   0\.00%\)\s+100\.00 \(    new\)$/);
  });

  it('prints "-" for what is not defined', () => {
    const lines = render([latencyGroup('base', [100]), { label: 'idle', results: [makeRun({ tasks: [] })] }]);
    expect(lines).toContain('Amean    latency      100.00 (   0.00%)           - (       -)');
    expect(lines).toContain('Stddev   latency           - (       -)           - (       -)');
  });
});
