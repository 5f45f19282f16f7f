// The access heatmap's zoom in two directions: a visible span of columns (time) and of buckets
// (addresses), each null for all of it, in cell units so a span never narrows past one cell.
// Example, 10 columns: + about the centre shows 2.5..7.5; a drag over 3.2..3.4 widens to 2.8..3.8.
import { clampRange, keyZoom, panBy, zoomAround, type XRange } from './zoom-range.ts';

export interface HeatZoom {
  x: XRange | null;
  y: XRange | null;
}

export const WHOLE: HeatZoom = { x: null, y: null };

/** A range fitted to 0..cells and no narrower than one cell (widened about its centre). */
export function fitCells(r: XRange | null, cells: number): XRange | null {
  if (!r || !(cells > 0)) return null;
  const span = Math.max(r.max - r.min, 1);
  const centre = (r.min + r.max) / 2;
  return clampRange({ min: centre - span / 2, max: centre + span / 2 }, { min: 0, max: cells });
}

/** What is on screen: the range, or all cells. */
export function visible(r: XRange | null, cells: number): XRange {
  return r ?? { min: 0, max: cells };
}

/** Zoom one direction by `factor` about `anchor` (in cells). */
export function zoomCells(r: XRange | null, cells: number, anchor: number, factor: number): XRange | null {
  return fitCells(zoomAround(r, { min: 0, max: cells }, anchor, factor), cells);
}

const ADDRESS_PAN = 0.2;

/**
 * A key on the focused heatmap: + - and the left/right arrows work on time as in the time charts,
 * up/down pan the addresses, PageUp/PageDown zoom them in and out, 0, Home or Escape show it all.
 * Undefined: not a zoom key.
 */
export function heatKey(key: string, shift: boolean, z: HeatZoom, columns: number, buckets: number) {
  const rows = { min: 0, max: buckets };
  const centre = (r: XRange | null) => {
    const v = visible(r, buckets);
    return (v.min + v.max) / 2;
  };
  switch (key) {
    case 'ArrowUp':
      return { ...z, y: fitCells(panBy(z.y, rows, shift ? -1 : -ADDRESS_PAN), buckets) };
    case 'ArrowDown':
      return { ...z, y: fitCells(panBy(z.y, rows, shift ? 1 : ADDRESS_PAN), buckets) };
    case 'PageUp':
      return { ...z, y: zoomCells(z.y, buckets, centre(z.y), 0.5) };
    case 'PageDown':
      return { ...z, y: zoomCells(z.y, buckets, centre(z.y), 2) };
    case '0':
    case 'Home':
      return WHOLE;
    case 'Escape':
      return z.x || z.y ? WHOLE : undefined;
  }
  const x = keyZoom(key, shift, z.x, { min: 0, max: columns });
  return x === undefined ? undefined : { ...z, x: fitCells(x, columns) };
}
