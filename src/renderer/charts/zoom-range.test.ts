import { describe, expect, it } from 'vitest';
import {
  axisBounds,
  centreOf,
  clampRange,
  dragRange,
  keyZoom,
  MIN_SPAN_FRACTION,
  panBy,
  zoomAround,
} from './zoom-range.ts';

const B = { min: 0, max: 100 };

describe('zoom range', () => {
  it('spans the run when its end is known, else the last sample drawn', () => {
    const series = [
      {
        points: [
          { x: 0, y: 1 },
          { x: 7.5, y: 2 },
        ],
      },
      { points: [{ x: 9, y: 0 }] },
    ];
    expect(axisBounds(series, 60)).toEqual({ min: 0, max: 60 });
    expect(axisBounds(series)).toEqual({ min: 0, max: 9 });
    expect(axisBounds([{ points: [] }])).toBeNull();
  });

  it('selects the dragged range whichever way the mouse went', () => {
    expect(dragRange(30, 10, B)).toEqual({ min: 10, max: 30 });
    expect(dragRange(10, 30, B)).toEqual({ min: 10, max: 30 });
  });

  it('slides a range that sticks out back inside, keeping its width', () => {
    expect(clampRange({ min: 90, max: 120 }, B)).toEqual({ min: 70, max: 100 });
    expect(clampRange({ min: -10, max: 5 }, B)).toEqual({ min: 0, max: 15 });
  });

  it('turns a range as wide as the axis into the whole view', () => {
    expect(clampRange({ min: -5, max: 200 }, B)).toBeNull();
    expect(clampRange({ min: 0, max: 100 }, B)).toBeNull();
  });

  it('widens a range narrower than the finest zoom about its centre', () => {
    const r = clampRange({ min: 50, max: 50 }, B)!;
    expect(r.max - r.min).toBeCloseTo(100 * MIN_SPAN_FRACTION);
    expect((r.min + r.max) / 2).toBeCloseTo(50);
  });

  it('zooms about the centre, keeping the anchor where it was', () => {
    const once = zoomAround(null, B, centreOf(null, B), 0.5);
    expect(once).toEqual({ min: 25, max: 75 });
    // 30 is a tenth of the way across 25..75, and still is across 27.5..52.5.
    expect(zoomAround(once, B, 30, 0.5)).toEqual({ min: 27.5, max: 52.5 });
  });

  it('zooms back out to the whole view and no further', () => {
    const narrow = { min: 40, max: 60 };
    expect(zoomAround(narrow, B, 50, 2)).toEqual({ min: 30, max: 70 });
    expect(zoomAround(narrow, B, 50, 100)).toBeNull();
  });

  it('pans by a fraction of the view and stops at the ends', () => {
    expect(panBy({ min: 20, max: 40 }, B, 0.5)).toEqual({ min: 30, max: 50 });
    expect(panBy({ min: 20, max: 40 }, B, -5)).toEqual({ min: 0, max: 20 });
    expect(panBy({ min: 80, max: 90 }, B, 3)).toEqual({ min: 90, max: 100 });
    expect(panBy(null, B, 0.5)).toBeNull();
  });
});

describe('zoom keys', () => {
  it('zoom in and out about the centre of the view', () => {
    expect(keyZoom('+', false, null, B)).toEqual({ min: 25, max: 75 });
    expect(keyZoom('=', false, { min: 60, max: 80 }, B)).toEqual({ min: 65, max: 75 });
    expect(keyZoom('-', false, { min: 60, max: 80 }, B)).toEqual({ min: 50, max: 90 });
    expect(keyZoom('-', false, { min: 25, max: 75 }, B)).toBeNull();
  });

  it('pan a fifth of the view with arrows, a whole view with Shift', () => {
    expect(keyZoom('ArrowRight', false, { min: 20, max: 30 }, B)).toEqual({ min: 22, max: 32 });
    expect(keyZoom('ArrowLeft', true, { min: 20, max: 30 }, B)).toEqual({ min: 10, max: 20 });
  });

  it('reset with 0, Home, or Escape when zoomed, and leave other keys to the page', () => {
    const r = { min: 20, max: 30 };
    expect(keyZoom('0', false, r, B)).toBeNull();
    expect(keyZoom('Home', false, r, B)).toBeNull();
    expect(keyZoom('Escape', false, r, B)).toBeNull();
    expect(keyZoom('Escape', false, null, B)).toBeUndefined();
    expect(keyZoom('a', false, r, B)).toBeUndefined();
  });
});
