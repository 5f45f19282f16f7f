import { describe, expect, it } from 'vitest';
import { price, withPrice } from './memory-price-edits.ts';

describe('memory price edits', () => {
  it('reads a price typed bare or with its unit, and nothing else', () => {
    expect(price('3.5')).toBe(3.5);
    expect(price(' 2 USD/GiB ')).toBe(2);
    expect(price('4usd')).toBe(4);
    expect(price('cheap')).toBeNull();
    expect(price('-1')).toBeNull();
  });

  it('sets one kind, keeps the others, and drops the field when the last is cleared', () => {
    expect(withPrice(undefined, 'cxl', 1.5)).toEqual({ cxl: 1.5 });
    expect(withPrice({ cxl: 1.5 }, 'dram', 3)).toEqual({ cxl: 1.5, dram: 3 });
    expect(withPrice({ cxl: 1.5, dram: 3 }, 'cxl', undefined)).toEqual({ dram: 3 });
    expect(withPrice({ dram: 3 }, 'dram', undefined)).toBeUndefined();
  });
});
