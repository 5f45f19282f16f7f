import { describe, expect, it } from 'vitest';
import { cellAt, heatLevel, heatRgb } from './heat-scale.ts';

describe('the heatmap colour scale', () => {
  it('is logarithmic: a thousandth of the most is halfway up a million-reference scale', () => {
    expect(heatLevel(0, 1e6)).toBe(0);
    expect(heatLevel(1e6, 1e6)).toBe(1);
    expect(heatLevel(1e3, 1e6)).toBeCloseTo(0.5, 2);
    expect(heatLevel(5, 0)).toBe(0);
  });

  it('runs from the first stop to the last, and is brighter the hotter', () => {
    expect(heatRgb(0)).toEqual([0x1b, 0x1f, 0x3a]);
    expect(heatRgb(1)).toEqual([0xfd, 0xe7, 0x25]);
    const brightness = (l: number) => heatRgb(l).reduce((a, b) => a + b, 0);
    expect(brightness(0.25)).toBeLessThan(brightness(0.75));
  });

  it('finds the cell under a point and nothing outside the plot', () => {
    expect(cellAt(0, 0, 10, 64)).toEqual({ column: 0, bucket: 0 });
    expect(cellAt(0.999, 0.5, 10, 64)).toEqual({ column: 9, bucket: 32 });
    expect(cellAt(1, 0.5, 10, 64)).toBeNull();
    expect(cellAt(0.5, -0.1, 10, 64)).toBeNull();
  });
});
