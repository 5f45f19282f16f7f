// Chart colours: the page's CSS variables, so charts follow the light or dark theme; one colour per
// NUMA node (node 0 is the same blue in every chart); a series palette for everything that is not
// a node; and a neutral grey for free memory, which belongs to no node's share.
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  dark: boolean;
}

/**
 * Node colours by node id, mid-toned so they read on both themes; none is grey (grey is free memory).
 * Past the list, hues step round the wheel by the golden angle, so neighbours never look alike.
 */
const NODE_COLOURS = ['#3b7be6', '#e8620c', '#2f9e44', '#9b51d6', '#d6336c', '#0c94a8', '#b88a00', '#8c5a3c'];
const GOLDEN_ANGLE = 137.508;

/** Free memory, in every chart: neutral, so it never reads as a node. */
export const FREE_COLOUR = '#9aa3ad';

const PALETTE_LIGHT = [
  '#2f6fe0',
  '#d9480f',
  '#2b8a3e',
  '#8e44c9',
  '#c2255c',
  '#0f9488',
  '#e67700',
  '#495057',
];
const PALETTE_DARK = ['#6aa1ff', '#ff8a4c', '#69db7c', '#c38af0', '#f783ac', '#3fd0c0', '#ffc078', '#ced4da'];

/** The i-th colour for series that are not nodes (counters, tasks, runs). */
export function seriesColor(theme: ChartTheme, i: number): string {
  const palette = theme.dark ? PALETTE_DARK : PALETTE_LIGHT;
  return palette[i % palette.length] ?? '#888';
}

const hex2 = (v: number) =>
  Math.round(Math.min(255, Math.max(0, v)))
    .toString(16)
    .padStart(2, '0');

/** #rrggbb of an HSL colour (h in degrees, s and l in 0..1). */
function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255;
  };
  return `#${hex2(f(0))}${hex2(f(8))}${hex2(f(4))}`;
}

/** The colour of NUMA node `nodeId`, the same in every chart and theme. */
export function nodeColour(nodeId: number): string {
  const fixed = NODE_COLOURS[nodeId];
  if (fixed) return fixed;
  return hslToHex((nodeId * GOLDEN_ANGLE) % 360, 0.65, 0.48);
}

/** A #rrggbb colour mixed toward white by `amount` (0..1): a lighter shade of the same node. */
export function tint(colour: string, amount: number): string {
  const n = Number.parseInt(colour.slice(1, 7), 16);
  const mix = (c: number) => c + (255 - c) * amount;
  return `#${hex2(mix((n >> 16) & 255))}${hex2(mix((n >> 8) & 255))}${hex2(mix(n & 255))}`;
}

/** A #rrggbb colour with an alpha channel (0..1), as #rrggbbaa. */
export function withAlpha(colour: string, alpha: number): string {
  return `${colour.slice(0, 7)}${hex2(alpha * 255)}`;
}

function read(dark: boolean): ChartTheme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return { text: v('--text'), muted: v('--muted'), grid: v('--border'), dark };
}

/** The theme now, and again whenever the OS switches between light and dark. */
export function createChartTheme(): Accessor<ChartTheme> {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const [theme, setTheme] = createSignal(read(query.matches));
  const update = () => setTheme(read(query.matches));
  query.addEventListener('change', update);
  onCleanup(() => query.removeEventListener('change', update));
  return theme;
}
