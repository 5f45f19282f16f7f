// Comparison cells written exactly as compare-mmtests prints them (PrintGeneric.pm printRow):
// `%12.2f (%7.2f%%)`, and a significant mean's parentheses replaced by asterisks.
// Worked example: a significant Hmean 11% better than the baseline prints `      111.00 *  11.00%*`.
import type { ComparisonCell, ComparisonRow } from './api/types.ts';

export type StatKey = 'min' | 'mean' | 'stddev' | 'coeffvar' | 'max';

export const STAT_LINES: readonly { key: StatKey; name: (row: ComparisonRow) => string }[] = [
  { key: 'min', name: () => 'Min' },
  { key: 'mean', name: (r) => (r.meanKind === 'hmean' ? 'Hmean' : 'Amean') },
  { key: 'stddev', name: (r) => (r.meanKind === 'hmean' ? 'HStddev' : 'Stddev') },
  { key: 'coeffvar', name: (r) => (r.meanKind === 'hmean' ? 'HCoeffVar' : 'CoeffVar') },
  { key: 'max', name: () => 'Max' },
];

const FIELD_WIDTH = 12;
const COMPARE_WIDTH = 7;

/** JSON turns NaN into null; both mean "no value". */
const num = (v: number | null | undefined): number => (typeof v === 'number' ? v : NaN);

function fixed(value: number, width: number): string {
  return (Number.isNaN(value) ? '-' : value.toFixed(2)).padStart(width);
}

export interface CellText {
  value: string;
  /** `(   1.23%)` or `*  11.00%*`. */
  compare: string;
  significant: boolean;
  /** Sign of the % change where positive is better; 0 for the baseline, no value or a zero baseline. */
  direction: -1 | 0 | 1;
  /** `d=+0.35`: the mean's difference in pooled stddevs (positive is better); empty elsewhere. */
  effect: string;
}

/**
 * One cell; `base` is the baseline group's cell of the same row. Against a baseline of zero there is
 * no percentage (mmtests prints -99% or 100%): the cell says `new` and is not coloured.
 */
export function formatCell(
  cell: ComparisonCell,
  key: StatKey,
  baseline: boolean,
  base?: ComparisonCell,
): CellText {
  const value = num(cell[key]);
  const d = key === 'mean' && !baseline ? num(cell.vsBaseline?.effectSize) : NaN;
  const effect = Number.isNaN(d) ? '' : `d=${d >= 0 ? '+' : ''}${d.toFixed(2)}`;
  if (!baseline && base && num(base[key]) === 0 && value !== 0 && !Number.isNaN(value)) {
    return {
      value: fixed(value, FIELD_WIDTH),
      compare: `(${'new'.padStart(COMPARE_WIDTH)})`,
      significant: false,
      direction: 0,
      effect,
    };
  }
  const pct = baseline ? (Number.isNaN(value) ? NaN : 0) : num(cell.vsBaseline?.[key]);
  const significant = key === 'mean' && cell.vsBaseline?.significant === true;
  const pctText = Number.isNaN(pct) ? '-'.padStart(COMPARE_WIDTH + 1) : `${fixed(pct, COMPARE_WIDTH)}%`;
  const [open, close] = significant ? ['*', '*'] : ['(', ')'];
  const direction = Number.isNaN(pct) || pct === 0 ? 0 : pct > 0 ? 1 : -1;
  return {
    value: fixed(value, FIELD_WIDTH),
    compare: `${open}${pctText}${close}`,
    significant,
    direction,
    effect,
  };
}
