import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordedCounters } from '../../shared/vmstat.ts';

/** The runs here are on the default kernel, 6.12: its counters are the CSV's columns. */
const COUNTERS = recordedCounters('6.12', 'machine');
import { openDatabase, readSampleBatch } from '../db/index.ts';
import { LS_TRACE } from '../../../tests/fixtures/lackey.ts';
import { inProcessClient } from './in-process.ts';
import { readOnlyMount } from '../../../tests/support/main/db.ts';
import { closeLab, openLab } from './lab.ts';
import { smallScenario, tempLab } from '../../../tests/support/main/test-lab.ts';

async function saved(api: ReturnType<typeof inProcessClient>, doc: Record<string, unknown>) {
  const s = await api.call('scenario:save', { document: doc });
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  return s.value;
}

async function runToEnd(api: ReturnType<typeof inProcessClient>, scenarioId: number, repeat = 1) {
  const { runIds } = await api.call('run:start', { scenarioId, repeat });
  await new Promise<void>((resolve) => {
    const poll = async () => {
      const runs = await Promise.all(runIds.map((runId) => api.call('run:get', { runId })));
      if (runs.every((r) => !['queued', 'running'].includes(r.run.status))) resolve();
      else setTimeout(() => void poll(), 25);
    };
    void poll();
  });
  return runIds;
}

describe('the lab API, in process', () => {
  it('reads a lab on a read-only mount, and answers a write with why it cannot be made, naming the file', async (ctx) => {
    const mount = readOnlyMount((dir) => openDatabase(join(dir, 'lab.db')).close());
    if (!mount) return ctx.skip('mounting a read-only tmpfs is not permitted here');
    const lab = openLab({ dbPath: join(mount, 'lab.db'), workers: 0 });
    try {
      const api = inProcessClient(lab);
      expect(await api.call('run:list', {})).toEqual([]);
      await expect(api.call('scenario:save', { document: smallScenario() })).rejects.toThrow(
        `${join(mount, 'lab.db')} is read-only (the file is not writable, EROFS): nothing was written`,
      );
    } finally {
      await closeLab(lab);
    }
  });

  it('rejects a bad request naming the field, and an invalid scenario with every problem', async () => {
    const api = inProcessClient(tempLab());
    await expect(api.call('run:get', { runId: -1 })).rejects.toThrow(/runId/);
    const bad = smallScenario();
    (bad.machine as { nodes: { capacity: string }[] }).nodes[0]!.capacity = '-5MiB';
    const res = await api.call('scenario:save', { document: bad });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.map((e) => e.path)).toContain('machine.nodes[0].capacity');
    expect(await api.call('scenario:list', {})).toEqual([]);
  });

  it('derives tiers, demotion targets and boot log lines from a machine', async () => {
    const api = inProcessClient(tempLab());
    const res = await api.call('machine:derive', { machine: smallScenario().machine });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.nodes.map((n) => n.tier)).toEqual([4, 32]);
    expect(res.value.nodes[0]!.preferred).toEqual([1]);
    expect(res.value.log).toContain('Demotion targets for Node 0: preferred: 1, fallback: 1');
  });

  it('runs a saved scenario with repeats and groups the repeats in a comparison', async () => {
    const lab = tempLab(2);
    const api = inProcessClient(lab);
    const on = await saved(api, smallScenario({ name: 'demotion on' }));
    const off = await saved(api, smallScenario({ name: 'demotion off', demotion: false }));
    const a = await runToEnd(api, on.id, 2);
    const b = await runToEnd(api, off.id, 2);
    const runs = await api.call('run:list', { status: 'done' });
    expect(runs).toHaveLength(4);
    const table = await api.call('compare:runs', { runIds: [...a, ...b], metrics: ['pswpout'] });
    expect(table.groups.map((g) => g.runIds)).toEqual([a, b]);
    expect(table.rows[0]!.cells[0]!.mean).toBe(0);
    expect(table.rows[0]!.cells[1]!.mean).toBeGreaterThan(0);
    expect(table.text).toMatch(/pswpout/);
  });

  it('keeps the scenario file a run ran as written, with its seed and its LRU pinned, so a copy round-trips', async () => {
    const lab = tempLab(1);
    const api = inProcessClient(lab);
    const doc = smallScenario({ name: 'as written' });
    const s = await saved(api, doc);
    const [runId] = await runToEnd(api, s.id, 2).then((ids) => ids.slice(1));
    const { scenario } = await api.call('run:get', { runId: runId! });
    const run = (doc as { run?: Record<string, unknown> }).run ?? {};
    const seed = (typeof run.seed === 'number' ? run.seed : 1) + 1;
    // The file leaves lru_gen_enabled to linux 6.12's default, the multi-gen LRU: the run writes it in.
    const policy = doc.policy as { knobs: Record<string, unknown> };
    const pinned = { ...policy, knobs: { ...policy.knobs, lru_gen_enabled: true } };
    expect(scenario).toEqual({ ...doc, policy: pinned, run: { ...run, seed } });
  });

  it('runs only traces imported into the lab, and starts nothing for a trace elsewhere', async () => {
    const lab = tempLab(1);
    const api = inProcessClient(lab);
    const doc = smallScenario({ name: 'outside trace' }) as { workload: unknown[] };
    doc.workload = [{ name: 'ls', type: 'trace', file: LS_TRACE, cpu: 0 }];
    const s = await saved(api, doc);
    await expect(api.call('run:start', { scenarioId: s.id })).rejects.toThrow(
      /workload\[0\]\.file: only traces imported into the lab/,
    );
    expect(await api.call('run:list', {})).toHaveLength(0);
  });

  it('exports samples as CSV whose numbers equal the stored ones', async () => {
    const lab = tempLab();
    const api = inProcessClient(lab);
    const s = await saved(api, smallScenario());
    const [runId] = await runToEnd(api, s.id);
    const { csv } = await api.call('export:samples', { runIds: [runId!] });
    const [header, ...lines] = csv.trim().split('\n');
    expect(header!.split(',')).toEqual(['run_id', 'time_ms', ...COUNTERS]);
    const stored = readSampleBatch(lab.db, runId!);
    expect(lines).toHaveLength(stored.timesMs.length);
    lines.forEach((line, i) => {
      const cells = line.split(',').map(Number);
      expect(cells[0]).toBe(runId);
      expect(cells[1]).toBe(stored.timesMs[i]);
      COUNTERS.forEach((c, j) => expect(cells[j + 2]).toBe(stored.counters[c]![i]));
    });
  });

  it('tags, notes, deletes a finished run, and offers a deleted scenario back for undo', async () => {
    const api = inProcessClient(tempLab());
    const s = await saved(api, smallScenario());
    const [runId] = await runToEnd(api, s.id);
    expect((await api.call('run:tag', { runId: runId!, add: ['baseline', 'paper'] })).tags).toEqual([
      'baseline',
      'paper',
    ]);
    await api.call('run:note', { runId: runId!, text: 'kswapd keeps up' });
    expect((await api.call('run:get', { runId: runId! })).note).toBe('kswapd keeps up');
    expect((await api.call('run:list', { tag: 'paper' })).map((r) => r.id)).toEqual([runId]);
    expect(await api.call('run:delete', { runId: runId! })).toEqual({ deleted: true });
    const gone = await api.call('scenario:delete', { id: s.id });
    const back = await api.call('scenario:save', { document: gone.document });
    expect(back.ok && back.value.name).toBe('small');
  });
});

