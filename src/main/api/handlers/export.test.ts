import { describe, expect, it } from 'vitest';
import { recordedCounters } from '../../../shared/vmstat.ts';

/** The runs here are on the default kernel, 6.12: its counters are the CSV's columns. */
const COUNTERS = recordedCounters('6.12', 'node');
import { inProcessClient } from '../in-process.ts';
import { countSamples, readSampleBatch, SAMPLES_PER_CHUNK } from '../../db/index.ts';
import { saveResult } from '../../db/results.ts';
import { samplesCsvChunks } from '../../../shared/api/read-samples-csv.ts';
import { runToEnd, smallScenario, tempLab } from '../../../../tests/support/main/test-lab.ts';

/** The CSV's header and its rows as numbers. */
function parse(csv: string): { header: string[]; rows: number[][] } {
  const [header, ...lines] = csv.trim().split('\n');
  return { header: header!.split(','), rows: lines.map((line) => line.split(',').map(Number)) };
}

describe('export:samples per node', () => {
  it('has one row per sample per node, and the nodes of each sample sum to its machine-wide row', async () => {
    const api = inProcessClient(tempLab());
    const runIds = await runToEnd(api, smallScenario(), 2);
    const machine = parse((await api.call('export:samples', { runIds })).csv);
    const file = await api.call('export:samples', { runIds, perNode: true });
    expect(file.filename).toBe('tierlab-runs-2-node-samples.csv');
    const perNode = parse(file.csv);
    expect(perNode.header).toEqual(['run_id', 'time_ms', 'node', ...COUNTERS]);
    // The small scenario's machine has two nodes: each machine-wide row is followed by nodes 0 and 1.
    expect(perNode.rows).toHaveLength(2 * machine.rows.length);
    expect(machine.rows.length).toBeGreaterThan(2);
    machine.rows.forEach(([runId, tMs, ...sums], i) => {
      const nodes = perNode.rows.slice(2 * i, 2 * i + 2);
      expect(nodes.map((row) => row.slice(0, 3))).toEqual([
        [runId, tMs, 0],
        [runId, tMs, 1],
      ]);
      // Every counter is kept per node and /proc/vmstat is their sum, gauges and events alike.
      COUNTERS.forEach((name, c) => expect(nodes[0]![3 + c]! + nodes[1]![3 + c]!, name).toBe(sums[c]));
    });
    // Not a vacuous sum: the far tier holds pages, so node 1's rows are not all zero.
    expect(perNode.rows.some((row) => row[2] === 1 && row.slice(3).some((v) => v > 0))).toBe(true);
  });

  it("exports one node's rows only, and names a node the run does not have", async () => {
    const api = inProcessClient(tempLab());
    const [runId] = await runToEnd(api, smallScenario());
    const all = parse((await api.call('export:samples', { runIds: [runId!], perNode: true })).csv);
    const file = await api.call('export:samples', { runIds: [runId!], perNode: true, node: 1 });
    expect(file.filename).toBe(`tierlab-run-${runId}-node1-samples.csv`);
    const one = parse(file.csv);
    expect(one.header).toEqual(all.header);
    expect(one.rows).toEqual(all.rows.filter((row) => row[2] === 1));
    await expect(
      api.call('export:samples', { runIds: [runId!], perNode: true, node: 2 }),
    ).rejects.toMatchObject({ code: 'not_found', message: `run ${runId} has nodes 0, 1, not node 2` });
    await expect(api.call('export:samples', { runIds: [runId!], node: 1 })).rejects.toThrow(
      /node: .*perNode: true/,
    );
  });
});

