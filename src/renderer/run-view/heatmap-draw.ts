// Paints the access heatmap's canvas from its layout: the visible cells of each node's band, the
// node and tier boundaries, the labels (node, kind, tier at the left; addresses at the right; times
// below). Cells with none of the bucket's pages on the band's node are left in a neutral grey.
import type { AccessHeatmap } from '../../shared/result.ts';
import { nodeColour } from '../charts/chart-theme.ts';
import { heatLevel, heatRgb } from '../charts/heat-scale.ts';
import type { XRange } from '../charts/zoom-range.ts';
import { GAP, PAD, PLOT_W, WIDTH, type BandBox, type HeatLayout } from './heatmap-layout.ts';

/** No page of the bucket on this node. */
export const ABSENT_COLOUR = '#c9ced4';
/** The line where the tier changes: thick, so the top tier stands apart from the slower ones. */
export const TIER_LINE_PX = 4;

export interface DrawOptions {
  text: string;
  pageSize: number;
  kinds: Record<number, string>;
}

const mib = (pages: number, pageSize: number) => ((pages * pageSize) / 1048576).toFixed(1);

function drawBand(
  ctx: CanvasRenderingContext2D,
  layout: HeatLayout,
  box: BandBox,
  xs: XRange,
  ys: XRange,
): void {
  const cw = PLOT_W / (xs.max - xs.min);
  const ch = (box.bottom - box.top) / (ys.max - ys.min);
  ctx.save();
  ctx.beginPath();
  ctx.rect(PAD.left, box.top, PLOT_W, box.bottom - box.top);
  ctx.clip();
  for (let c = Math.floor(xs.min); c < Math.ceil(xs.max); c++) {
    for (let b = Math.floor(ys.min); b < Math.ceil(ys.max); b++) {
      const v = layout.value(box, c, b);
      if (v === null) ctx.fillStyle = ABSENT_COLOUR;
      else {
        const [r, g, bl] = heatRgb(heatLevel(v, layout.max));
        ctx.fillStyle = `rgb(${r}, ${g}, ${bl})`;
      }
      // A hair wider than the cell, so no seams show between cells.
      ctx.fillRect(PAD.left + (c - xs.min) * cw, box.top + (b - ys.min) * ch, cw + 0.5, ch + 0.5);
    }
  }
  ctx.restore();
}

function drawLabels(
  ctx: CanvasRenderingContext2D,
  h: AccessHeatmap,
  box: BandBox,
  ys: XRange,
  o: DrawOptions,
): void {
  ctx.fillStyle = o.text;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'left';
  const node = box.band?.node;
  const name = node ? `node${node.id} ${(o.kinds[node.id] ?? node.memory).toUpperCase()}` : 'all nodes';
  if (node) {
    ctx.fillStyle = nodeColour(node.id);
    ctx.fillRect(4, box.top + 2, 9, 9);
    ctx.fillStyle = o.text;
  }
  ctx.fillText(name, 17, box.top + 11);
  if (node) ctx.fillText(`tier ${node.tier}${node.topTier ? ' · top' : ''}`, 17, box.top + 25);
  ctx.textAlign = 'left';
  const at = (bucket: number) => `${mib(Math.min(h.pages, bucket * h.bucketPages), o.pageSize)} MiB`;
  ctx.fillText(at(ys.min), PAD.left + PLOT_W + 4, box.top + 9);
  ctx.fillText(at(ys.max), PAD.left + PLOT_W + 4, box.bottom - 2);
}

/** The boundary below a band: thin between nodes of a tier, thick where the tier changes. */
function drawBoundary(ctx: CanvasRenderingContext2D, box: BandBox, text: string): void {
  const y = box.bottom + GAP / 2;
  ctx.fillStyle = text;
  const px = box.band?.tierBoundaryAfter ? TIER_LINE_PX : 1;
  ctx.fillRect(0, Math.round(y - px / 2), WIDTH, px);
}

/** The time at a column edge (edge k is column k's start), between edges in proportion. */
export function edgeMs(h: AccessHeatmap, edge: number): number {
  const at = (k: number) => (k <= 0 ? 0 : (h.timesMs[Math.min(k, h.timesMs.length) - 1] ?? 0));
  const k = Math.floor(edge);
  return at(k) + (at(k + 1) - at(k)) * (edge - k);
}

export function drawHeatmap(
  canvas: HTMLCanvasElement,
  h: AccessHeatmap,
  layout: HeatLayout,
  xs: XRange,
  ys: XRange,
  o: DrawOptions,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, WIDTH, layout.height);
  layout.bands.forEach((box, i) => {
    drawBand(ctx, layout, box, xs, ys);
    drawLabels(ctx, h, box, ys, o);
    if (i + 1 < layout.bands.length) drawBoundary(ctx, box, o.text);
  });
  ctx.fillStyle = o.text;
  ctx.textAlign = 'center';
  const timeAt = (col: number) => `${(edgeMs(h, col) / 1000).toFixed(2)} s`;
  for (let i = 0; i <= 4; i++) {
    const col = xs.min + ((xs.max - xs.min) * i) / 4;
    ctx.textAlign = i === 0 ? 'left' : i === 4 ? 'right' : 'center';
    ctx.fillText(timeAt(col), PAD.left + (PLOT_W * i) / 4, layout.height - 8);
  }
}
