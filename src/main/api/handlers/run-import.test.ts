import { describe, expect, it } from 'vitest';
import { readSampleBatch } from '../../db/index.ts';
import { inProcessClient } from '../in-process.ts';
import { readSamplesCsv } from '../../../shared/api/read-samples-csv.ts';
import { runToEnd, smallScenario, tempLab } from '../../../../tests/support/main/test-lab.ts';

/** A CSV's rows without their leading run id. */
const withoutRunId = (csv: string) =>
  csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.slice(line.indexOf(',') + 1));

describe('run:import', () => {
  it('stores an exported run and its samples in another lab, once, exactly as they were', async () => {
    const from = tempLab();
    const source = inProcessClient(from);
    const [runId] = await runToEnd(source, smallScenario());
    const { result, samples } = await source.call('export:run', { runId: runId! });
    const into = tempLab(0);
    const api = inProcessClient(into);
    // Through JSON, as the files carry them.
    const files = JSON.parse(JSON.stringify({ result, samples })) as { result: unknown; samples: unknown };
    const first = await api.call('run:import', { runs: [files] });
    const stored = readSampleBatch(from.db, runId!);
    expect(first.runs).toEqual([{ runId: 1, imported: true, samples: stored.timesMs.length }]);
    expect(stored.timesMs.length).toBe(2000 / 100 + 1);
    expect(readSampleBatch(into.db, 1)).toEqual(stored);
    const run = (await api.call('run:get', { runId: 1 })).run;
    expect([run.status, run.name, run.seed, run.engine]).toEqual([
      'done',
      'small',
      result.seed,
      result.engine,
    ]);
    // The imported run exports the same rows as the one it came from.
    const csv = async (client: typeof api, id: number, perNode: boolean) =>
      withoutRunId((await readSamplesCsv(client, { runIds: [id], perNode })).csv);
    expect(await csv(api, 1, false)).toEqual(await csv(source, runId!, false));
    expect(await csv(api, 1, true)).toEqual(await csv(source, runId!, true));
    const again = await api.call('run:import', { runs: [files] });
    expect(again.runs).toEqual([{ runId: 1, imported: false, samples: 0 }]);
    expect(await api.call('run:list', {})).toHaveLength(1);
  });

  it("carries a run's cgroup samples through export:run and run:import", async () => {
    const source = inProcessClient(tempLab());
    const doc = smallScenario() as { workload: Record<string, unknown>[] };
    doc.workload[0]!.cgroup = { name: 'box', max: '48MiB' };
    const [runId] = await runToEnd(source, doc);
    const { result, samples } = await source.call('export:run', { runId: runId! });
    expect(Object.keys(samples.cgroups ?? {})).toEqual(['box']);
    const api = inProcessClient(tempLab(0));
    const files = JSON.parse(JSON.stringify({ result, samples })) as { result: unknown; samples: unknown };
    await api.call('run:import', { runs: [files] });
    const csv = async (client: typeof api, id: number) =>
      withoutRunId((await client.call('export:cgroups', { runIds: [id] })).csv);
    expect(await csv(api, 1)).toEqual(await csv(source, runId!));
    expect((await csv(api, 1)).length).toBe(samples.timesMs.length);
  });

  it('imports nothing when one of the files is bad, naming which and why', async () => {
    const from = inProcessClient(tempLab());
    const [runId] = await runToEnd(from, smallScenario());
    const { result, samples } = await from.call('export:run', { runId: runId! });
    const good = { result, samples };
    const api = inProcessClient(tempLab(0));
    const brokenSamples = { ...samples, timesMs: samples.timesMs.slice(1) };
    await expect(
      api.call('run:import', { runs: [good, { result, samples: brokenSamples }] }),
    ).rejects.toThrow(
      /^runs\[1\]\.samples: not a valid samples file, nothing imported \(nodes\.0\.\w+ needs 20 values/,
    );
    await expect(
      api.call('run:import', { runs: [{ result: { ...result, format: 'other/1' } }] }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: 'runs[0]: not a tierlab.result/1 file (format is "other/1")',
    });
    await expect(api.call('run:import', { runs: [{ result: { ...result, seed: 'x' } }] })).rejects.toThrow(
      /^runs\[0\]: not a valid tierlab\.result\/1 file, nothing imported \(.*seed/,
    );
    expect(await api.call('run:list', {})).toEqual([]);
  });
});
