// compare:runs and export:comparison — runs grouped by scenario, summarised as mmtests does.
import type { Comparison } from '../../../shared/api/types.ts';
import {
  compareRuns,
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
  const groups = new Map<
    string,
    Comparison['groups'][number] & { results: NonNullable<ReturnType<typeof getResult>>['result'][] }
  >();
  for (const id of req.runIds) {
    const run = getRun(lab.db, id);
    const stored = getResult(lab.db, id);
    if (!run) throw notFound(`run ${id}`);
    if (!stored) throw new ApiError('conflict', `run ${id} has no result yet (it is ${run.status})`);
    const key = run.scenarioHash ?? `run:${id}`;
    const g = groups.get(key) ?? {
      label: stored.result.name,
      runIds: [],
      scenarioHash: run.scenarioHash,
      results: [],
    };
    g.runIds.push(id);
    g.results.push(stored.result);
    groups.set(key, g);
  }
  const list = [...groups.values()];
  const seen = new Map<string, number>();
  for (const g of list) {
    const n = (seen.get(g.label) ?? 0) + 1;
    seen.set(g.label, n);
    if (n > 1) g.label = `${g.label} #${n}`;
  }
  for (const m of req.metrics ?? [])
    if (!resolveMetric(m)) throw new ApiError('invalid', `unknown metric "${m}"`);
  if (req.baseline !== undefined && req.baseline >= list.length) {
    throw new ApiError('invalid', `baseline ${req.baseline} is not a group (there are ${list.length})`);
  }
  const table = compareRuns(
    list.map((g) => ({ label: g.label, results: g.results })),
    { baseline: req.baseline, metrics: req.metrics },
  );
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