describe('export:heatmap', () => {
  it('has a row per task, interval and bucket carrying the result’s references and pages per node', async () => {
    const api = inProcessClient(tempLab());
    const [runId] = await runToEnd(api, smallScenario());
    const { result } = await api.call('run:get', { runId: runId! });
    const h = result!.tasks[0]!.heatmap!;
    const file = await api.call('export:heatmap', { runIds: [runId!] });
    expect(file.filename).toBe(`tierlab-run-${runId}-heatmap.csv`);
    const [head, ...lines] = file.csv.trim().split('\n');
    const header = head!.split(',');
    expect(header.slice(-2)).toEqual(['node0_pages', 'node1_pages']);
    expect(lines).toHaveLength(h.timesMs.length * h.references[0]!.length);
    const buckets = h.references[0]!.length;
    lines.forEach((line, i) => {
      const row = line.split(',');
      const c = Math.floor(i / buckets);
      const b = i % buckets;
      expect(Number(row[header.indexOf('references')])).toBe(h.references[c]![b]);
      expect(row.slice(-2).map(Number)).toEqual(h.residentPages![c]![b]);
    });
  });

  it('names a missing run, and a task the run does not have with the ones it has', async () => {
    const api = inProcessClient(tempLab());
    const [runId] = await runToEnd(api, smallScenario());
    const wrongTask = api.call('export:heatmap', { runIds: [runId!], task: 'nope' });
    await expect(wrongTask).rejects.toMatchObject({ code: 'not_found' });
    await expect(wrongTask).rejects.toThrow(new RegExp(`^run ${runId} has no task nope \\(its tasks: `));
    await expect(api.call('export:heatmap', { runIds: [999] })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('export:samples in chunks', () => {
  /** Two runs of more samples than a chunk holds: a sample every 1 ms tick for 4.5 s. */
  async function longRuns() {
    const lab = tempLab();
    const api = inProcessClient(lab);
    const doc = smallScenario({ durationMs: 4500 }) as { run: Record<string, unknown> };
    doc.run.tickMs = 1;
    doc.run.sampleEveryMs = 1;
    const runIds = await runToEnd(api, doc, 2);
    return { lab, api, runIds };
  }

  it('streams every stored sample once, in order, each row its nodes summed', async () => {
    const { lab, api, runIds } = await longRuns();
    const chunks = [];
    for await (const chunk of samplesCsvChunks(api, { runIds })) chunks.push(chunk);
    const samples = runIds.map((id) => countSamples(lab.db, id));
    expect(samples).toEqual([4501, 4501]);
    // A chunk holds one run's samples, at most SAMPLES_PER_CHUNK of them: no call answers the whole file.
    expect(chunks.map((c) => c.csv.trim().split('\n').length)).toEqual([
      1 + SAMPLES_PER_CHUNK,
      4501 - SAMPLES_PER_CHUNK,
      SAMPLES_PER_CHUNK,
      4501 - SAMPLES_PER_CHUNK,
    ]);
    expect(new Set(chunks.map((c) => c.filename))).toEqual(new Set(['tierlab-runs-2-samples.csv']));
    const { header, rows } = parse(chunks.map((c) => c.csv).join(''));
    expect(header).toEqual(['run_id', 'time_ms', ...COUNTERS]);
    // Worked out from the stored per-node columns, not from the machine-wide ones the CSV is written from.
    const expected = runIds.flatMap((id) => {
      const b = readSampleBatch(lab.db, id);
      return b.timesMs.map((t, r) => [
        id,
        t,
        ...COUNTERS.map((name) => b.nodes[0]![name]![r]! + b.nodes[1]![name]![r]!),
      ]);
    });
    expect(rows).toEqual(expected);
    expect(rows.filter((row) => row[COUNTERS.indexOf('pgdemote_kswapd') + 2]! > 0).length).toBeGreaterThan(0);
  });

  it('streams per node across chunk boundaries, and refuses a cursor past the runs', async () => {
    const { lab, api, runIds } = await longRuns();
    let csv = '';
    let calls = 0;
    for await (const chunk of samplesCsvChunks(api, {
      runIds: [runIds[1]!],
      perNode: true,
      withRunId: false,
    })) {
      csv += chunk.csv;
      calls++;
    }
    expect(calls).toBe(2);
    const { header, rows } = parse(csv);
    expect(header).toEqual(['time_ms', 'node', ...COUNTERS]);
    const b = readSampleBatch(lab.db, runIds[1]!);
    expect(rows).toEqual(
      b.timesMs.flatMap((t, r) =>
        [0, 1].map((n) => [t, n, ...COUNTERS.map((name) => b.nodes[n]![name]![r]!)]),
      ),
    );
    await expect(
      api.call('export:samples', { runIds, from: { run: 2, afterMs: null } }),
    ).rejects.toMatchObject({ code: 'invalid', message: 'from.run is 2, but there are 2 runs' });
  });
});

describe('export:cgroups', () => {
  it('has a row per sample and cgroup: memory.current within memory.max, numa_stat summing to anon + file', async () => {
    const api = inProcessClient(tempLab());
    const doc = smallScenario() as { workload: Record<string, unknown>[] };
    doc.workload[0]!.cgroup = { name: 'box', max: '48MiB' };
    const [runId] = await runToEnd(api, doc);
    const file = await api.call('export:cgroups', { runIds: [runId!] });
    expect(file.filename).toBe(`tierlab-run-${runId}-cgroups.csv`);
    const [headerLine, ...lines] = file.csv.trim().split('\n');
    const header = headerLine!.split(',');
    expect(header.slice(0, 5)).toEqual(['run_id', 'time_ms', 'cgroup', 'current', 'anon']);
    expect(header.slice(-4)).toEqual(['node0_anon', 'node0_file', 'node1_anon', 'node1_file']);
    const col = (row: string[], name: string) => Number(row[header.indexOf(name)]);
    const rows = lines.map((l) => l.split(','));
    const samples = await api.call('export:samples', { runIds: [runId!] });
    expect(rows).toHaveLength(samples.csv.trim().split('\n').length - 1);
    for (const row of rows) {
      expect(row[2]).toBe('box');
      expect(col(row, 'current')).toBeLessThanOrEqual(48 * 2 ** 20);
      expect(col(row, 'node0_anon') + col(row, 'node1_anon')).toBe(col(row, 'anon'));
      expect(col(row, 'anon') + col(row, 'file')).toBe(col(row, 'current'));
    }
    // The 96 MiB usemem was held to 48 MiB: its cgroup hit memory.max and reclaimed.
    expect(col(rows.at(-1)!, 'max')).toBeGreaterThan(0);
    expect(col(rows.at(-1)!, 'pgsteal_direct')).toBeGreaterThan(0);
  });
});

describe('export:fleet', () => {
  it("has each task's working set at its residency times and its STRR as the stored result says", async () => {
    const api = inProcessClient(tempLab());
    const [runId] = await runToEnd(api, smallScenario());
    const { result } = await api.call('run:get', { runId: runId! });
    const task = result!.tasks[0]!;
    const file = await api.call('export:fleet', { runIds: [runId!] });
    expect(file.filename).toBe(`tierlab-run-${runId}-fleet.csv`);
    const rows = file.csv
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const ws = rows.filter((r) => r[1] === task.name && r[2] === 'working_set_pages');
    expect(ws.map((r) => Number(r[3]))).toEqual(task.residency.timesMs);
    expect(ws.map((r) => Number(r[4]))).toEqual(task.fleet!.workingSetPages);
    const strr = rows.find((r) => r[1] === task.name && r[2] === 'strr')!;
    expect(strr[4]).toBe(task.fleet!.strr === null ? '' : String(task.fleet!.strr));
  });

  it('names a missing run, and a run whose result has no fleet metrics', async () => {
    const lab = tempLab();
    const api = inProcessClient(lab);
    await expect(api.call('export:fleet', { runIds: [999] })).rejects.toMatchObject({ code: 'not_found' });
    const [runId] = await runToEnd(api, smallScenario());
    const { result } = await api.call('run:get', { runId: runId! });
    saveResult(lab.db, runId!, { ...result!, tasks: result!.tasks.map((t) => ({ ...t, fleet: undefined })) });
    await expect(api.call('export:fleet', { runIds: [runId!] })).rejects.toThrow(
      `run ${runId} kept no fleet metrics (its result predates them)`,
    );
  });
});
