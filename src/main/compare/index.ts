// The comparison service behind `tierlab compare` and the UI's compare view: group runs, summarise
// each metric the way mmtests does, and render the table as text or tidy CSV. Pure: no DB, no fs.
export { compareRuns } from './compare.ts';
export type {
  ComparisonCell,
  ComparisonRow,
  ComparisonTable,
  CompareOptions,
  RunGroup,
  VsBaseline,
} from './compare.ts';
export { groupRuns } from './group-runs.ts';
export { comparisonNotes } from './notes.ts';
export type { HashedResult } from './group-runs.ts';
export { DEFAULT_METRICS, resolveMetric } from './metrics.ts';
export type { Metric, MetricOptions } from './metrics.ts';
export type { GroupSummary, MeanKind } from './summary.ts';
export { formatComparisonText } from './format-text.ts';
export { COMPARISON_CSV_COLUMNS, formatComparisonCsv } from './format-csv.ts';
