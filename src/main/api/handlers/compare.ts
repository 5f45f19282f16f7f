// compare:runs and export:comparison — runs grouped by scenario, summarised as mmtests does.
import type { CompareRequest, Comparison } from '../../../shared/api/types.ts';
import {
  compareRuns,
  comparisonNotes,
  groupRuns,
  type HashedResult,
  formatComparisonCsv,
  formatComparisonText,
  resolveMetric,
  type ComparisonTable,
} from '../../compare/index.ts';
import { getResult, getRun } from '../../db/index.ts';
import { ApiError, notFound } from '../errors.ts';
import type { Handlers } from '../handler.ts';
import type { Lab } from '../lab.ts';

/**
 * Groups runs by scenario hash (repeats with other seeds together), in the order first given, then
 * moves the baseline group to the front as compare-mmtests prints it. Cancelled, failed and
 * interrupted runs are left out (and listed in `excluded`) unless includePartial is set; then each
 * is a labelled group of its own, never a repeat of the done runs.
 */
export function buildComparison(
  lab: Lab,
  req: CompareRequest,
): {
  table: ComparisonTable;
  groups: Comparison['groups'];
  excluded: Comparison['excluded'];
  notes: string[];
} {
  const excluded: Comparison['excluded'] = [];
  const hashed: HashedResult[] = [];
  for (const id of req.runIds) {
    const run = getRun(lab.db, id);
    if (!run) throw notFound(`run ${id}`);
    const stored = getResult(lab.db, id);
    if (!stored) throw new ApiError('conflict', `run ${id} has no result yet (it is ${run.status})`);
    const partial = run.status === 'done' ? undefined : run.status;
    if (partial !== undefined && !req.includePartial) excluded.push({ runId: id, status: partial });
    else hashed.push({ runId: id, scenarioHash: run.scenarioHash, result: stored.result, partial });
  }
  if (!hashed.length) {
    const list = excluded.map((e) => `run ${e.runId} is ${e.status}`).join(', ');
    throw new ApiError('invalid', `no finished runs to compare (${list}); ask to include partial runs`);
  }
  const grouped = groupRuns(hashed);
  for (const m of req.metrics ?? [])
    if (!resolveMetric(m)) throw new ApiError('invalid', `unknown metric "${m}"`);
  const baseline = req.baseline ?? 0;
  if (baseline >= grouped.length) {
    throw new ApiError('invalid', `baseline ${baseline} is not a group (there are ${grouped.length})`);
  }
  const list = [grouped[baseline]!, ...grouped.filter((_, i) => i !== baseline)];
  const table = compareRuns(list, { baseline: 0, metrics: req.metrics });
  const groups = list.map(({ label, runIds, scenarioHash, partial }) => ({
    label,
    runIds,
    scenarioHash,
    ...(partial !== undefined ? { partial } : {}),
  }));
  return { table, groups, excluded, notes: comparisonNotes(list, 0) };
}

export const compareHandlers: Handlers<'compare:runs' | 'export:comparison'> = {
  'compare:runs': (lab, req) => {
    const { table, groups, excluded, notes } = buildComparison(lab, req);
    return {
      groups,
      excluded,
      notes,
      baseline: table.baseline,
      rows: table.rows.map((r) => ({ metric: r.metric, meanKind: r.meanKind, cells: r.cells })),
      text: formatComparisonText(table),
    };
  },
  'export:comparison': (lab, req) => ({
    filename: `tierlab-comparison-${req.runIds.length}-runs.csv`,
    csv: formatComparisonCsv(buildComparison(lab, req).table),
  }),
};
