import { describe, expect, it } from 'vitest';
import { formatNodelist } from './nodelist.ts';

describe('formatNodelist (%*pbl)', () => {
  it('prints an empty mask as the empty string', () => {
    expect(formatNodelist([])).toBe('');
  });

  it('prints consecutive nodes as a range, even a range of two', () => {
    expect(formatNodelist([2, 3])).toBe('2-3');
    expect(formatNodelist([0, 1, 2, 3])).toBe('0-3');
  });

  it('separates gaps with commas', () => {
    expect(formatNodelist([1, 3])).toBe('1,3');
    expect(formatNodelist([0, 1, 3, 5, 6, 7])).toBe('0-1,3,5-7');
  });

  it('sorts and deduplicates its input like a bitmap would', () => {
    expect(formatNodelist([3, 1, 2, 3])).toBe('1-3');
  });
});
