import { describe, expect, it } from 'vitest';
import { formatSize, parseSize, readSize } from './units.ts';

describe('readSize', () => {
  it('reads K, M, G and T as binary, spelled as memparse or as IEC', () => {
    expect(parseSize('4k')).toBe(4096);
    expect(parseSize('4KiB')).toBe(4096);
    expect(parseSize('384MiB')).toBe(402_653_184);
    expect(parseSize('384M')).toBe(402_653_184);
    expect(parseSize('0.5G')).toBe(536_870_912);
    expect(parseSize('1.5 GiB')).toBe(1_610_612_736);
    expect(parseSize('2TiB')).toBe(2_199_023_255_552);
    expect(parseSize('.5g')).toBe(536_870_912);
  });

  it('reads bare numbers and "B" as bytes', () => {
    expect(parseSize(4096)).toBe(4096);
    expect(parseSize('4096')).toBe(4096);
    expect(parseSize('500000000 B')).toBe(500_000_000);
  });

  it('refuses kB, MB, GB and TB, giving both readings and what to write for each', () => {
    expect(readSize('0.5GB')).toEqual({
      ok: false,
      ambiguous: true,
      reason:
        '"0.5GB" is ambiguous: 500000000 bytes in SI units, 536870912 as the kernel reads "0.5G"; ' +
        'write 0.5GiB or 0.5G for binary, or 500000000 for decimal bytes',
    });
    expect(readSize('64 kB')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^"64 kB" is ambiguous: 64000 bytes in SI units, 65536 as/) as unknown,
    });
    expect(parseSize('100MB')).toBeNull();
    expect(parseSize('1tb')).toBeNull();
  });

  it('names an unknown unit and text that is not a size', () => {
    expect(readSize('3 furlongs')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^unknown unit "furlongs"; K\/KiB = 1024 bytes/) as unknown,
    });
    expect(readSize('lots')).toEqual({ ok: false, reason: '"lots" is not a number with an optional unit' });
    expect(parseSize(Number.NaN)).toBeNull();
    expect(parseSize(null)).toBeNull();
  });
});

describe('formatSize', () => {
  it('prints the largest binary unit that keeps the number at least 1', () => {
    expect(formatSize(4096)).toBe('4KiB');
    expect(formatSize(1_610_612_736)).toBe('1.5GiB');
    expect(formatSize(1000)).toBe('1000B');
  });
});
