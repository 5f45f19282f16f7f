// The access heatmap through the real `tierlab` command: `export --heatmap` writes the stored heat
// log row for row, and `show --heatmap` draws one band per node whose characters are worked out
// here again from the run's result file (references split by the pages on each node, log scale).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../src/shared/result.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'tierlab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'tierlab-cli-heatmap-'));
const db = join(dir, 'lab.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tierlab(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8', timeout: 120_000 });
}

/** A 16 MiB hot set and a small bound one over DRAM and two PMEM nodes (one tier), for a second. */
const scenario = {
  format: 'tierlab.scenario/1',
  name: 'heatmap cli',
  machine: {
    pageSize: '4KiB',
    nodes: [
      { id: 0, memory: 'dram', capacity: '6MiB', cpus: 1 },
      { id: 1, memory: 'pmem', capacity: '32MiB', cpus: 0 },
      { id: 2, memory: 'pmem', capacity: '8MiB', cpus: 0 },
    ],
  },
  policy: { preset: 'linux', knobs: { demotion_enabled: true, min_free_kbytes: 128 } },
  workload: [
    { name: 'hot', type: 'hotset', size: '16MiB', cpu: 0 },
    { name: 'far', type: 'hotset', size: '1MiB', cpu: 0, mempolicy: { mode: 'bind', nodes: [2] } },
  ],
  run: { durationMs: 1000, tickMs: 10, sampleEveryMs: 100, seed: 2 },
};

let result: RunResult;

beforeAll(() => {
  const file = join(dir, 'heatmap.tierlab.json');
  writeFileSync(file, JSON.stringify(scenario));
  const r = tierlab('run', file, '--save', '--quiet', '--json', join(dir, 'r.json'));
  if (r.status !== 0) throw new Error(r.stderr);
  result = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as RunResult;
}, 120_000);

describe('tierlab export --heatmap', () => {
  it('writes a row per task, interval and bucket with the stored references, share and pages per node', () => {
    const out = join(dir, 'h.csv');
    const r = tierlab('export', '1', '--heatmap', '--csv', out);
    expect(r.status, r.stderr).toBe(0);
    const [head, ...lines] = readFileSync(out, 'utf8').trim().split('\n');
    const header = head!.split(',');
    expect(header).toEqual([
      'run_id',
      'task',
      'column',
      'from_ms',
      'to_ms',
      'bucket',
      'first_page',
      'pages',
      'references',
      'top_tier_share',
      'node0_pages',
      'node1_pages',
      'node2_pages',
    ]);
    const rows = lines.map((l) => l.split(','));
    const expected = result.tasks.reduce(
      (n, t) => n + t.heatmap!.timesMs.length * t.heatmap!.references[0]!.length,
      0,
    );
    expect(rows).toHaveLength(expected);
    const col = (name: string) => header.indexOf(name);
    for (const row of rows) {
      const t = result.tasks.find((x) => x.name === row[col('task')])!;
      const h = t.heatmap!;
      const c = Number(row[col('column')]);
      const b = Number(row[col('bucket')]);
      expect(row[col('run_id')]).toBe('1');
      expect(Number(row[col('to_ms')])).toBe(h.timesMs[c]);
      expect(Number(row[col('from_ms')])).toBe(c === 0 ? 0 : h.timesMs[c - 1]);
      expect(Number(row[col('first_page')])).toBe(b * h.bucketPages);
      expect(Number(row[col('references')])).toBe(h.references[c]![b]);
      const share = h.topTierShare[c]![b];
      expect(row[col('top_tier_share')]).toBe(share === null ? '' : String(share));
      expect([0, 1, 2].map((n) => Number(row[col(`node${n}_pages`)]))).toEqual(h.residentPages![c]![b]);
    }
    // Per node and column, the buckets' pages add up to the task's residency at that sample.
    for (const t of result.tasks) {
      t.heatmap!.timesMs.forEach((ms, c) => {
        const mine = rows.filter((row) => row[col('task')] === t.name && Number(row[col('column')]) === c);
        const perNode = [0, 1, 2].map((n) =>
          mine.reduce((s, row) => s + Number(row[col(`node${n}_pages`)]), 0),
        );
        expect(perNode).toEqual(t.residency.pages[t.residency.timesMs.indexOf(ms)]);
      });
    }
    // The bound task's pages are all on node 2, none elsewhere.
    const far = rows.filter((row) => row[col('task')] === 'far');
    expect(far.every((row) => row[col('node0_pages')] === '0' && row[col('node1_pages')] === '0')).toBe(true);
  });

  it('writes one task with --task, and names a task the run lacks with exit 2', () => {
    const out = join(dir, 'far.csv');
    expect(tierlab('export', '1', '--heatmap', '--task', 'far', '--csv', out).status).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    expect(lines.every((l) => l.split(',')[1] === 'far')).toBe(true);
    expect(lines.length).toBe(
      result.tasks[1]!.heatmap!.timesMs.length * result.tasks[1]!.heatmap!.references[0]!.length,
    );
    const missing = tierlab('export', '1', '--heatmap', '--task', 'nope', '--csv', out);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('tierlab export: run 1 has no task nope (its tasks: hot, far)\n');
    const both = tierlab('export', '1', '--heatmap', '--results', '--csv', out);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--heatmap is its own table/);
    const alone = tierlab('export', '1', '--task', 'far', '--csv', out);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(/--task picks a task's heatmap/);
  });
});

