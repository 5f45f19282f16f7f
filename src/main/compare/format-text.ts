// Renders a ComparisonTable as compare-mmtests prints one (Compare.pm _generateRenderTable and
// PrintGeneric.pm printRow): rows by statistic then metric, one `%12.2f (%7.2f%%)` cell per group,
// and a significant mean's parentheses replaced by asterisks, as PrintGeneric does for `:SIG:`.
import type { ComparisonCell, ComparisonRow, ComparisonTable } from './compare.ts';

/** Compare.pm defaults: _FieldLength 12, precision 2, _CompareLength 7. */
const FIELD_WIDTH = 12;
const COMPARE_WIDTH = 7;
const CELL_WIDTH = FIELD_WIDTH + COMPARE_WIDTH + 4;

type StatKey = 'min' | 'mean' | 'stddev' | 'coeffvar' | 'max';

interface StatLine {
  key: StatKey;
  /** Stat.pm stat_names, which depend on the mean in use (Stddev vs HStddev). */
  name: (row: ComparisonRow) => string;
}

const STAT_LINES: readonly StatLine[] = [
  { key: 'min', name: () => 'Min' },
  { key: 'mean', name: (r) => (r.meanKind === 'hmean' ? 'Hmean' : 'Amean') },
  { key: 'stddev', name: (r) => (r.meanKind === 'hmean' ? 'HStddev' : 'Stddev') },
  { key: 'coeffvar', name: (r) => (r.meanKind === 'hmean' ? 'HCoeffVar' : 'CoeffVar') },
  { key: 'max', name: () => 'Max' },
];

/**
 * A group name as a column header: right-aligned and, when too long, cut in the middle so columns
 * never run together and the end, where repeats and variants usually differ, stays readable.
 */
function header(label: string): string {
  const room = CELL_WIDTH - 1;
  if (label.length <= room) return label.padStart(CELL_WIDTH);
  const tail = Math.floor((room - 1) / 2);
  return ` ${label.slice(0, room - 1 - tail)}…${label.slice(label.length - tail)}`;
}

function number(value: number, width: number): string {
  return (Number.isNaN(value) ? '-' : value.toFixed(2)).padStart(width);
}

/** The baseline's own cell compares with itself, which mmtests prints as 0.00%. */
function formatCell(cell: ComparisonCell, key: StatKey, baseline: boolean): string {
  const value = cell[key];
  const pct = baseline ? (Number.isNaN(value) ? NaN : 0) : (cell.vsBaseline?.[key] ?? NaN);
  const marked = key === 'mean' && cell.vsBaseline?.significant === true;
  const pctText = Number.isNaN(pct) ? '-'.padStart(COMPARE_WIDTH + 1) : `${number(pct, COMPARE_WIDTH)}%`;
  const [open, close] = marked ? ['*', '*'] : ['(', ')'];
  return `${number(value, FIELD_WIDTH)} ${open}${pctText}${close}`;
}

/**
 * The whole table as text, one line per statistic and metric, ending in a newline. Worked example
 * of a significant Hmean 11% above the baseline's 100 (the stat column is as wide as "HCoeffVar"):
 * `Hmean     throughput      100.00 (   0.00%)      111.00 *  11.00%*`.
 */
export function formatComparisonText(table: ComparisonTable): string {
  const names = table.rows.flatMap((r) => STAT_LINES.map((s) => s.name(r)));
  const statWidth = Math.max(0, ...names.map((n) => n.length));
  const metricWidth = Math.max(0, ...table.rows.map((r) => r.metric.id.length));
  const lines = [' '.repeat(statWidth + 1 + metricWidth) + table.groups.map(header).join('')];
  for (const stat of STAT_LINES) {
    for (const row of table.rows) {
      const head = `${stat.name(row).padEnd(statWidth)} ${row.metric.id.padEnd(metricWidth)}`;
      const cells = row.cells.map((c, i) => formatCell(c, stat.key, i === table.baseline));
      lines.push(head + cells.join(''));
    }
  }
  return lines.join('\n') + '\n';
}
