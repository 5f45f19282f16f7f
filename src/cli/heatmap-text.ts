// `tierlab show RUN --heatmap`: each task's access heatmap as text, one band per node stacked by
// tier (shared/heatmap-bands.ts), time across and addresses down, references served from the node
// as a character on a log scale. Each band is cut into at most ROWS rows of buckets and COLUMNS
// columns of intervals, each character its block's references per interval; a blank is a block
// with none of its pages on that node. A line of `=` marks a tier boundary, one of `-` a boundary between nodes.
import { bandGrid, heatBands } from '../shared/heatmap-bands.ts';
import type { AccessHeatmap, NodeResult, RunResult, TaskResult } from '../shared/result.ts';

export const ROWS = 8;
export const COLUMNS = 60;
/** From a block with pages but no references (.) to the busiest block (@). */
export const RAMP = '.:-=+*#%@';

/**
 * The character of a block: blank without pages on the node, else its place on the ramp by
 * log(1 + value) / log(1 + max), as the run view colours it. Example, max 999: 0 is '.', 30 is
 * '+' (log 31 / log 1000 = 0.497 of the way, the fifth of nine), 999 is '@'.
 */
export function heatChar(value: number | null, max: number): string {
  if (value === null) return ' ';
  const level = value > 0 && max > 0 ? Math.min(1, Math.log1p(value) / Math.log1p(max)) : 0;
  return RAMP[Math.min(RAMP.length - 1, Math.floor(level * RAMP.length))]!;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function nodeName(n: NodeResult): string {
  return `node${n.id} ${n.memory.toUpperCase()}`;
}

function taskHeatmap(t: TaskResult, h: AccessHeatmap, nodes: readonly NodeResult[]): string {
  const bands = heatBands(nodes);
  const grids = bands.map((b) => bandGrid(h, b.index, ROWS, COLUMNS));
  const max = Math.max(0, ...grids.flatMap((g) => g.cells.flat().map((v) => v ?? 0)));
  const labels = bands.map((b) => [nodeName(b.node), `tier ${b.node.tier}${b.node.topTier ? ', top' : ''}`]);
  const width = Math.max(...labels.flat().map((l) => l.length), 10) + 2;
  const cols = grids[0]?.cells[0]?.length ?? 0;
  const lines = [
    `access heatmap: ${t.name} (${h.pages} pages in ${h.references[0]?.length ?? 0} buckets of ${h.bucketPages}, ` +
      `${h.timesMs.length} intervals to ${seconds(h.timesMs.at(-1) ?? 0)})`,
    `references served per node, log scale: blank none of its pages there, ${RAMP.split('').join(' ')} (busiest block, per interval: ${Math.round(max).toLocaleString('en-US')})`,
  ];
  grids.forEach((g, i) => {
    const band = bands[i]!;
    g.cells.forEach((row, r) => {
      const label = (labels[i]![r] ?? '').padEnd(width);
      const page = `p${g.firstBucket[r]! * h.bucketPages}`.padStart(8);
      lines.push(`${label}${page} |${row.map((v) => heatChar(v, max)).join('')}|`);
    });
    if (i + 1 < grids.length) {
      const fill = band.tierBoundaryAfter ? '=' : '-';
      lines.push(
        `${''.padEnd(width + 8)} ${fill.repeat(cols + 2)} ${band.tierBoundaryAfter ? 'tier boundary' : ''}`.trimEnd(),
      );
    }
  });
  const end = seconds(h.timesMs.at(-1) ?? 0);
  lines.push(`${''.padEnd(width + 8)}  ${'0 s'.padEnd(Math.max(cols - end.length, 4))}${end}`);
  return lines.join('\n') + '\n';
}

/** Every task's heatmap (or the one named), or a line saying why there is none. */
export function formatHeatmaps(r: RunResult, task?: string): string {
  const tasks = r.tasks.filter((t) => task === undefined || t.name === task);
  return tasks
    .map((t) =>
      t.heatmap && t.heatmap.residentPages
        ? taskHeatmap(t, t.heatmap, r.nodes)
        : `access heatmap: ${t.name}: none kept (the result predates per-node heatmaps)\n`,
    )
    .join('\n');
}
