import { describe, expect, it } from 'vitest';
import { hotPositionSchema, sizeSchema } from './fields.ts';

const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues[0]?.message;

describe('size fields', () => {
  it('read binary units as the kernel does', () => {
    expect(sizeSchema.parse('0.5G')).toBe(536_870_912);
    expect(sizeSchema.parse('384MiB')).toBe(402_653_184);
  });

  it('refuse an SI unit saying why and what to write instead', () => {
    expect(messageOf(sizeSchema.safeParse('0.5GB'))).toBe(
      '"0.5GB" is ambiguous: 500000000 bytes in SI units, 536870912 as the kernel reads "0.5G"; ' +
        'write 0.5GiB or 0.5G for binary, or 500000000 for decimal bytes',
    );
    expect(messageOf(hotPositionSchema.safeParse('64MB'))).toMatch(/^"64MB" is ambiguous/);
  });

  it('keep the general rule for text that is not a size at all', () => {
    expect(messageOf(sizeSchema.safeParse('big'))).toBe(
      'must be a positive size such as "384MiB" or a number of bytes (got "big")',
    );
  });
});
