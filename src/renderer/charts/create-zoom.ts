// A chart's zoom as reactive state. One chart owns one by default; charts that pass the same
// control (the run view's charts, when zoomed together) move as one. With a storage key the zoom
// is kept across reloads (chart-state.ts).
import type { Accessor } from 'solid-js';
import { createKeptSignal, isRange } from './chart-state.ts';
import type { XRange } from './zoom-range.ts';

export interface ZoomControl {
  /** The visible part of the time axis; null for all of it. */
  range: Accessor<XRange | null>;
  setRange(range: XRange | null): void;
}

export function createZoom(storageKey?: string): ZoomControl {
  const [range, setRange] = createKeptSignal<XRange | null>(storageKey, null, isRange);
  return { range, setRange };
}
