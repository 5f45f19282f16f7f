import { describe, expect, it } from 'vitest';
import { copyName } from './copy-name.ts';

describe('copyName', () => {
  it('numbers a first copy 2', () => {
    expect(copyName('usemem, demotion on', [])).toBe('usemem, demotion on (2)');
  });

  it('counts on from a copy instead of nesting numbers', () => {
    expect(copyName('usemem (2)', [])).toBe('usemem (3)');
  });

  it('skips names already saved', () => {
    expect(copyName('usemem', ['usemem', 'usemem (2)', 'usemem (3)'])).toBe('usemem (4)');
  });

  it('names a copy of an unnamed scenario', () => {
    expect(copyName('  ', [])).toBe('scenario (2)');
  });
});
