// compare:runs and export:comparison — runs grouped by scenario, summarised as mmtests does.
import type { Comparison } from '../../../shared/api/types.ts';
import {
  compareRuns,
  groupRuns,
  formatComparisonCsv,
  formatComparisonText,
  resolveMetric,
  type ComparisonTable,
} from '../../compare/index.ts';
import { getResult, getRun } from '../../db/index.ts';
import { ApiError, notFound } from '../errors.ts';
import type { Handlers } from '../handler.ts';
import type { Lab } from '../lab.ts';

interface CompareRequest {
  runIds: number[];
  baseline?: number;
  metrics?: string[];
}

/** Groups runs by scenario hash (repeats with other seeds together), in the order first given. */
export function buildComparison(
  lab: Lab,
  req: CompareRequest,
): { table: ComparisonTable; groups: Comparison['groups'] } {
  const list = groupRuns(
    req.runIds.map((id) => {
      const run = getRun(lab.db, id);
      if (!run) throw notFound(`run ${id}`);
      const stored = getResult(lab.db, id);
      if (!stored) throw new ApiError('conflict', `run ${id} has no result yet (it is ${run.status})`);
      return { runId: id, scenarioHash: run.scenarioHash, result: stored.result };
    }),
  );
  for (const m of req.metrics ?? [])
    if (!resolveMetric(m)) throw new ApiError('invalid', `unknown metric "${m}"`);
  if (req.baseline !== undefined && req.baseline >= list.length) {
    throw new ApiError('invalid', `baseline ${req.baseline} is not a group (there are ${list.length})`);
  }
  const table = compareRuns(list, { baseline: req.baseline, metrics: req.metrics });
  return { table, groups: list.map(({ label, runIds, scenarioHash }) => ({ label, runIds, scenarioHash })) };
}

export const compareHandlers: Handlers<'compare:runs' | 'export:comparison'> = {
  'compare:runs': (lab, req) => {
    const { table, groups } = buildComparison(lab, req);
    return {
      groups,
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
