import { describe, expect, it } from 'vitest';
import { FREE_COLOUR, nodeColour, tint, withAlpha } from './chart-theme.ts';

/** How far a #rrggbb colour is from grey: the spread of its channels, 0..255. */
function chroma(colour: string): number {
  const n = Number.parseInt(colour.slice(1), 16);
  const c = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return Math.max(...c) - Math.min(...c);
}

describe('chart colours', () => {
  it('draws node 0 blue and node 1 orange, as the README promises', () => {
    const rgb = (colour: string) => [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
    const [r0, g0, b0] = rgb(nodeColour(0));
    expect(b0).toBeGreaterThan(Math.max(r0!, g0!));
    const [r1, g1, b1] = rgb(nodeColour(1));
    expect(r1).toBeGreaterThan(g1!);
    expect(g1).toBeGreaterThan(b1!);
  });

  it('gives the nodes of a large machine distinct colours', () => {
    const colours = Array.from({ length: 32 }, (_, id) => nodeColour(id));
    expect(new Set(colours).size).toBe(32);
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('never draws a node in grey, the colour of free memory', () => {
    expect(chroma(FREE_COLOUR)).toBeLessThan(30);
    for (let id = 0; id < 64; id++) {
      expect(nodeColour(id)).not.toBe(FREE_COLOUR);
      expect(chroma(nodeColour(id))).toBeGreaterThan(60);
    }
  });

  it('tints toward white and adds alpha without changing the hue', () => {
    expect(tint('#000000', 0.5)).toBe('#808080');
    expect(tint('#3b7be6', 0)).toBe('#3b7be6');
    expect(tint('#3b7be6', 1)).toBe('#ffffff');
    expect(withAlpha('#3b7be6', 0.6)).toBe('#3b7be699');
  });
});
