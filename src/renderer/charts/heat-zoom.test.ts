import { describe, expect, it } from 'vitest';
import { fitCells, heatKey, WHOLE, zoomCells } from './heat-zoom.ts';

describe('the heatmap’s zoom', () => {
  it('never narrows past one cell, and is the whole axis when as wide as it', () => {
    expect(fitCells({ min: 3.2, max: 3.4 }, 10)).toEqual({ min: 2.8, max: 3.8 });
    expect(fitCells({ min: -1, max: 12 }, 10)).toBeNull();
    expect(fitCells({ min: 9.8, max: 10.2 }, 10)).toEqual({ min: 9, max: 10 });
  });

  it('zooms time with + and - about the centre, and pans it with the arrows', () => {
    const z = heatKey('+', false, WHOLE, 10, 64)!;
    expect(z).toEqual({ x: { min: 2.5, max: 7.5 }, y: null });
    expect(heatKey('ArrowRight', false, z, 10, 64)!.x).toEqual({ min: 3.5, max: 8.5 });
    expect(heatKey('-', false, z, 10, 64)!.x).toBeNull();
  });

  it('zooms addresses with PageUp and PageDown and pans them with up and down', () => {
    const z = heatKey('PageUp', false, WHOLE, 10, 64)!;
    expect(z.y).toEqual({ min: 16, max: 48 });
    expect(heatKey('ArrowDown', false, z, 10, 64)!.y).toEqual({ min: 22.4, max: 54.4 });
    expect(heatKey('ArrowUp', true, z, 10, 64)!.y).toEqual({ min: 0, max: 32 });
    expect(heatKey('PageDown', false, z, 10, 64)!.y).toBeNull();
  });

  it('resets both with 0, and with Escape only when zoomed', () => {
    const z = { x: { min: 1, max: 2 }, y: { min: 4, max: 8 } };
    expect(heatKey('0', false, z, 10, 64)).toEqual(WHOLE);
    expect(heatKey('Escape', false, z, 10, 64)).toEqual(WHOLE);
    expect(heatKey('Escape', false, WHOLE, 10, 64)).toBeUndefined();
    expect(heatKey('a', false, z, 10, 64)).toBeUndefined();
  });

  it('zooms about an anchor that stays where it is', () => {
    expect(zoomCells(null, 64, 16, 0.5)).toEqual({ min: 8, max: 40 });
  });
});
