import { documentCounters } from '../../../shared/scenario/run-kernel.ts';
import { describe, expect, it } from 'vitest';
import { LS_TRACE } from '../../../../tests/fixtures/lackey.ts';
import { readSamplesFile } from '../../../shared/samples-file.ts';
import { inProcessClient } from '../in-process.ts';
import { smallScenario, tempLab } from '../../../../tests/support/main/test-lab.ts';

describe('run:start with a document', () => {
  it('saves the document as a new scenario and runs it with its seeds, each run keeping the file with its LRU pinned', async () => {
    const api = inProcessClient(tempLab(2));
    const doc = smallScenario({ name: 'from a file' });
    const { runIds } = await api.call('run:start', { document: doc, repeat: 2 });
    const { runs } = await api.call('run:wait', { runIds });
    expect(runs.map((r) => [r.id, r.status])).toEqual(runIds.map((id) => [id, 'done']));
    const [stored, ...others] = await api.call('scenario:list', {});
    expect(others).toEqual([]);
    expect(stored!.document).toEqual(doc);
    expect(runs.map((r) => r.scenarioId)).toEqual([stored!.id, stored!.id]);
    const seed = (doc.run as { seed?: number }).seed ?? 1;
    const second = await api.call('run:get', { runId: runIds[1]! });
    // The saved scenario stays as written; the run's copy writes in linux 6.12's default, MGLRU on.
    const policy = doc.policy as { knobs: Record<string, unknown> };
    const pinned = { ...policy, knobs: { ...policy.knobs, lru_gen_enabled: true } };
    expect(second.scenario).toEqual({
      ...doc,
      policy: pinned,
      run: { ...(doc.run as object), seed: seed + 1 },
    });
    expect(second.result?.simulatedMs).toBeGreaterThan(0);
  });

  it('refuses an invalid document naming its problems, and saves and queues nothing', async () => {
    const api = inProcessClient(tempLab());
    const bad = smallScenario();
    (bad.machine as { nodes: { capacity: string }[] }).nodes[0]!.capacity = '-5MiB';
    await expect(api.call('run:start', { document: bad })).rejects.toThrow(
      /document is not a valid scenario: machine\.nodes\[0\]\.capacity/,
    );
    expect(await api.call('scenario:list', {})).toEqual([]);
    expect(await api.call('run:list', {})).toEqual([]);
  });

  it('wants exactly one of scenarioId and document', async () => {
    const api = inProcessClient(tempLab());
    const both = { scenarioId: 1, document: smallScenario() } as unknown as { scenarioId: number };
    await expect(api.call('run:start', both)).rejects.toThrow(/give either scenarioId .* or document/);
    await expect(api.call('run:start', {} as { scenarioId: number })).rejects.toThrow(/give either/);
  });

  it('runs a trace from outside the lab only in a lab opened with mayReadAnyTrace (the CLI)', async () => {
    const doc = smallScenario({ name: 'outside trace' }) as { workload: unknown[] };
    doc.workload = [{ name: 'ls', type: 'trace', file: LS_TRACE, cpu: 0 }];
    const app = inProcessClient(tempLab());
    await expect(app.call('run:start', { document: doc })).rejects.toThrow(
      /only traces imported into the lab/,
    );
    expect(await app.call('scenario:list', {})).toEqual([]);
    const cli = inProcessClient(tempLab(1, { mayReadAnyTrace: true }));
    const { runIds } = await cli.call('run:start', { document: doc });
    const { runs } = await cli.call('run:wait', { runIds });
    expect(runs[0]!.status).toBe('done');
  });
});

describe('run:wait', () => {
  it('answers after timeoutMs with the runs as they are, and once they have ended with how they ended', async () => {
    const api = inProcessClient(tempLab(1));
    const long = smallScenario({ name: 'long', durationMs: 600_000 });
    const { runIds } = await api.call('run:start', { document: long, repeat: 2 });
    const started = performance.now();
    const early = await api.call('run:wait', { runIds, timeoutMs: 50 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(early.runs.map((r) => r.status).every((s) => s === 'queued' || s === 'running')).toBe(true);
    for (const runId of runIds) await api.call('run:cancel', { runId });
    const { runs } = await api.call('run:wait', { runIds });
    expect(runs.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('answers at once for runs that have ended, and names a run that does not exist', async () => {
    const api = inProcessClient(tempLab());
    const { runIds } = await api.call('run:start', { document: smallScenario() });
    await api.call('run:wait', { runIds });
    expect((await api.call('run:wait', { runIds })).runs[0]!.status).toBe('done');
    await expect(api.call('run:wait', { runIds: [...runIds, 999] })).rejects.toThrow(
      'run 999 does not exist',
    );
  });
});

describe('export:run', () => {
  it('gives a result file with the scenario it ran and its hash, and its samples as a samples file', async () => {
    const api = inProcessClient(tempLab());
    const { runIds } = await api.call('run:start', { document: smallScenario() });
    const runId = runIds[0]!;
    await api.call('run:wait', { runIds });
    const file = await api.call('export:run', { runId });
    const detail = await api.call('run:get', { runId });
    expect(file.filename).toBe(`tierlab-run-${runId}.result.json`);
    expect(file.result).toEqual({
      ...detail.result,
      scenario: detail.scenario,
      scenarioHash: detail.run.scenarioHash,
    });
    const read = readSamplesFile(file.samples, file.result.nodes.length, {
      machine: documentCounters(detail.scenario, 'machine'),
      node: documentCounters(detail.scenario, 'node'),
    });
    if (!read.ok) throw new Error(read.problem);
    const series = await api.call('run:samples', { runId, counters: ['pgscan_kswapd'] });
    expect(Array.from(read.batch.timesMs)).toEqual(series.timesMs);
  });

  it('is not_found for a run cancelled before it started, which has no result', async () => {
    const api = inProcessClient(tempLab(1));
    const long = smallScenario({ durationMs: 600_000 });
    const { runIds } = await api.call('run:start', { document: long, repeat: 2 });
    for (const runId of [...runIds].reverse()) await api.call('run:cancel', { runId });
    await api.call('run:wait', { runIds });
    await expect(api.call('export:run', { runId: runIds[1]! })).rejects.toMatchObject({
      code: 'not_found',
      message: `a result of run ${runIds[1]} (it is cancelled) does not exist`,
    });
  });
});
