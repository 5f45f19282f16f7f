import { describe, expect, it } from 'vitest';
import { csvRows } from './csv-rows.ts';

/** What the export wrote before csvRows: JavaScript's own number formatting through join. */
function joined(lead: string, rows: (number | null)[][]): string {
  const lines = rows.map((row) => lead + row.join(','));
  return lines.length ? lines.join('\n') + '\n' : '';
}

describe('csvRows', () => {
  it('writes integers, negatives, zero and nulls as join does', () => {
    const rows = [
      [0, 7, 10, 99, 100, 65535, 2 ** 31 - 1, 2 ** 31, 2 ** 32 + 5],
      [-1, -10, -(2 ** 31), -(2 ** 40) - 3, null, 12, null],
      [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1_000_000_000_000_000],
    ];
    expect(csvRows('3,', rows)).toBe(joined('3,', rows));
    expect(csvRows('3,', rows)).toContain('\n3,-1,-10,-2147483648,-1099511627779,,12,\n');
  });

  it('writes -0 as "0", as String(-0) does', () => {
    expect(csvRows('', [[-0, 1]])).toBe('0,1\n');
  });

  it('writes what is not a safe integer through String()', () => {
    const rows = [[0.1, 1 / 3, -2.5e-7, 2 ** 53, 2 ** 53 + 2, 1e21, 1.5e300, Infinity, -Infinity, 5e-324]];
    expect(csvRows('12,', rows)).toBe(joined('12,', rows));
    expect(csvRows('', [[0.1, 1e21]])).toBe('0.1,1e+21\n');
  });

  it('writes nothing for no rows, and a bare newline for an empty row', () => {
    expect(csvRows('1,', [])).toBe('');
    expect(csvRows('', [[]])).toBe('\n');
  });

  it('keeps every byte when the rows outgrow its buffer (and after it grew)', () => {
    const rows = Array.from({ length: 5000 }, (_, r) =>
      Array.from({ length: 99 }, (_, c) => (c % 13 === 0 ? r * 0.001 + c : -(r * 99 + c) * 7919)),
    );
    const once = csvRows('42,', rows);
    expect(once.length).toBeGreaterThan(4 << 20);
    expect(once).toBe(joined('42,', rows));
    expect(csvRows('42,', rows.slice(0, 2))).toBe(joined('42,', rows.slice(0, 2)));
  });
});
