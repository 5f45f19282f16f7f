// A damo-like access heatmap per task: time across, the workload's address space down (offset 0
// at the top), references per interval as colour on a log scale; a strip at the right marks each
// bucket top tier or slow tier in the nodes' colours, at the hovered interval (else the last).
import { createEffect, createSignal, For, Show } from 'solid-js';
import type { AccessHeatmap, NodeResult, TaskResult } from '../../shared/result.ts';
import { createChartTheme, FREE_COLOUR, nodeColour } from '../charts/chart-theme.ts';
import { cellAt, heatLevel, heatRgb } from '../charts/heat-scale.ts';

const WIDTH = 720;
const HEIGHT = 260;
/** Plot area inside the canvas: room for the address labels at the left, time below, the strip right. */
const PAD = { left: 64, right: 30, top: 8, bottom: 26 };
const STRIP = 12;

interface Hover {
  column: number;
  bucket: number;
}

const plotW = WIDTH - PAD.left - PAD.right;
const plotH = HEIGHT - PAD.top - PAD.bottom;
/** The colour ramp as a CSS gradient, for the legend. */
const RAMP = `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((l) => `rgb(${heatRgb(l).join(', ')})`).join(', ')})`;
const mib = (pages: number, pageSize: number) => ((pages * pageSize) / 1048576).toFixed(1);

function maxReferences(h: AccessHeatmap): number {
  let max = 0;
  for (const row of h.references) for (const r of row) max = Math.max(max, r);
  return max;
}

/** The colour marking a bucket's placement: the top tier's, the slow tier's, or grey (nothing resident). */
function placementColour(share: number | null | undefined, top: number, slow: number): string {
  if (share === null || share === undefined) return FREE_COLOUR;
  return share >= 0.5 ? nodeColour(top) : nodeColour(slow);
}

function draw(
  canvas: HTMLCanvasElement,
  h: AccessHeatmap,
  nodes: NodeResult[],
  text: string,
  hover: Hover | null,
  pageSize: number,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const columns = h.timesMs.length;
  const buckets = h.references[0]?.length ?? 0;
  ctx.clearRect(0, 0, WIDTH, HEIGHT);
  const max = maxReferences(h);
  const cw = plotW / columns;
  const ch = plotH / buckets;
  for (let c = 0; c < columns; c++) {
    for (let b = 0; b < buckets; b++) {
      const [r, g, bl] = heatRgb(heatLevel(h.references[c]![b]!, max));
      ctx.fillStyle = `rgb(${r}, ${g}, ${bl})`;
      // A hair wider than the cell, so no seams show between cells.
      ctx.fillRect(PAD.left + c * cw, PAD.top + b * ch, cw + 0.5, ch + 0.5);
    }
  }
  const top = nodes.find((n) => n.topTier)?.id ?? 0;
  const slow = nodes.find((n) => !n.topTier)?.id ?? top;
  const at = hover?.column ?? columns - 1;
  for (let b = 0; b < buckets; b++) {
    ctx.fillStyle = placementColour(h.topTierShare[at]?.[b], top, slow);
    ctx.fillRect(PAD.left + plotW + 6, PAD.top + b * ch, STRIP, ch + 0.5);
  }
  if (hover) {
    ctx.strokeStyle = text;
    ctx.strokeRect(PAD.left + hover.column * cw, PAD.top + hover.bucket * ch, cw, ch);
  }
  ctx.fillStyle = text;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.fillText('0', PAD.left - 4, PAD.top + 9);
  ctx.fillText(`${mib(h.pages, pageSize)} MiB`, PAD.left - 4, PAD.top + plotH);
  ctx.textAlign = 'center';
  const endS = (h.timesMs.at(-1) ?? 0) / 1000;
  for (let i = 0; i <= 4; i++) {
    ctx.fillText(`${((endS * i) / 4).toFixed(2)} s`, PAD.left + (plotW * i) / 4, HEIGHT - 8);
  }
}

function HeatmapPanel(props: {
  task: TaskResult;
  heatmap: AccessHeatmap;
  nodes: NodeResult[];
  pageSize: number;
}) {
  const theme = createChartTheme();
  const [hover, setHover] = createSignal<Hover | null>(null);
  let canvas: HTMLCanvasElement | undefined;
  const h = () => props.heatmap;
  const buckets = () => h().references[0]?.length ?? 0;
  createEffect(() => {
    if (canvas) draw(canvas, h(), props.nodes, theme().text, hover(), props.pageSize);
  });
  const onMove = (e: MouseEvent) => {
    const box = canvas!.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * WIDTH;
    const y = ((e.clientY - box.top) / box.height) * HEIGHT;
    setHover(cellAt((x - PAD.left) / plotW, (y - PAD.top) / plotH, h().timesMs.length, buckets()));
  };
  const tooltip = () => {
    const at = hover();
    if (!at) return null;
    const from = at.column > 0 ? h().timesMs[at.column - 1]! : 0;
    const first = at.bucket * h().bucketPages;
    const last = Math.min(h().pages, first + h().bucketPages);
    const share = h().topTierShare[at.column]?.[at.bucket];
    return (
      `${(from / 1000).toFixed(2)}–${(h().timesMs[at.column]! / 1000).toFixed(2)} s · ` +
      `${mib(first, props.pageSize)}–${mib(last, props.pageSize)} MiB · ` +
      `${h().references[at.column]![at.bucket]!.toLocaleString()} refs · ` +
      (share === null || share === undefined ? 'nothing resident' : `${Math.round(share * 100)}% top tier`)
    );
  };
  return (
    <figure class="chart heatmap">
      <figcaption>
        Access heatmap: {props.task.name}
        <span class="muted">
          {' '}
          ({buckets()} buckets of {mib(h().bucketPages, props.pageSize)} MiB)
        </span>
      </figcaption>
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        style={{ width: '100%', 'max-width': `${WIDTH}px` }}
        data-testid={`access-heatmap-${props.task.name}`}
        data-buckets={buckets()}
        data-columns={h().timesMs.length}
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
      />
      <p class="muted heatmap-legend">
        <span class="heatmap-ramp" style={{ background: RAMP }} /> references per interval, log scale (0 to{' '}
        {maxReferences(h()).toLocaleString()}); strip: where each bucket lives,
        <For each={props.nodes}>
          {(n) => (
            <span>
              {' '}
              <span class="node-swatch" style={{ background: nodeColour(n.id) }} />
              node {n.id} ({n.topTier ? 'top tier' : 'slow tier'})
            </span>
          )}
        </For>
      </p>
      <p class="muted" data-testid="heatmap-tooltip">
        {tooltip() ?? 'Point at a cell for its time, addresses, references and top-tier share.'}
      </p>
    </figure>
  );
}

export function AccessHeatmaps(props: {
  result: { tasks: TaskResult[]; nodes: NodeResult[] };
  pageSize: number;
}) {
  const tasks = () => props.result.tasks.filter((t) => (t.heatmap?.timesMs.length ?? 0) > 0);
  return (
    <Show when={tasks().length > 0}>
      <section class="panel" data-testid="access-heatmaps">
        <For each={tasks()}>
          {(t) => (
            <HeatmapPanel
              task={t}
              heatmap={t.heatmap!}
              nodes={props.result.nodes}
              pageSize={props.pageSize}
            />
          )}
        </For>
      </section>
    </Show>
  );
}
