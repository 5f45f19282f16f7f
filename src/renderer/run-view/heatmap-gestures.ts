// The gestures that zoom the access heatmap: drag a box to zoom to it (a mostly horizontal drag
// zooms time only, a vertical one addresses only), Ctrl+wheel zooms time about the pointer and
// Ctrl+Shift+wheel addresses, double-click resets; with it focused, the keys of heat-zoom.ts. A
// plain wheel still scrolls the page. Pointing at a cell reports it for the tooltip.
import type { Accessor } from 'solid-js';
import { fitCells, heatKey, WHOLE, zoomCells, type HeatZoom } from '../charts/heat-zoom.ts';
import type { XRange } from '../charts/zoom-range.ts';
import { cellPosition, cellUnder, type HeatLayout } from './heatmap-layout.ts';

/** A drag shorter than this (in screen pixels) along an axis leaves that axis as it was. */
const MIN_DRAG_PX = 5;
const WHEEL_RATE = 0.01;

export interface Hover {
  column: number;
  bucket: number;
  band: number;
}

/** The box being dragged out, in canvas coordinates. */
export interface Selection {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface HeatTarget {
  layout: Accessor<HeatLayout>;
  xs: Accessor<XRange>;
  ys: Accessor<XRange>;
  columns: Accessor<number>;
  buckets: Accessor<number>;
  zoom: Accessor<HeatZoom>;
  setZoom: (z: HeatZoom) => void;
  /** A pointer event's canvas coordinates. */
  toCanvas: (e: MouseEvent) => { x: number; y: number };
  /** Screen pixels per canvas pixel. */
  scale: () => number;
  onHover: (h: Hover | null) => void;
  onSelecting: (s: Selection | null) => void;
}

const span = (a: number, b: number): XRange => ({ min: Math.min(a, b), max: Math.max(a, b) });

/** Listens on the canvas (pointer, wheel) and its focusable frame (keys); returns the undo. */
export function makeHeatGestures(canvas: HTMLCanvasElement, frame: HTMLElement, t: HeatTarget): () => void {
  let start: { x: number; y: number } | null = null;
  const down = (e: PointerEvent) => {
    if (e.button !== 0) return;
    start = t.toCanvas(e);
    canvas.setPointerCapture(e.pointerId);
    e.preventDefault();
    frame.focus({ preventScroll: true });
  };
  const move = (e: PointerEvent) => {
    const p = t.toCanvas(e);
    if (start) t.onSelecting({ x0: start.x, y0: start.y, x1: p.x, y1: p.y });
    const cell = start ? null : cellUnder(t.layout(), p.x, p.y, t.xs(), t.ys());
    t.onHover(
      cell ? { column: cell.column, bucket: cell.bucket, band: t.layout().bands.indexOf(cell.box) } : null,
    );
  };
  const up = (e: PointerEvent) => {
    if (!start) return;
    const from = start;
    const to = t.toCanvas(e);
    start = null;
    t.onSelecting(null);
    const a = cellPosition(t.layout(), from.x, from.y, t.xs(), t.ys());
    const b = cellPosition(t.layout(), to.x, to.y, t.xs(), t.ys());
    const wide = Math.abs(to.x - from.x) * t.scale() >= MIN_DRAG_PX;
    const tall = Math.abs(to.y - from.y) * t.scale() >= MIN_DRAG_PX;
    if (!wide && !tall) return;
    const z = t.zoom();
    t.setZoom({
      x: wide ? fitCells(span(a.column, b.column), t.columns()) : z.x,
      y: tall ? fitCells(span(a.bucket, b.bucket), t.buckets()) : z.y,
    });
  };
  const wheel = (e: WheelEvent) => {
    if (!e.ctrlKey) return;
    e.preventDefault();
    const p = t.toCanvas(e);
    const pos = cellPosition(t.layout(), p.x, p.y, t.xs(), t.ys());
    const factor = Math.exp(e.deltaY * WHEEL_RATE);
    const z = t.zoom();
    if (e.shiftKey) t.setZoom({ ...z, y: zoomCells(z.y, t.buckets(), pos.bucket, factor) });
    else t.setZoom({ ...z, x: zoomCells(z.x, t.columns(), pos.column, factor) });
  };
  const key = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const next = heatKey(e.key, e.shiftKey, t.zoom(), t.columns(), t.buckets());
    if (next === undefined) return;
    e.preventDefault();
    t.setZoom(next);
  };
  const leave = () => t.onHover(null);
  const reset = () => t.setZoom(WHOLE);
  canvas.addEventListener('pointerdown', down);
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointerleave', leave);
  canvas.addEventListener('dblclick', reset);
  canvas.addEventListener('wheel', wheel, { passive: false });
  frame.addEventListener('keydown', key);
  return () => {
    canvas.removeEventListener('pointerdown', down);
    canvas.removeEventListener('pointermove', move);
    canvas.removeEventListener('pointerup', up);
    canvas.removeEventListener('pointerleave', leave);
    canvas.removeEventListener('dblclick', reset);
    canvas.removeEventListener('wheel', wheel);
    frame.removeEventListener('keydown', key);
  };
}
