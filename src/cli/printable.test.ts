import { describe, expect, it } from 'vitest';
import { printable } from './printable.ts';

describe('printable text', () => {
  it('writes ANSI escapes and other control characters as \\xNN, keeping tabs, newlines and Unicode', () => {
    expect(printable('\u001b[2J\u001b[31mred\u0007')).toBe('\\x1b[2J\\x1b[31mred\\x07');
    expect(printable('a\tb\nc ü ✓')).toBe('a\tb\nc ü ✓');
    expect(printable('\u009b6n')).toBe('\\x9b6n');
  });
});
