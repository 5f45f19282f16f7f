// Renders a ComparisonTable as tidy CSV: one row per metric x group x statistic. Long form because
// pandas and R take it as is (`df.pivot_table(index="metric", columns=["group", "statistic"])`,
// seaborn, ggplot), and its columns stay the same whatever metrics or groups a comparison has.
import { csvLine } from '../export/csv.ts';
import type { ComparisonCell, ComparisonRow, ComparisonTable } from './compare.ts';

export const COMPARISON_CSV_COLUMNS = [
  'metric',
  'unit',
  'higher_is_better',
  'mean_kind',
  'group',
  'is_baseline',
  'statistic',
  'value',
  'pct_diff',
  'significant',
] as const;

type Field = string | number | null;

/** NaN becomes an empty field, which pandas reads back as NaN. */
function num(value: number | undefined): Field {
  return value === undefined || Number.isNaN(value) ? null : value;
}

function cellRows(row: ComparisonRow, group: string, cell: ComparisonCell, isBaseline: boolean): Field[][] {
  const vs = cell.vsBaseline;
  const stats: [string, number, number | undefined][] = [
    ['n', cell.n, undefined],
    ['min', cell.min, vs?.min],
    ['mean', cell.mean, vs?.mean],
    ['stddev', cell.stddev, vs?.stddev],
    ['coeffvar', cell.coeffvar, vs?.coeffvar],
    ['max', cell.max, vs?.max],
    ['ci_low', cell.ci[0], undefined],
    ['ci_high', cell.ci[1], undefined],
  ];
  if (vs) stats.push(['cidiff', vs.cidiff, undefined]);
  const m = row.metric;
  return stats.map(([statistic, value, pct]) => [
    m.id,
    m.unit,
    String(m.higherIsBetter),
    row.meanKind,
    group,
    String(isBaseline),
    statistic,
    num(value),
    num(pct),
    statistic === 'mean' && vs ? String(vs.significant) : null,
  ]);
}

/**
 * The table as CSV text with a header line. `pct_diff` (positive = better, mmtests' pdiff/pndiff) and
 * `significant` are empty in the baseline's rows; `cidiff` rows exist only outside the baseline.
 */
export function formatComparisonCsv(table: ComparisonTable): string {
  let out = csvLine(COMPARISON_CSV_COLUMNS);
  for (const row of table.rows) {
    row.cells.forEach((cell, i) => {
      const group = table.groups[i] ?? '';
      for (const fields of cellRows(row, group, cell, i === table.baseline)) out += csvLine(fields);
    });
  }
  return out;
}
