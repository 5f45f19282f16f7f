import { describe, expect, it } from 'vitest';
import { MEMCG_SAMPLE_COLUMNS } from '../../shared/memcg-stat.ts';
import { emptyColumns, numaStatColumn, type SampleBatch } from '../../shared/samples.ts';
import { appendSampleBatch } from './append-samples.ts';
import { readCgroupSamples } from './memcg-samples.ts';
import { createRun } from './runs.ts';
import { makeBatch, openTempDatabase } from '../../../tests/support/main/db.ts';

/** Two cgroups' columns for a batch of `rows` samples on 2 nodes, each value distinct. */
function withCgroups(batch: SampleBatch, seed: number): SampleBatch {
  const rows = batch.timesMs.length;
  const names = [
    ...MEMCG_SAMPLE_COLUMNS,
    ...[0, 1].flatMap((n) => [numaStatColumn('anon', n), numaStatColumn('file', n)]),
  ];
  batch.cgroups = {};
  for (const [g, name] of ['web', 'batch'].entries()) {
    const columns = emptyColumns(names);
    names.forEach((c, i) => {
      for (let r = 0; r < rows; r++) columns[c]!.push(seed * 1e6 + g * 1e4 + i * 100 + r);
    });
    batch.cgroups[name] = columns;
  }
  return batch;
}

describe('cgroup samples', () => {
  it('read back as written, memory.stat and memory.numa_stat alike, by cgroup', () => {
    const { db } = openTempDatabase();
    const runId = createRun(db, { name: 'r', seed: 1, engineVersion: 'test' }).id;
    const first = withCgroups(makeBatch(2, 5, 0, 10, 1), 1);
    const second = withCgroups(makeBatch(2, 3, 50, 10, 2), 2);
    appendSampleBatch(db, runId, first);
    appendSampleBatch(db, runId, second);
    const back = readCgroupSamples(db, runId);
    expect(back.timesMs).toEqual([...first.timesMs, ...second.timesMs]);
    for (const name of ['web', 'batch']) {
      for (const [c, column] of Object.entries(first.cgroups![name]!))
        expect(back.cgroups[name]![c]).toEqual([...column, ...second.cgroups![name]![c]!]);
    }
  });

  it('refuse a batch whose cgroup lacks a memory.stat column, writing nothing', () => {
    const { db } = openTempDatabase();
    const runId = createRun(db, { name: 'r', seed: 1, engineVersion: 'test' }).id;
    const batch = withCgroups(makeBatch(2, 5, 0, 10, 1), 1);
    delete batch.cgroups!.web!.pgsteal_direct;
    expect(() => appendSampleBatch(db, runId, batch)).toThrow(/pgsteal_direct for cgroup web/);
    expect(readCgroupSamples(db, runId).timesMs).toEqual([]);
  });
});
