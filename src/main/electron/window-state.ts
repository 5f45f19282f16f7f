// Where the main window reopens: the saved bounds, validated, then placed on a display that is still
// attached and shrunk to fit it, so a window closed on an unplugged monitor comes back visible.
//
// Worked examples, with one 1920x1080 display at (0,0):
// - saved 1200x800 at (100,100): reopens there, unchanged;
// - saved 1600x1000 at (1000,500), partly off the right and bottom edges: moved inside, to (320,80);
// - saved at (2500,100) on a second monitor that is gone: centred on the primary display, same size.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;
export const DEFAULT_WIDTH = 1280;
export const DEFAULT_HEIGHT = 820;

/** No display is this far from the origin; a larger number is a damaged file. */
const MAX_COORD = 100_000;

function isCoord(v: unknown): v is number {
  return Number.isInteger(v) && Math.abs(v as number) <= MAX_COORD;
}

function isSize(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) > 0 && (v as number) <= MAX_COORD;
}

/** The state stored in the file, or null for anything that is not exactly one. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as Record<string, unknown>;
  if (typeof bounds !== 'object' || bounds === null || typeof maximized !== 'boolean') return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isCoord(x) || !isCoord(y) || !isSize(width) || !isSize(height)) return null;
  return { bounds: { x, y, width, height }, maximized };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** `size` clamped to [min, available], where a display smaller than the minimum wins. */
function fit(size: number, min: number, available: number): number {
  return Math.min(Math.max(size, min), available);
}

function centred(width: number, height: number, area: Rect): Rect {
  const w = fit(width, MIN_WIDTH, area.width);
  const h = fit(height, MIN_HEIGHT, area.height);
  return {
    x: area.x + Math.floor((area.width - w) / 2),
    y: area.y + Math.floor((area.height - h) / 2),
    width: w,
    height: h,
  };
}

/** `bounds` shrunk to fit `area` and moved the least distance to lie wholly inside it. */
function inside(bounds: Rect, area: Rect): Rect {
  const width = fit(bounds.width, MIN_WIDTH, area.width);
  const height = fit(bounds.height, MIN_HEIGHT, area.height);
  return {
    x: Math.min(Math.max(bounds.x, area.x), area.x + area.width - width),
    y: Math.min(Math.max(bounds.y, area.y), area.y + area.height - height),
    width,
    height,
  };
}

/**
 * Where to open the window, given the saved state (null: none or unreadable), the work areas of the
 * attached displays and the primary display's. The result lies wholly inside one work area.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  primary: Rect,
): WindowState {
  if (saved === null) return { bounds: centred(DEFAULT_WIDTH, DEFAULT_HEIGHT, primary), maximized: false };
  let best: Rect | null = null;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const o = overlap(saved.bounds, area);
    if (o > bestOverlap) [best, bestOverlap] = [area, o];
  }
  const bounds = best
    ? inside(saved.bounds, best)
    : centred(saved.bounds.width, saved.bounds.height, primary);
  return { bounds, maximized: saved.maximized };
}
