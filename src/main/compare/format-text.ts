// Renders a ComparisonTable as compare-mmtests prints one (Compare.pm _generateRenderTable and
// PrintGeneric.pm printRow): rows by statistic then metric, one `%12.2f (%7.2f%%)` cell per group,
// and a significant mean's parentheses replaced by asterisks, as PrintGeneric does for `:SIG:`. The
// cells are the app's (src/shared/compare-cell.ts): against a zero baseline a cell says `new` where
// mmtests prints -99% or 100%, and an EffectD line per metric follows the table.
import type { ComparisonTable } from './compare.ts';
import { formatCell, STAT_LINES } from '../../shared/compare-cell.ts';

/** Compare.pm defaults: _FieldLength 12, precision 2, _CompareLength 7 (a cell and its gap). */
const CELL_WIDTH = 12 + 7 + 4;

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
      const base = row.cells[table.baseline];
      const cells = row.cells.map((c, i) => {
        const text = formatCell(c, stat.key, i === table.baseline, base);
        return `${text.value} ${text.compare}`;
      });
      lines.push(head + cells.join(''));
    }
  }
  // Not in mmtests: the mean's difference in pooled stddevs, so a reader can judge a `*` (Cohen's d).
  for (const row of table.rows) {
    const effects = row.cells.map((c, i) =>
      i === table.baseline ? '' : formatCell(c, 'mean', false).effect,
    );
    if (effects.every((e) => e === '')) continue;
    const head = `${'EffectD'.padEnd(statWidth)} ${row.metric.id.padEnd(metricWidth)}`;
    const cells = effects.map((e, i) => (i === table.baseline ? '' : e || '-').padStart(CELL_WIDTH));
    lines.push(head + cells.join(''));
  }
  return lines.join('\n') + '\n';
}
