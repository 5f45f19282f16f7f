// What a user set on a chart (its zoom, its log scale) kept across reloads and tab switches: a
// view names its charts' scope (the run view: "run-12"), and each chart keeps its state in
// localStorage under the scope and its own id. Outside a scope nothing is kept.
import { createContext, createSignal, useContext, type Accessor } from 'solid-js';
import { readStored, writeStored } from '../drafts/create-persisted-store.ts';
import type { XRange } from './zoom-range.ts';

export const ChartStateScope = createContext<string | undefined>(undefined);

/** The storage key of one setting of one chart in the current scope, or undefined outside one. */
export function useChartStateKey(chartId: string, setting: string): string | undefined {
  const scope = useContext(ChartStateScope);
  return scope === undefined ? undefined : chartStateKey(scope, chartId, setting);
}

export function chartStateKey(scope: string, chartId: string, setting: string): string {
  return `tierlab.chart.${scope}.${chartId}.${setting}`;
}

export function isRange(v: unknown): v is XRange | null {
  if (v === null) return true;
  if (typeof v !== 'object') return false;
  const { min, max } = v as Record<string, unknown>;
  return typeof min === 'number' && typeof max === 'number' && Number.isFinite(min) && min < max;
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** A signal read from `key` at creation and written back on each set; a plain signal without a key. */
export function createKeptSignal<T>(
  key: string | undefined,
  initial: T,
  accept: (v: unknown) => v is T,
): [Accessor<T>, (v: T) => void] {
  const [value, setValue] = createSignal<T>(
    key === undefined ? initial : (readStored(key, accept) ?? initial),
  );
  return [
    value,
    (v: T) => {
      setValue(() => v);
      if (key !== undefined) writeStored(key, v);
    },
  ];
}

export const keptLog = (key: string | undefined) => createKeptSignal(key, false, isBoolean);