describe('trace import', () => {
  it('keeps an uploaded lackey trace beside the database and reports its counts', async () => {
    const lab = tempLab();
    const api = inProcessClient(lab);
    const { file, counts } = await api.call('trace:import', {
      name: 'ls.lackey.gz',
      base64: readFileSync(LS_TRACE).toString('base64'),
    });
    expect(file.startsWith(join(dirname(lab.dbPath), 'traces'))).toBe(true);
    expect(readFileSync(file)).toEqual(readFileSync(LS_TRACE));
    expect([counts.accesses, counts.pageRefs, counts.pages, counts.pagesWritten]).toEqual([
      200000, 200002, 137, 43,
    ]);
  });

  it('refuses a malformed trace naming the line, and keeps nothing', async () => {
    const lab = tempLab();
    const api = inProcessClient(lab);
    const base64 = Buffer.from(' L 1000,8\n S 2000,8\n L zz,4\n').toString('base64');
    await expect(api.call('trace:import', { name: 'bad.lackey', base64 })).rejects.toThrow(
      /bad\.lackey: line 3/,
    );
    const dir = join(dirname(lab.dbPath), 'traces');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });
});

describe('reusable parts', () => {
  it('keeps a named machine, workload list and policy, and hands back a deleted one for undo', async () => {
    const api = inProcessClient(tempLab());
    const s = smallScenario();
    for (const [kind, document] of [
      ['machine', s.machine],
      ['workload', s.workload],
      ['policy', s.policy],
    ] as const) {
      const saved = await api.call('part:save', { kind, name: `my ${kind}`, document });
      expect(saved.ok).toBe(true);
      expect((await api.call('part:list', { kind })).map((p) => p.name)).toEqual([`my ${kind}`]);
    }
    const [machine] = await api.call('part:list', { kind: 'machine' });
    const gone = await api.call('part:delete', { kind: 'machine', id: machine!.id });
    expect(gone.document).toEqual(s.machine);
    expect(await api.call('part:list', { kind: 'machine' })).toEqual([]);
  });

  it('refuses an invalid machine or workload list, naming the field, and stores nothing', async () => {
    const api = inProcessClient(tempLab());
    const machine = structuredClone(smallScenario().machine) as { nodes: { capacity: string }[] };
    machine.nodes[0]!.capacity = '-5MiB';
    const bad = await api.call('part:save', { kind: 'machine', name: 'broken', document: machine });
    expect(!bad.ok && bad.errors.map((e) => e.path)).toEqual(['machine.nodes[0].capacity']);
    const badWorkload = await api.call('part:save', {
      kind: 'workload',
      name: 'w',
      document: [{ name: 'x', type: 'usemen' }],
    });
    expect(!badWorkload.ok && badWorkload.errors[0]!.path).toBe('workload[0].type');
    expect(await api.call('part:list', { kind: 'machine' })).toEqual([]);
    expect(await api.call('part:list', { kind: 'workload' })).toEqual([]);
  });
});
