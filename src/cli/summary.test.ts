import { describe, expect, it } from 'vitest';
import { makeNode, makeRun, makeTask } from '../../tests/support/main/compare.ts';
import { formatSummary } from './summary.ts';

const TRACE = {
  file: 'ls.lackey.gz',
  accesses: 100,
  loads: 60,
  stores: 30,
  modifies: 10,
  pageRefs: 1000,
  pages: 50,
  pagesWritten: 20,
  fastTierPages: 16,
  lruFastTierHitRatio: 0.5,
  optimalFastTierHitRatio: 0.625,
};

const RUN = makeRun({
  nodes: [makeNode({ id: 0 }), makeNode({ id: 1, memory: 'cxl', tier: 8, topTier: false })],
  tasks: [
    makeTask({ name: 'hot', references: 3000, hitsByNode: { '0': 2400, '1': 600 }, fastTierHitRatio: 0.8 }),
    makeTask({
      name: 'ls',
      type: 'trace',
      references: 1000,
      hitsByNode: { '0': 550, '1': 100 },
      fastTierHitRatio: 0.55,
      trace: TRACE,
    }),
  ],
});

describe('the run summary (tierlab run and show)', () => {
  it('gives the machine-wide fast-tier hit ratio as top-tier hits over all references', () => {
    expect(formatSummary(RUN)).toContain('\n  fast-tier hit ratio 73.8% (top-tier hits / all references)\n'); // 2950 of 4000
  });

  it('gives each task its hit ratio, and a trace replay LRU and MIN at the same capacity beside it', () => {
    const lines = formatSummary(RUN).split('\n');
    expect(lines).toContain('  task hot: 3000 refs, 0.00 M refs/s, 100 ns/ref, fast-tier hit ratio 80.0%');
    expect(lines).toContain(
      '  task ls: 1000 refs, 0.00 M refs/s, 100 ns/ref, fast-tier hit ratio 55.0% (at 16 top-tier pages: LRU 50.0%, MIN 62.5%)',
    );
  });

  it('gives no machine-wide ratio for a run without references', () => {
    expect(formatSummary(makeRun({ tasks: [] }))).not.toContain('hit ratio');
  });
});
