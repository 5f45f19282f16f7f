// Chart colours from the page's CSS variables, so charts follow the light or dark theme; and a series
// palette that reads apart in both.
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  dark: boolean;
}

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

export function seriesColor(theme: ChartTheme, i: number): string {
  const palette = theme.dark ? PALETTE_DARK : PALETTE_LIGHT;
  return palette[i % palette.length] ?? '#888';
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
