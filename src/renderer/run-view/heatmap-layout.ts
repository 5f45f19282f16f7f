// Where the access heatmap draws what: one band per node (shared/heatmap-bands.ts), stacked top
// tier first, each showing the visible buckets of the workload; a thin line between two nodes of
// one tier, a thick one where the tier changes. Drawing and hit testing both go through this.
import { bandReferences, heatBands, maxBandReferences, type HeatBand } from '../../shared/heatmap-bands.ts';
import type { AccessHeatmap, NodeResult } from '../../shared/result.ts';
import type { XRange } from '../charts/zoom-range.ts';

export const WIDTH = 760;
/** Room for the node labels at the left, the addresses at the right, the times below. */
export const PAD = { left: 104, right: 64, top: 8, bottom: 26 };
export const GAP = 8;
export const PLOT_W = WIDTH - PAD.left - PAD.right;

export interface BandBox {
  band: HeatBand | null;
  /** Canvas rows [top, bottom). */
  top: number;
  bottom: number;
}

export interface HeatLayout {
  height: number;
  bands: BandBox[];
  /** The top of the colour scale: the busiest cell of any band. */
  max: number;
  /** Cell value: references to bucket b in column c served from the band's node (null: none there). */
  value(box: BandBox, c: number, b: number): number | null;
}

const maxOf = (rows: number[][]) => rows.reduce((m, row) => row.reduce((a, v) => Math.max(a, v), m), 0);

const bandHeight = (n: number) => (n <= 2 ? 120 : n <= 4 ? 84 : 60);

/**
 * The bands for a heatmap; a result from before per-node residency was kept has one band for all
 * nodes (`band: null`), its cells the bucket's references.
 */
export function heatLayout(h: AccessHeatmap, nodes: readonly NodeResult[]): HeatLayout {
  const bands: (HeatBand | null)[] = h.residentPages ? heatBands(nodes) : [null];
  const bh = bandHeight(bands.length);
  const boxes = bands.map((band, i) => {
    const top = PAD.top + i * (bh + GAP);
    return { band, top, bottom: top + bh };
  });
  const all = (c: number, b: number) => h.references[c]?.[b] ?? 0;
  return {
    height: PAD.top + bands.length * bh + (bands.length - 1) * GAP + PAD.bottom,
    bands: boxes,
    max: h.residentPages ? maxBandReferences(h, nodes.length) : maxOf(h.references),
    value: (box, c, b) => (box.band ? bandReferences(h, c, b, box.band.index) : all(c, b)),
  };
}

/** The cell under a canvas point: its band, column and bucket, or null off the plot. */
export function cellUnder(
  layout: HeatLayout,
  x: number,
  y: number,
  xs: XRange,
  ys: XRange,
): { box: BandBox; column: number; bucket: number } | null {
  const box = layout.bands.find((b) => y >= b.top && y < b.bottom);
  if (!box || x < PAD.left || x >= PAD.left + PLOT_W) return null;
  const column = Math.floor(xs.min + ((x - PAD.left) / PLOT_W) * (xs.max - xs.min));
  const bucket = Math.floor(ys.min + ((y - box.top) / (box.bottom - box.top)) * (ys.max - ys.min));
  return { box, column, bucket };
}

/** The position (in cells) under a canvas point, across and down its band (or the nearest band). */
export function cellPosition(layout: HeatLayout, x: number, y: number, xs: XRange, ys: XRange) {
  const box =
    layout.bands.find((b) => y < b.bottom) ?? layout.bands[layout.bands.length - 1] ?? layout.bands[0]!;
  const fx = Math.min(1, Math.max(0, (x - PAD.left) / PLOT_W));
  const fy = Math.min(1, Math.max(0, (y - box.top) / (box.bottom - box.top)));
  return { column: xs.min + fx * (xs.max - xs.min), bucket: ys.min + fy * (ys.max - ys.min) };
}

/** The canvas rectangle of a cell of a band at the current zoom (it may reach past the plot). */
export function cellRect(box: BandBox, column: number, bucket: number, xs: XRange, ys: XRange) {
  const cw = PLOT_W / (xs.max - xs.min);
  const ch = (box.bottom - box.top) / (ys.max - ys.min);
  return { x: PAD.left + (column - xs.min) * cw, y: box.top + (bucket - ys.min) * ch, w: cw, h: ch };
}
