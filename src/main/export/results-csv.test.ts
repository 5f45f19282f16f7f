import { describe, expect, it } from 'vitest';
import { resultsCsvHeader, resultsCsvRow } from './results-csv.ts';
import { makeRun } from '../../../tests/support/main/compare.ts';
import { memoryCost, memoryPrices } from '../../shared/memory-cost.ts';

function cells(line: string): string[] {
  return line.trim().split(',');
}

describe('the results CSV', () => {
  it("ends each row with the run's fleet metrics under their own headers", () => {
    const run = makeRun({
      fleet: {
        workingSetPages: [10, 20, 60],
        idleMsPercentiles: Array.from({ length: 101 }, (_, p) => p * 100),
        coldAgePages: [],
        strr: 0.5,
        star: null,
        // 1 GiB of PMEM at 2 USD: 2 USD against 4 all in DRAM, half saved.
        cost: memoryCost([{ memory: 'pmem', capacityBytes: 2 ** 30 }], memoryPrices({ dram: 4, pmem: 2 })),
      },
    });
    const header = cells(resultsCsvHeader());
    const row = cells(resultsCsvRow({ runId: 3, scenarioHash: 'h', status: 'done', result: run }));
    const at = (name: string) => row[header.indexOf(name)];
    expect(row).toHaveLength(header.length);
    expect(at('working_set_pages_mean')).toBe('30');
    expect(at('idle_ms_p50')).toBe('5000');
    expect(at('idle_ms_p90')).toBe('9000');
    expect(at('idle_ms_p99')).toBe('9900');
    expect(at('strr')).toBe('0.5');
    expect(at('star')).toBe(''); // no hits: missing, as pandas and R read an empty field
    expect(at('memory_cost_usd')).toBe('2');
    expect(at('dram_saved_share')).toBe('0.5');
  });

  it('leaves the fleet cells empty for a result from before them', () => {
    const header = cells(resultsCsvHeader());
    const row = cells(resultsCsvRow({ runId: 1, scenarioHash: null, status: 'done', result: makeRun() }));
    expect(row).toHaveLength(header.length);
    expect(row[header.indexOf('memory_cost_usd')]).toBe('');
  });
});
