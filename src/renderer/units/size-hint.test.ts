import { describe, expect, it } from 'vitest';
import { sizeHint } from './size-hint.ts';

describe('sizeHint', () => {
  it('says the bytes a size means when no page size applies', () => {
    expect(sizeHint(536_870_912)).toBe(`${(536_870_912).toLocaleString()} bytes`);
  });

  it('counts whole pages, and names the bytes a part page drops', () => {
    expect(sizeHint(402_653_184, 4096)).toBe(`${(98_304).toLocaleString()} pages`);
    // 0.5 GB in SI bytes is 122,070 pages of 4 KiB and 1,280 bytes over (122,070 x 4,096 = 499,998,720).
    expect(sizeHint(500_000_000, 4096)).toBe(
      `${(122_070).toLocaleString()} whole 4KiB pages; the last ${(1_280).toLocaleString()} bytes are not used`,
    );
  });
});
