// The gestures that zoom a time chart: drag across it to zoom to that span, double-click to reset;
// with it focused, + and - zoom about the centre, arrow keys pan, 0 or Escape reset; a pinch (or
// Ctrl+wheel) zooms about the pointer. A plain wheel still scrolls the page.
import type { Chart } from 'chart.js';
import { dragRange, keyZoom, zoomAround, type XRange } from './zoom-range.ts';

/** A drag shorter than this is a click. */
const MIN_DRAG_PX = 5;
const WHEEL_RATE = 0.01;

export interface ZoomTarget {
  chart: () => Chart<'line', { x: number; y: number }[]> | undefined;
  bounds: () => XRange | null;
  range: () => XRange | null;
  setRange: (range: XRange | null) => void;
  /** The band being dragged out, in pixels from the canvas's left edge; null when the drag ends. */
  onSelecting: (band: { left: number; width: number } | null) => void;
}

/** The span of the plot area, in pixels from the canvas's left edge. */
function plotSpan(chart: Chart<'line', { x: number; y: number }[]>): { left: number; right: number } {
  return { left: chart.chartArea.left, right: chart.chartArea.right };
}

/** Listens on the canvas (pointer, wheel) and its focusable box (keys); returns the undo. */
export function makeZoomGestures(canvas: HTMLCanvasElement, box: HTMLElement, t: ZoomTarget): () => void {
  let start: number | null = null;
  const xOf = (e: MouseEvent) => e.clientX - canvas.getBoundingClientRect().left;
  const clampX = (x: number) => {
    const chart = t.chart();
    if (!chart) return x;
    const { left, right } = plotSpan(chart);
    return Math.min(Math.max(x, left), right);
  };
  const valueAt = (x: number) => t.chart()?.scales.x?.getValueForPixel(x);
  const onDown = (e: PointerEvent) => {
    const chart = t.chart();
    if (e.button !== 0 || !chart || !t.bounds()) return;
    const x = xOf(e);
    const { left, right } = plotSpan(chart);
    if (x < left || x > right) return;
    start = x;
    canvas.setPointerCapture(e.pointerId);
    // No text selection while dragging; the chart takes focus so its keys work straight after.
    e.preventDefault();
    box.focus({ preventScroll: true });
  };
  const onMove = (e: PointerEvent) => {
    if (start === null) return;
    const x = clampX(xOf(e));
    t.onSelecting({ left: Math.min(start, x), width: Math.abs(x - start) });
  };
  const onUp = (e: PointerEvent) => {
    if (start === null) return;
    const from = start;
    const to = clampX(xOf(e));
    start = null;
    t.onSelecting(null);
    const bounds = t.bounds();
    const a = valueAt(from);
    const b = valueAt(to);
    if (!bounds || a === undefined || b === undefined || Math.abs(to - from) < MIN_DRAG_PX) return;
    t.setRange(dragRange(a, b, bounds));
  };
  const onCancel = () => {
    start = null;
    t.onSelecting(null);
  };
  const onDoubleClick = () => t.setRange(null);
  const onWheel = (e: WheelEvent) => {
    const bounds = t.bounds();
    const anchor = valueAt(xOf(e));
    if (!e.ctrlKey || !bounds || anchor === undefined) return;
    e.preventDefault();
    t.setRange(zoomAround(t.range(), bounds, anchor, Math.exp(e.deltaY * WHEEL_RATE)));
  };
  const onKey = (e: KeyboardEvent) => {
    const bounds = t.bounds();
    if (e.ctrlKey || e.metaKey || e.altKey || !bounds) return;
    const next = keyZoom(e.key, e.shiftKey, t.range(), bounds);
    if (next === undefined) return;
    e.preventDefault();
    t.setRange(next);
  };
  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onCancel);
  canvas.addEventListener('dblclick', onDoubleClick);
  canvas.addEventListener('wheel', onWheel, { passive: false });
  box.addEventListener('keydown', onKey);
  return () => {
    canvas.removeEventListener('pointerdown', onDown);
    canvas.removeEventListener('pointermove', onMove);
    canvas.removeEventListener('pointerup', onUp);
    canvas.removeEventListener('pointercancel', onCancel);
    canvas.removeEventListener('dblclick', onDoubleClick);
    canvas.removeEventListener('wheel', onWheel);
    box.removeEventListener('keydown', onKey);
  };
}
