import { describe, expect, it } from 'vitest';
import { DEFAULT_MEMORY_PRICES, memoryCost, memoryPrices } from './memory-cost.ts';

const GIB = 2 ** 30;

describe('the memory cost model', () => {
  it('prices each kind by its GiB and compares with the same GiB all in DRAM', () => {
    // 4 GiB DRAM at 4 + 8 GiB CXL at 2.5 = 16 + 20 = 36 USD; all in DRAM 12 * 4 = 48; saved 12/48.
    const cost = memoryCost(
      [
        { memory: 'dram', capacityBytes: 4 * GIB },
        { memory: 'cxl', capacityBytes: 8 * GIB },
      ],
      memoryPrices({ dram: 4, cxl: 2.5 }),
    );
    expect(cost.gib).toEqual({ dram: 4, pmem: 0, cxl: 8, hbm: 0 });
    expect(cost.totalUsd).toBeCloseTo(36, 12);
    expect(cost.allDramUsd).toBeCloseTo(48, 12);
    expect(cost.savedShare).toBeCloseTo(0.25, 12);
  });

  it("takes the machine's prices over the defaults, kind by kind", () => {
    const prices = memoryPrices({ pmem: 1 });
    expect(prices).toEqual({ ...DEFAULT_MEMORY_PRICES, pmem: 1 });
    // 512 MiB of PMEM at 1 USD/GiB plus 1.5 GiB of DRAM at the default 4: 0.5 + 6.
    const cost = memoryCost(
      [
        { memory: 'pmem', capacityBytes: GIB / 2 },
        { memory: 'dram', capacityBytes: 1.5 * GIB },
      ],
      prices,
    );
    expect(cost.totalUsd).toBeCloseTo(6.5, 12);
    expect(cost.savedShare).toBeCloseTo(1 - 6.5 / 8, 12);
  });

  it('saves nothing on an all-DRAM machine', () => {
    const cost = memoryCost([{ memory: 'dram', capacityBytes: 2 * GIB }], memoryPrices(undefined));
    expect(cost.totalUsd).toBeCloseTo(2 * DEFAULT_MEMORY_PRICES.dram, 12);
    expect(cost.savedShare).toBe(0);
  });
});
