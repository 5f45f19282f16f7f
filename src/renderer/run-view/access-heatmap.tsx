// A damo-like access heatmap per task: time across, the workload's address space down (offset 0 at
// the top of each band), one band per node stacked by tier (heatmap-layout.ts), references per
// interval as colour on a log scale. Zoomable in time and address (heatmap-gestures.ts: a dragged
// box, Ctrl+wheel, keys); the zoom is kept per run (chart-state.ts). Double-click, 0 or the button
// show it all again.
import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show, untrack } from 'solid-js';
import type { AccessHeatmap, NodeResult, TaskResult } from '../../shared/result.ts';
import { useApi } from '../api/api-context.tsx';
import { CsvFileButton } from '../export/csv-file-button.tsx';
import { createKeptSignal, isRange, useChartStateKey } from '../charts/chart-state.ts';
import { createChartTheme, nodeColour } from '../charts/chart-theme.ts';
import { heatRgb } from '../charts/heat-scale.ts';
import { fitCells, visible, WHOLE, type HeatZoom } from '../charts/heat-zoom.ts';
import { ABSENT_COLOUR, drawHeatmap, edgeMs } from './heatmap-draw.ts';
import { makeHeatGestures, type Hover, type Selection } from './heatmap-gestures.ts';
import { cellRect, heatLayout, WIDTH } from './heatmap-layout.ts';

/** The colour ramp as a CSS gradient, for the legend. */
const RAMP = `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((l) => `rgb(${heatRgb(l).join(', ')})`).join(', ')})`;
const mib = (pages: number, pageSize: number) => ((pages * pageSize) / 1048576).toFixed(1);

const isHeatZoom = (v: unknown): v is HeatZoom =>
  typeof v === 'object' && v !== null && isRange((v as HeatZoom).x) && isRange((v as HeatZoom).y);

/** Saves the task's heatmap as CSV (export:heatmap, as `tierlab export --heatmap --task` writes it). */
function HeatmapCsvButton(props: { runId: number; task: string }) {
  const { client } = useApi();
  return (
    <CsvFileButton
      file={() => client.call('export:heatmap', { runIds: [props.runId], task: props.task })}
      title="One row per interval and address bucket: references, top-tier share, pages on each node"
      testId={`heatmap-csv-${props.task}`}
    />
  );
}

