import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  MIN_HEIGHT,
  MIN_WIDTH,
  parseWindowState,
  placeWindow,
  type Rect,
  type WindowState,
} from './window-state.ts';

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
const right: Rect = { x: 1920, y: 0, width: 2560, height: 1440 };
const saved = (x: number, y: number, width: number, height: number, maximized = false): WindowState => ({
  bounds: { x, y, width, height },
  maximized,
});

describe('parseWindowState', () => {
  it('accepts a well-formed state', () => {
    expect(parseWindowState({ bounds: { x: -10, y: 20, width: 900, height: 600 }, maximized: true })).toEqual(
      saved(-10, 20, 900, 600, true),
    );
  });

  it('drops fields it does not know', () => {
    const raw = { bounds: { x: 1, y: 2, width: 900, height: 600, z: 3 }, maximized: false, extra: 'x' };
    expect(parseWindowState(raw)).toEqual(saved(1, 2, 900, 600));
  });

  it.each([
    ['null', null],
    ['a string', 'window'],
    ['no bounds', { maximized: false }],
    ['no maximized flag', { bounds: { x: 0, y: 0, width: 900, height: 600 } }],
    ['a fractional x', { bounds: { x: 0.5, y: 0, width: 900, height: 600 }, maximized: false }],
    ['a string width', { bounds: { x: 0, y: 0, width: '900', height: 600 }, maximized: false }],
    ['a zero height', { bounds: { x: 0, y: 0, width: 900, height: 0 }, maximized: false }],
    ['an absurd coordinate', { bounds: { x: 1e9, y: 0, width: 900, height: 600 }, maximized: false }],
    ['NaN', { bounds: { x: NaN, y: 0, width: 900, height: 600 }, maximized: false }],
  ])('refuses %s', (_name, raw) => {
    expect(parseWindowState(raw)).toBeNull();
  });
});

describe('placeWindow', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    expect(placeWindow(null, [primary], primary)).toEqual(
      saved((1920 - DEFAULT_WIDTH) / 2, (1080 - DEFAULT_HEIGHT) / 2, DEFAULT_WIDTH, DEFAULT_HEIGHT),
    );
  });

  it('reopens a window that is wholly visible exactly where it was', () => {
    expect(placeWindow(saved(100, 100, 1200, 800), [primary], primary)).toEqual(saved(100, 100, 1200, 800));
  });

  it('moves a window that hangs off the edges back inside, the least distance', () => {
    expect(placeWindow(saved(1000, 500, 1600, 1000), [primary], primary)).toEqual(saved(320, 80, 1600, 1000));
  });

  it('centres a window from a monitor that is gone on the primary display, keeping its size', () => {
    expect(placeWindow(saved(2500, 100, 1200, 800), [primary], primary)).toEqual(saved(360, 140, 1200, 800));
  });

  it('keeps a window on a second monitor that is still attached', () => {
    expect(placeWindow(saved(2500, 100, 1200, 800), [primary, right], primary)).toEqual(
      saved(2500, 100, 1200, 800),
    );
  });

  it('puts a window spanning two monitors on the one that shows more of it', () => {
    const placed = placeWindow(saved(1500, 100, 1200, 800), [primary, right], primary);
    expect(placed.bounds).toEqual({ x: 1920, y: 100, width: 1200, height: 800 });
  });

  it('shrinks a window larger than its display to fit it', () => {
    expect(placeWindow(saved(-50, -50, 3000, 2000), [primary], primary)).toEqual(saved(0, 0, 1920, 1080));
  });

  it('grows a window below the minimum size, unless the display is smaller still', () => {
    expect(placeWindow(saved(10, 10, 100, 100), [primary], primary).bounds).toEqual({
      x: 10,
      y: 10,
      width: MIN_WIDTH,
      height: MIN_HEIGHT,
    });
    const tiny: Rect = { x: 0, y: 0, width: 640, height: 480 };
    expect(placeWindow(saved(0, 0, 100, 100), [tiny], tiny).bounds).toEqual(tiny);
  });

  it('keeps the maximized flag and respects a work area that does not start at the origin', () => {
    const left: Rect = { x: -1280, y: 24, width: 1280, height: 776 };
    const placed = placeWindow(saved(-1300, 0, 900, 600, true), [primary, left], primary);
    expect(placed).toEqual(saved(-1280, 24, 900, 600, true));
  });

  it('always returns bounds wholly inside one work area', () => {
    const areas = [primary, right];
    for (const [x, y, w, h] of [
      [-5000, -5000, 800, 600],
      [1900, 1070, 5000, 5000],
      [4470, 1430, 900, 700],
      [0, 0, 1, 1],
    ] as const) {
      const { bounds: b } = placeWindow(saved(x, y, w, h), areas, primary);
      const inAny = areas.some(
        (a) => b.x >= a.x && b.y >= a.y && b.x + b.width <= a.x + a.width && b.y + b.height <= a.y + a.height,
      );
      expect(inAny, JSON.stringify(b)).toBe(true);
    }
  });
});
