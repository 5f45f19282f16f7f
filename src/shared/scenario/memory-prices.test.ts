import { describe, expect, it } from 'vitest';
import { editedExample, errorsOf, resolves } from '../../../tests/support/shared/scenario.ts';
import { toScenarioFile } from './serialize.ts';

describe('machine.memoryPrices', () => {
  it('carries the prices it names through resolving and back into the file', () => {
    const s = resolves(editedExample([['machine', 'memoryPrices'], { dram: 3.2, cxl: 1 }]));
    expect(s.machine.memoryPrices).toEqual({ dram: 3.2, cxl: 1 });
    expect(toScenarioFile(s).machine.memoryPrices).toEqual({
      dram: 3.2,
      cxl: 1,
    });
  });

  it('is absent from a machine that names none', () => {
    expect(resolves(editedExample()).machine.memoryPrices).toBeUndefined();
  });

  it.each([
    [
      'a negative price',
      { dram: -1 },
      'machine.memoryPrices.dram: must be a finite price of at least 0 USD per GiB (got -1)',
    ],
    ['a price as text', { pmem: '2' }, 'machine.memoryPrices.pmem: must be a price in USD per GiB (got "2")'],
    ['a kind that does not exist', { sram: 9 }, 'machine.memoryPrices'],
  ])('refuses %s, naming the field', (_what, prices, message) => {
    const errors = errorsOf(editedExample([['machine', 'memoryPrices'], prices]));
    expect(errors.map((e) => `${e.path}: ${e.message}`)[0]).toContain(message);
  });
});