const RAMP = '.:-=+*#%@';

/**
 * The show command's band of node index n, worked out here: the buckets in 8 row blocks and the
 * intervals in blocks (10 intervals: one each), each block the sum of references x the share of
 * the bucket's pages on n, blank where no bucket of the block had a page on n.
 */
function expectedBand(r: RunResult, task: string, n: number): { cells: (number | null)[][] } {
  const h = r.tasks.find((t) => t.name === task)!.heatmap!;
  const buckets = h.references[0]!.length;
  const rows = Math.min(8, buckets);
  const cells: (number | null)[][] = [];
  for (let row = 0; row < rows; row++) {
    const lo = Math.round((row * buckets) / rows);
    const hi = Math.round(((row + 1) * buckets) / rows);
    cells.push(
      h.timesMs.map((_, c) => {
        let sum: number | null = null;
        for (let b = lo; b < hi; b++) {
          const pages = h.residentPages![c]![b]!;
          const all = pages.reduce((a, x) => a + x, 0);
          if (pages[n]! > 0) sum = (sum ?? 0) + (h.references[c]![b]! * pages[n]!) / all;
        }
        return sum;
      }),
    );
  }
  return { cells };
}

function char(v: number | null, max: number): string {
  if (v === null) return ' ';
  const level = v > 0 ? Math.log1p(v) / Math.log1p(max) : 0;
  return RAMP[Math.min(8, Math.floor(level * 9))]!;
}

describe('tierlab show --heatmap', () => {
  it('draws a band per node, DRAM first, with a tier boundary before PMEM and a node boundary between PMEM nodes', () => {
    const r = tierlab('show', '1', '--heatmap', '--task', 'hot');
    expect(r.status, r.stderr).toBe(0);
    const text = r.stdout.slice(r.stdout.indexOf('access heatmap: hot'));
    const lines = text.trimEnd().split('\n');
    const grid = lines.filter((l) => l.includes('|'));
    // Three bands of eight rows.
    expect(grid).toHaveLength(24);
    expect(grid[0]).toMatch(/^node0 DRAM/);
    expect(grid[1]).toMatch(/^tier \d+, top/);
    expect(grid[8]).toMatch(/^node1 PMEM/);
    expect(grid[16]).toMatch(/^node2 PMEM/);
    // Boundaries: '=' between DRAM and PMEM (tiers differ), '-' between the two PMEM nodes.
    const after = (row: string) => lines[lines.indexOf(row) + 1]!;
    expect(after(grid[7]!)).toMatch(/^\s+=+ tier boundary$/);
    expect(after(grid[15]!)).toMatch(/^\s+-+$/);
    // Every character, from the result file: blocks of references served per node.
    const bands = [0, 1, 2].map((n) => expectedBand(result, 'hot', n).cells);
    const max = Math.max(...bands.flat(2).map((v) => v ?? 0));
    bands.forEach((cells, n) => {
      cells.forEach((row, i) => {
        const drawn = /\|(.*)\|/.exec(grid[n * 8 + i]!)![1]!;
        expect(drawn, `node ${n} row ${i}`).toBe(row.map((v) => char(v, max)).join(''));
      });
    });
    // Not blank everywhere: DRAM holds the hot set's first pages, PMEM the rest.
    expect(/\|(.*)\|/.exec(grid[0]!)![1]!.trim()).not.toBe('');
    expect(/\|(.*)\|/.exec(grid[15]!)![1]!.trim()).not.toBe('');
  });

  it('shows every task without --task, and refuses --task alone or a task the run lacks with exit 2', () => {
    const all = tierlab('show', '1', '--heatmap');
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/access heatmap: hot/);
    expect(all.stdout).toMatch(/access heatmap: far/);
    const alone = tierlab('show', '1', '--task', 'hot');
    expect(alone.status).toBe(2);
    const missing = tierlab('show', '1', '--heatmap', '--task', 'nope');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/run 1 has no task nope \(its tasks: hot, far\)/);
  });
});

describe('tierlab export --fleet', () => {
  it("writes each task's fleet metrics as the result file has them, and names what is wrong", () => {
    const out = join(dir, 'fleet.csv');
    const r = tierlab('export', '1', '--fleet', '--csv', out);
    expect(r.status, r.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    for (const t of result.tasks) {
      const idle = rows.filter((row) => row[1] === t.name && row[2] === 'idle_ms');
      expect(idle.map((row) => Number(row[4]))).toEqual(t.fleet!.idleMsPercentiles);
      const cold = rows.filter((row) => row[1] === t.name && row[2] === 'cold_age_pages');
      expect(cold.map((row) => Number(row[4]))).toEqual(t.fleet!.coldAgePages);
    }
    const missing = tierlab('export', '99', '--fleet', '--csv', out);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^tierlab export: .*run 99/);
    const both = tierlab('export', '1', '--fleet', '--cgroups', '--csv', out);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--fleet is its own table/);
  });
});