function HeatmapPanel(props: {
  runId: number;
  task: TaskResult;
  heatmap: AccessHeatmap;
  nodes: NodeResult[];
  pageSize: number;
  kinds: Record<number, string>;
}) {
  const theme = createChartTheme();
  const h = () => props.heatmap;
  const columns = () => h().timesMs.length;
  const buckets = () => h().references[0]?.length ?? 0;
  const layout = createMemo(() => heatLayout(h(), props.nodes));
  const [zoom, setZoom] = createKeptSignal(
    useChartStateKey(`heatmap-${untrack(() => props.task.name)}`, 'zoom'),
    WHOLE,
    isHeatZoom,
  );
  const xs = () => visible(fitCells(zoom().x, columns()), columns());
  const ys = () => visible(fitCells(zoom().y, buckets()), buckets());
  const [hover, setHover] = createSignal<Hover | null>(null);
  const [box, setBox] = createSignal<Selection | null>(null);
  let canvas: HTMLCanvasElement | undefined;
  let frame: HTMLDivElement | undefined;
  createEffect(() => {
    if (!canvas) return;
    drawHeatmap(canvas, h(), layout(), xs(), ys(), {
      text: theme().text,
      pageSize: props.pageSize,
      kinds: props.kinds,
    });
  });
  /** A pointer event's canvas coordinates (the canvas may be drawn smaller than its pixels). */
  const at = (e: MouseEvent) => {
    const r = canvas!.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) / r.width) * WIDTH,
      y: ((e.clientY - r.top) / r.height) * layout().height,
    };
  };
  const scale = () => canvas!.getBoundingClientRect().width / WIDTH;
  onMount(() =>
    onCleanup(
      makeHeatGestures(canvas!, frame!, {
        layout,
        xs,
        ys,
        columns,
        buckets,
        zoom,
        setZoom,
        toCanvas: at,
        scale,
        onHover: setHover,
        onSelecting: setBox,
      }),
    ),
  );
  /** The hovered cell's outline, drawn over the canvas so a hover costs no repaint. */
  const hoverRect = () => {
    const at = hover();
    const band = at && layout().bands[at.band];
    return at && band ? cellRect(band, at.column, at.bucket, xs(), ys()) : null;
  };
  const zoomed = () => zoom().x !== null || zoom().y !== null;
  const tooltip = () => {
    const at = hover();
    const box = at && layout().bands[at.band];
    if (!at || !box) return null;
    const first = at.bucket * h().bucketPages;
    const last = Math.min(h().pages, first + h().bucketPages);
    const refs = h().references[at.column]?.[at.bucket] ?? 0;
    const time = `${(edgeMs(h(), at.column) / 1000).toFixed(2)}–${(edgeMs(h(), at.column + 1) / 1000).toFixed(2)} s`;
    const where = `${mib(first, props.pageSize)}–${mib(last, props.pageSize)} MiB`;
    const node = box.band;
    if (!node) return `${time} · ${where} · ${refs.toLocaleString()} refs`;
    const pages = h().residentPages?.[at.column]?.[at.bucket]?.[node.index] ?? 0;
    const served = layout().value(box, at.column, at.bucket);
    return (
      `${time} · ${where} · node${node.node.id}: ${pages.toLocaleString()} of its pages, ` +
      `${Math.round(served ?? 0).toLocaleString()} of ${refs.toLocaleString()} refs`
    );
  };
  const bandRows = () =>
    JSON.stringify(
      layout().bands.map((b) => ({
        node: b.band?.node.id ?? null,
        tier: b.band?.node.tier ?? null,
        top: b.top,
        bottom: b.bottom,
        tierBoundaryAfter: b.band?.tierBoundaryAfter ?? false,
      })),
    );
  const timeRange = () =>
    `${(edgeMs(h(), xs().min) / 1000).toFixed(2)}–${(edgeMs(h(), xs().max) / 1000).toFixed(2)} s`;
  const addressRange = () =>
    `${mib(ys().min * h().bucketPages, props.pageSize)}–${mib(Math.min(h().pages, ys().max * h().bucketPages), props.pageSize)} MiB`;
  return (
    <figure class="chart heatmap">
      <figcaption>
        <span>
          Access heatmap: {props.task.name}
          <span class="muted small">
            {' '}
            ({buckets()} buckets of {mib(h().bucketPages, props.pageSize)} MiB)
          </span>
        </span>
        <span class="chart-tools">
          <Show when={zoomed()}>
            <span class="muted small" data-testid={`heatmap-range-${props.task.name}`}>
              {timeRange()} · {addressRange()}
            </span>
          </Show>
          <button
            type="button"
            class="chart-tool"
            disabled={!zoomed()}
            title="Drag a box to zoom into it; Ctrl+wheel zooms time, Ctrl+Shift+wheel addresses. Focused: + - and ←/→ for time, PageUp/PageDown and ↑/↓ for addresses, 0 to reset. Double-click also resets."
            data-testid={`heatmap-reset-${props.task.name}`}
            onClick={() => setZoom(WHOLE)}
          >
            Reset zoom
          </button>
          <HeatmapCsvButton runId={props.runId} task={props.task.name} />
        </span>
      </figcaption>
      <div
        ref={frame}
        class="chart-box heatmap-box"
        tabIndex={0}
        aria-label={`Access heatmap of ${props.task.name}: drag a box to zoom, + and - zoom time, PageUp and PageDown zoom addresses, arrow keys pan, 0 resets`}
        data-testid={`heatmap-box-${props.task.name}`}
      >
        <canvas
          ref={canvas}
          width={WIDTH}
          height={layout().height}
          style={{ width: '100%', 'max-width': `${WIDTH}px` }}
          data-testid={`access-heatmap-${props.task.name}`}
          data-buckets={buckets()}
          data-columns={columns()}
          data-bands={layout().bands.length}
          data-band-rows={bandRows()}
          data-x-min={xs().min}
          data-x-max={xs().max}
          data-y-min={ys().min}
          data-y-max={ys().max}
          data-zoomed={String(zoomed())}
        />
        <Show when={hoverRect()}>
          {(r) => (
            <div
              class="heatmap-cell"
              style={{
                left: `${r().x * scale()}px`,
                top: `${r().y * scale()}px`,
                width: `${r().w * scale()}px`,
                height: `${r().h * scale()}px`,
              }}
            />
          )}
        </Show>
        <Show when={box()}>
          {(b) => (
            <div
              class="chart-selection heatmap-selection"
              style={{
                left: `${Math.min(b().x0, b().x1) * scale()}px`,
                top: `${Math.min(b().y0, b().y1) * scale()}px`,
                width: `${Math.abs(b().x1 - b().x0) * scale()}px`,
                height: `${Math.abs(b().y1 - b().y0) * scale()}px`,
              }}
            />
          )}
        </Show>
      </div>
      <p class="muted heatmap-legend">
        <span class="heatmap-ramp" style={{ background: RAMP }} /> references per interval served from the
        band's node, log scale (0 to {Math.round(layout().max).toLocaleString()});{' '}
        <span class="node-swatch" style={{ background: ABSENT_COLOUR }} />
        none of the bucket's pages on that node; a thick line where the tier changes.
        <For each={props.nodes}>
          {(n) => (
            <span>
              {' '}
              <span class="node-swatch" style={{ background: nodeColour(n.id) }} />
              node{n.id} (tier {n.tier}
              {n.topTier ? ', top' : ''})
            </span>
          )}
        </For>
      </p>
      <p class="muted" data-testid={`heatmap-tooltip-${props.task.name}`}>
        {tooltip() ?? 'Point at a cell for its time, addresses, pages on the node and references.'}
      </p>
    </figure>
  );
}

export function AccessHeatmaps(props: {
  runId: number;
  result: { tasks: TaskResult[]; nodes: NodeResult[] };
  pageSize: number;
  kinds: Record<number, string>;
}) {
  const tasks = () => props.result.tasks.filter((t) => (t.heatmap?.timesMs.length ?? 0) > 0);
  return (
    <Show when={tasks().length > 0}>
      <section class="panel" data-testid="access-heatmaps">
        <For each={tasks()}>
          {(t) => (
            <HeatmapPanel
              runId={props.runId}
              task={t}
              heatmap={t.heatmap!}
              nodes={props.result.nodes}
              pageSize={props.pageSize}
              kinds={props.kinds}
            />
          )}
        </For>
      </section>
    </Show>
  );
}
