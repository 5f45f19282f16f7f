// Per-cgroup samples as tidy CSV: one row per run, sample and cgroup, with memory.current, the
// memory.stat fields and memory.events under the kernel's names (sizes in bytes, events as counts),
// then memory.numa_stat as node<id>_anon and node<id>_file per node id of any run (empty where a
// run has no such node). Example row: run 3 at 500 ms, cgroup web, current 33554432, ...
import { MEMCG_SAMPLE_COLUMNS } from '../../shared/memcg-stat.ts';
import { numaStatColumn, type SampleColumns } from '../../shared/samples.ts';
import { csvLine } from './csv.ts';

export interface CgroupSamplesRun {
  runId: number;
  timesMs: number[];
  cgroups: Record<string, SampleColumns>;
}

function nodeIds(runs: readonly CgroupSamplesRun[]): number[] {
  const ids = new Set<number>();
  for (const r of runs)
    for (const columns of Object.values(r.cgroups))
      for (const name of Object.keys(columns)) {
        const m = /^anon_N(\d+)$/.exec(name);
        if (m) ids.add(Number(m[1]));
      }
  return [...ids].sort((a, b) => a - b);
}

export function cgroupsCsv(runs: readonly CgroupSamplesRun[]): string {
  const ids = nodeIds(runs);
  let out = csvLine([
    'run_id',
    'time_ms',
    'cgroup',
    ...MEMCG_SAMPLE_COLUMNS,
    ...ids.flatMap((id) => [`node${id}_anon`, `node${id}_file`]),
  ]);
  for (const run of runs) {
    for (const [name, columns] of Object.entries(run.cgroups)) {
      run.timesMs.forEach((t, row) => {
        out += csvLine([
          run.runId,
          t,
          name,
          ...MEMCG_SAMPLE_COLUMNS.map((c) => columns[c]?.[row]),
          ...ids.flatMap((id) => [
            columns[numaStatColumn('anon', id)]?.[row],
            columns[numaStatColumn('file', id)]?.[row],
          ]),
        ]);
      });
    }
  }
  return out;
}
