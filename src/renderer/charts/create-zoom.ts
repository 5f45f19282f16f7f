// A chart's zoom as reactive state. One chart owns one by default; charts that pass the same
// control (the run view's charts, when zoomed together) move as one.
import { createSignal, type Accessor } from 'solid-js';
import type { XRange } from './zoom-range.ts';

export interface ZoomControl {
  /** The visible part of the time axis; null for all of it. */
  range: Accessor<XRange | null>;
  setRange(range: XRange | null): void;
}

export function createZoom(): ZoomControl {
  const [range, setRange] = createSignal<XRange | null>(null);
  return { range, setRange: (r) => setRange(r) };
}
