// `tierlab export RUN... --csv OUT [--results | --per-node [--node N] | --heatmap [--task NAME] |
// --cgroups | --fleet] [--db PATH]`: samples (one row per sample, run id first; with --per-node one per sample
// per node), streamed to the file; with --results one row per run; with --heatmap the access
// heatmaps, one row per interval and address bucket (export:heatmap); with --cgroups one row per
// sample and memory cgroup (export:cgroups); with --fleet each task's fleet metrics, one row per
// point (export:fleet).
import { EXPORT_USAGE } from '../usage.ts';
import { writeFile } from 'node:fs/promises';
import type { SamplesExportRequest } from '../../shared/api/contract.ts';
import { intOption, parseCommandArgs, UsageError } from '../args.ts';
import { DB_OPTION, parseRunIds, withLab } from '../lab.ts';
import { writeSamplesCsv } from '../write-samples-csv.ts';

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      csv: { type: 'string' },
      results: { type: 'boolean' },
      'per-node': { type: 'boolean' },
      node: { type: 'string' },
      heatmap: { type: 'boolean' },
      task: { type: 'string' },
      cgroups: { type: 'boolean' },
      fleet: { type: 'boolean' },
      ...DB_OPTION,
    },
    EXPORT_USAGE,
  );
  const runIds = parseRunIds(positionals);
  const out = values.csv;
  if (!runIds.length || !out) throw new UsageError(`expected run ids and --csv OUT\nusage: ${EXPORT_USAGE}`);
  const node = intOption('node', values.node);
  // --node N alone means N's per-node rows: there is no machine-wide row of one node.
  const req: SamplesExportRequest = { runIds, perNode: values['per-node'] || node !== undefined, node };
  if (values.results && req.perNode)
    throw new UsageError(`--results has one row per run, not per node\nusage: ${EXPORT_USAGE}`);
  if (values.heatmap && (values.results || req.perNode))
    throw new UsageError(
      `--heatmap is its own table: not with --results or --per-node\nusage: ${EXPORT_USAGE}`,
    );
  if (values.cgroups && (values.results || req.perNode || values.heatmap))
    throw new UsageError(
      `--cgroups is its own table: not with --results, --per-node or --heatmap\nusage: ${EXPORT_USAGE}`,
    );
  if (values.fleet && (values.results || req.perNode || values.heatmap || values.cgroups))
    throw new UsageError(
      `--fleet is its own table: not with --results, --per-node, --heatmap or --cgroups\nusage: ${EXPORT_USAGE}`,
    );
  if (values.task !== undefined && !values.heatmap)
    throw new UsageError(`--task picks a task's heatmap: give --heatmap with it\nusage: ${EXPORT_USAGE}`);
  await withLab({ db: values.db, workers: 0 }, async ({ api }) => {
    if (values.results) return writeFile(out, (await api.call('export:results', { runIds })).csv);
    if (values.heatmap)
      return writeFile(out, (await api.call('export:heatmap', { runIds, task: values.task })).csv);
    if (values.cgroups) return writeFile(out, (await api.call('export:cgroups', { runIds })).csv);
    if (values.fleet) return writeFile(out, (await api.call('export:fleet', { runIds })).csv);
    await writeSamplesCsv(api, req, out);
  });
  return 0;
}
