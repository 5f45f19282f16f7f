// `tierlab tune` in a child process on a tiny scenario: the report it prints and writes must agree
// with the runs it stored, read back through `tierlab export --results` and summarised here by hand.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TuneReport } from '../src/shared/tune/report.ts';
import { smallScenario } from './support/main/test-lab.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'tierlab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'tierlab-tune-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tierlab(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, TIERLAB_DB: join(dir, 'default.db') },
  });
}

/** One CSV line's fields, quoted ones unquoted (`"a, b"` and `""` inside). */
function csvFields(line: string): string[] {
  return [...line.matchAll(/(?:"((?:[^"]|"")*)"|([^,]*))(?:,|$)/g)]
    .slice(0, -1)
    .map((m) => (m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2]!));
}

/** Harmonic mean, as Compare averages a higher-is-better metric (mmtests' Hmean). */
const hmean = (xs: number[]) => xs.length / xs.reduce((s, x) => s + 1 / x, 0);

describe('tierlab tune', () => {
  it('reports as best the arm whose stored runs have the best mean throughput', () => {
    const file = join(dir, 'tiny.tierlab.json');
    // 0.4 simulated s of usemem on 64 MiB of DRAM: demotion on or off changes throughput.
    writeFileSync(file, JSON.stringify(smallScenario({ name: 'tiny', durationMs: 400 })));
    const db = join(dir, 'lab.db');
    const json = join(dir, 'report.json');
    const args = ['--knob', 'demotion_enabled', '--knob', 'swappiness=0..200', '--objective', 'throughput'];
    const r = tierlab(
      'tune',
      file,
      ...args,
      '--seeds',
      '2',
      '--budget',
      '8',
      '--workers',
      '1',
      '--json',
      json,
      '--db',
      db,
    );
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as TuneReport;
    expect(report.status).toBe('done');
    expect(report.arms).toHaveLength(4);
    expect(report.runsDone).toBe(8);

    // Every arm's runs, read back from the lab as one results CSV, and their Hmean worked out here.
    const csv = join(dir, 'results.csv');
    const runIds = report.arms.flatMap((a) => a.runIds);
    expect(tierlab('export', ...runIds.map(String), '--csv', csv, '--results', '--db', db).status).toBe(0);
    const [header, ...rows] = readFileSync(csv, 'utf8').trim().split('\n').map(csvFields);
    const col = (name: string) => header!.indexOf(name);
    const byRun = new Map(rows.map((r) => [Number(r[col('run_id')]), r]));
    const means = report.arms.map((arm) => {
      const values = arm.runIds.map((id) => {
        const row = byRun.get(id)!;
        expect(row[col('name')]).toBe(arm.name);
        expect(row[col('engine')]).toBe('rate');
        return Number(row[col('throughput')]);
      });
      expect(values).toHaveLength(2);
      return hmean(values);
    });
    // The arms differ, so picking the best is a real choice.
    expect(new Set(means).size).toBeGreaterThan(1);
    const bestMean = Math.max(...means);
    expect(means[report.best!]).toBe(bestMean);
    expect(report.arms[report.best!]!.stats!.mean).toBeCloseTo(bestMean, 6);
    // Arms are named by their settings, as sweep names them.
    expect(report.arms[0]!.name).toMatch(/^tiny \[demotion_enabled=(true|false), swappiness=\d+\]$/);
    expect(r.stdout).toContain(`best: arm ${report.best}, ${report.arms[report.best!]!.name}`);
    expect(r.stdout).toMatch(/sensitivity: swappiness \(0\.\.200\)/);

    // The same tune again on the same lab takes every run from it and gives the same report.
    const again = tierlab(
      'tune',
      file,
      ...args,
      '--seeds',
      '2',
      '--budget',
      '8',
      '--quiet',
      '--json',
      json,
      '--db',
      db,
    );
    expect(again.status, again.stderr).toBe(0);
    const second = JSON.parse(readFileSync(json, 'utf8')) as TuneReport;
    expect(second.runsReused).toBe(8);
    expect(second.arms.map((a) => [a.settings, a.runIds])).toEqual(
      report.arms.map((a) => [a.settings, a.runIds]),
    );
  });

  it('splits the first pass between shards, whose imported runs the tune then goes on from', () => {
    const file = join(dir, 'shard.tierlab.json');
    writeFileSync(file, JSON.stringify(smallScenario({ name: 'shard', durationMs: 200 })));
    const out = join(dir, 'shards');
    // 4 arms of 1 seed: a first pass of 2 (a Latin hypercube of half the arms), 1 run per shard.
    const args = [
      '--knob',
      'swappiness=0..200',
      '--objective',
      'throughput',
      '--seeds',
      '1',
      '--budget',
      '4',
    ];
    const reports = ['0/2', '1/2'].map((shard, i) => {
      const json = join(dir, `shard-${i}.json`);
      const r = tierlab(
        'tune',
        file,
        ...args,
        '--shard',
        shard,
        '--out',
        out,
        '--quiet',
        '--json',
        json,
        '--db',
        join(dir, `shard-${i}.db`),
      );
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(readFileSync(json, 'utf8')) as TuneReport;
    });
    expect(reports.map((r) => r.runsDone)).toEqual([1, 1]);
    // Both shards plan the same first pass and run different halves of it.
    expect(reports[1]!.arms.map((a) => a.settings)).toEqual(reports[0]!.arms.map((a) => a.settings));
    const files = readdirSync(out).filter((f) => f.endsWith('.result.json'));
    expect(files.sort()).toEqual(['tune-arm0000-seed1.result.json', 'tune-arm0001-seed1.result.json']);
    const lab = join(dir, 'merged.db');
    expect(tierlab('import', ...files.map((f) => join(out, f)), '--db', lab).status).toBe(0);
    const json = join(dir, 'merged.json');
    const r = tierlab('tune', file, ...args, '--quiet', '--json', json, '--db', lab);
    expect(r.status, r.stderr).toBe(0);
    const merged = JSON.parse(readFileSync(json, 'utf8')) as TuneReport;
    expect(merged.arms).toHaveLength(4);
    expect(merged.runsReused).toBe(2);
    expect(merged.arms.slice(0, 2).map((a) => a.settings)).toEqual(reports[0]!.arms.map((a) => a.settings));
  });

  it('refuses a bad knob range or objective with exit 2, naming it, before any run', () => {
    const file = join(dir, 'bad.tierlab.json');
    writeFileSync(file, JSON.stringify(smallScenario({ name: 'bad', durationMs: 200 })));
    const db = join(dir, 'bad.db');
    const range = tierlab(
      'tune',
      file,
      '--knob',
      'hot_threshold_ms=0..10',
      '--objective',
      'throughput',
      '--db',
      db,
    );
    expect(range.status).toBe(2);
    expect(range.stderr).toMatch(/--knob hot_threshold_ms: 0 is outside 1\.\.3600000/);
    const objective = tierlab(
      'tune',
      file,
      '--knob',
      'swappiness=0..200',
      '--objective',
      'speed',
      '--db',
      db,
    );
    expect(objective.status).toBe(2);
    expect(objective.stderr).toMatch(/--objective: unknown metric "speed"/);
    expect(JSON.parse(tierlab('list', '--json', '--db', db).stdout)).toEqual([]);
  });

  it('cancels on Ctrl-C: the runs under way are cancelled and the report of the finished rounds printed', async () => {
    const file = join(dir, 'long.tierlab.json');
    const doc = smallScenario({ name: 'long', durationMs: 3_600_000 }) as {
      workload: Record<string, unknown>[];
      run: Record<string, unknown>;
    };
    // usemem repeated for a simulated hour in the exact engine: several seconds a run.
    doc.workload[0]!.repeats = 100_000;
    doc.run.engine = 'exact';
    writeFileSync(file, JSON.stringify(doc));
    const db = join(dir, 'cancel.db');
    // The lab file is made (migrated) first: the `list` polls below would otherwise migrate a new
    // file while the child does, and one of the two fails with "table already exists".
    expect(tierlab('list', '--json', '--db', db).stdout).toBe('[]\n');
    const child = spawn(
      process.execPath,
      [
        BIN,
        'tune',
        file,
        '--knob',
        'swappiness=0..200',
        '--objective',
        'throughput',
        '--seeds',
        '1',
        '--budget',
        '4',
        '--workers',
        '1',
        '--db',
        db,
      ],
      { env: { ...process.env, TIERLAB_DB: join(dir, 'default.db') } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    // Ctrl-C once a run is under way (stderr is not a terminal, so no progress bar to watch).
    const running = () =>
      (JSON.parse(tierlab('list', '--json', '--db', db).stdout || '[]') as { status: string }[]).some(
        (r) => r.status === 'running',
      );
    const closed = new Promise<number | null>((done) => child.on('close', done));
    let exited = false;
    void closed.then(() => (exited = true));
    // A child that ended before any run was seen fails below with its stderr, not by a hang.
    while (!exited && !running()) await new Promise((wait) => setTimeout(wait, 100));
    expect(exited ? stderr : '').toBe('');
    child.kill('SIGINT');
    const code = await closed;
    expect(code).toBe(1);
    expect(stderr).toMatch(/tune 1 was cancelled; the report above has the rounds that finished/);
    expect(stdout).toMatch(/^objective: throughput/);
    const runs = JSON.parse(tierlab('list', '--json', '--db', db).stdout) as { status: string }[];
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.map((r) => r.status)).toEqual(runs.map(() => 'cancelled'));
  });
});
