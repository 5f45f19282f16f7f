// The real `tierlab` command in a child process, as users and schedulers run it.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { smallScenario } from './support/main/test-lab.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'tierlab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'tierlab-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tierlab(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, TIERLAB_DB: join(dir, 'default.db') },
  });
}

function scenarioFile(name: string, over: Record<string, unknown> = {}): string {
  const file = join(dir, `${name}.tierlab.json`);
  writeFileSync(file, JSON.stringify({ ...smallScenario({ name }), ...over }));
  return file;
}

describe('tierlab CLI', () => {
  it('exits 2 and names every bad field of an invalid scenario', () => {
    const s = smallScenario();
    (s.machine as { nodes: { capacity: string }[] }).nodes[0]!.capacity = '-5MiB';
    (s.workload as { cpu: number }[])[0]!.cpu = 7;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(s));
    const r = tierlab('run', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/machine\.nodes\[0\]\.capacity/);
    expect(r.stderr).toMatch(/workload\[0\]\.cpu/);
  });

  it('refuses a swept seed and a malformed --set with exit 2 and a message, not a stack', () => {
    const file = scenarioFile('sweep-bad');
    const seeds = tierlab('sweep', file, '--set', 'run.seed=1,2', '--quiet', '--db', join(dir, 'bad.db'));
    expect(seeds.status).toBe(2);
    expect(seeds.stderr).toMatch(/use --repeat/);
    const bad = tierlab('sweep', file, '--set', 'novalue=', '--quiet', '--db', join(dir, 'bad.db'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('spreads a sweep over shards whose result files import once into one database', () => {
    const file = scenarioFile('sweep');
    const out = join(dir, 'shards');
    for (const shard of ['0/2', '1/2']) {
      const r = tierlab(
        'sweep',
        file,
        '--set',
        'policy.knobs.demotion_enabled=true,false',
        '--repeat',
        '2',
        '--shard',
        shard,
        '--out',
        out,
        '--quiet',
        '--db',
        join(dir, `shard-${shard[0]}.db`),
      );
      expect(r.status, r.stderr).toBe(0);
    }
    const files = readdirSync(out)
      .filter((f) => f.endsWith('.result.json'))
      .map((f) => join(out, f));
    expect(files).toHaveLength(4);
    // Each result file has its samples beside it, and import restores them with the run.
    expect(readdirSync(out).filter((f) => f.endsWith('.samples.json'))).toHaveLength(4);
    const lab = join(dir, 'merged.db');
    const first = tierlab('import', ...files, '--db', lab).stdout;
    expect(first).toMatch(/4 imported, 0 already present/);
    const samplesPerRun = [...first.matchAll(/with (\d+) samples/g)].map((m) => Number(m[1]));
    // A sample at time 0 and one every sampleEveryMs to the end.
    const { durationMs, sampleEveryMs } = smallScenario().run as {
      durationMs: number;
      sampleEveryMs: number;
    };
    expect(samplesPerRun).toEqual(new Array(4).fill(durationMs / sampleEveryMs + 1));
    expect(tierlab('import', ...files, '--db', lab).stdout).toMatch(/0 imported, 4 already present/);
    // A broken samples file stops the whole import before anything is stored.
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    for (const f of readdirSync(out)) copyFileSync(join(out, f), join(broken, f));
    const victim = readdirSync(broken).find((f) => f.endsWith('.samples.json'))!;
    writeFileSync(join(broken, victim), JSON.stringify({ format: 'tierlab.samples/1', nrNodes: 9 }));
    const brokenFiles = readdirSync(broken)
      .filter((f) => f.endsWith('.result.json'))
      .map((f) => join(broken, f));
    const refused = tierlab('import', ...brokenFiles, '--db', join(dir, 'refused.db'));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /samples\.json: not a valid samples file, nothing imported \(nrNodes is 9/,
    );
    expect(JSON.parse(tierlab('list', '--json', '--db', join(dir, 'refused.db')).stdout)).toEqual([]);
    const listed = JSON.parse(tierlab('list', '--json', '--db', lab).stdout) as {
      scenarioHash: string;
      name: string;
    }[];
    expect(listed).toHaveLength(4);
    expect(new Set(listed.map((r) => r.scenarioHash)).size).toBe(2);
    expect(new Set(listed.map((r) => r.name.replace(/^.* \[/, '[')))).toEqual(
      new Set(['[demotion_enabled=true]', '[demotion_enabled=false]']),
    );
    const compared = tierlab('compare', '1-4', '--metrics', 'pswpout', '--db', lab);
    expect(compared.status, compared.stderr).toBe(0);
    expect(compared.stdout).toMatch(/Amean\s+pswpout/);
    // The imported run's samples export as they were recorded: one row per sample plus the header.
    expect(tierlab('export', '1', '--csv', join(dir, 'imported.csv'), '--db', lab).status).toBe(0);
    const rows = readFileSync(join(dir, 'imported.csv'), 'utf8').trim().split('\n');
    expect(rows.length - 1).toBe(samplesPerRun[0]);
  });

  it('saves a run and exports its samples and results as CSV', () => {
    const db = join(dir, 'saved.db');
    const r = tierlab('run', scenarioFile('saved'), '--save', '--db', db, '--json', join(dir, 'r.json'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/saved as run 1/);
    // The list gives each run's simulated time per wall second beside its times.
    const [header, row] = tierlab('list', '--db', db).stdout.trim().split('\n');
    expect(header).toMatch(/seed\s+engine\s+simulated\s+wall\s+speed\s+name/);
    expect(row).toMatch(/\srate\s/); // the scenario leaves run.engine at its default
    const [, sim, wall, speed] = /(\d+\.\d)s\s+(\d+\.\d\d)s\s+(\d+(?:\.\d+)?)x/.exec(row!)!;
    expect(Number(speed)).toBeCloseTo(Number(sim) / Number(wall), -1);
    const result = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as {
      scenarioHash: string;
      format: string;
    };
    expect(result.format).toBe('tierlab.result/1');
    expect(result.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tierlab('export', '1', '--csv', join(dir, 's.csv'), '--db', db).status).toBe(0);
    const lines = readFileSync(join(dir, 's.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^run_id,time_ms,nr_free_pages,/);
    expect(lines).toHaveLength(22);
    expect(tierlab('export', '1', '--results', '--csv', join(dir, 'r.csv'), '--db', db).status).toBe(0);
    const [csvHead, csvRow] = readFileSync(join(dir, 'r.csv'), 'utf8').trim().split('\n');
    // The machine-wide hit ratio, from the result file's own numbers: top-tier hits / references.
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as {
      nodes: { id: number; topTier: boolean }[];
      tasks: { references: number; hitsByNode: Record<string, number> }[];
    };
    const top = json.nodes.filter((n) => n.topTier).map((n) => String(n.id));
    const hits = json.tasks.reduce((s, t) => s + top.reduce((h, n) => h + (t.hitsByNode[n] ?? 0), 0), 0);
    const refs = json.tasks.reduce((s, t) => s + t.references, 0);
    const column = csvHead!.split(',').indexOf('fast_tier_hit_ratio');
    expect(Number(csvRow!.split(',')[column])).toBeCloseTo(hits / refs, 12);
  });

  it('exports per-node samples, one node with --node, and refuses a node the run lacks with exit 2', () => {
    const db = join(dir, 'per-node.db');
    const file = scenarioFile('per-node');
    const saved = tierlab(
      'run',
      file,
      '--save',
      '--quiet',
      '--db',
      db,
      '--csv',
      join(dir, 'saved-n.csv'),
      '--per-node',
    );
    expect(saved.status, saved.stderr).toBe(0);
    expect(tierlab('export', '1', '--csv', join(dir, 'm.csv'), '--db', db).status).toBe(0);
    const all = tierlab('export', '1', '--per-node', '--csv', join(dir, 'n.csv'), '--db', db);
    expect(all.status, all.stderr).toBe(0);
    const machine = readFileSync(join(dir, 'm.csv'), 'utf8').trim().split('\n');
    const [header, ...rows] = readFileSync(join(dir, 'n.csv'), 'utf8').trim().split('\n');
    expect(header).toMatch(/^run_id,time_ms,node,nr_free_pages,/);
    expect(rows).toHaveLength(2 * (machine.length - 1));
    expect(rows.slice(0, 2).map((r) => r.split(',').slice(0, 3))).toEqual([
      ['1', '0', '0'],
      ['1', '0', '1'],
    ]);
    // `run --save --csv --per-node` writes the same rows as its own file (no run id column).
    const ownFile = readFileSync(join(dir, 'saved-n.csv'), 'utf8').trim().split('\n');
    expect(ownFile[0]).toBe(header!.replace(/^run_id,/, ''));
    expect(ownFile.slice(1)).toEqual(rows.map((r) => r.replace(/^1,/, '')));
    // A deterministic run without --save writes the same per-node rows as it goes.
    const unsaved = tierlab('run', file, '--quiet', '--csv', join(dir, 'unsaved-n.csv'), '--per-node');
    expect(unsaved.status, unsaved.stderr).toBe(0);
    expect(readFileSync(join(dir, 'unsaved-n.csv'), 'utf8').trim().split('\n')).toEqual(ownFile);

    expect(tierlab('export', '1', '--node', '1', '--csv', join(dir, 'n1.csv'), '--db', db).status).toBe(0);
    const [header1, ...rows1] = readFileSync(join(dir, 'n1.csv'), 'utf8').trim().split('\n');
    expect(header1).toBe(header);
    expect(rows1).toEqual(rows.filter((r) => r.split(',')[2] === '1'));
    const missing = tierlab(
      'export',
      '1',
      '--per-node',
      '--node',
      '7',
      '--csv',
      join(dir, 'n7.csv'),
      '--db',
      db,
    );
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('tierlab export: run 1 has nodes 0, 1, not node 7\n');
    const both = tierlab('export', '1', '--results', '--per-node', '--csv', join(dir, 'x.csv'), '--db', db);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--results has one row per run/);
  });

  it('serves web mode on 127.0.0.1 with a token in the printed URL', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--workers', '1', '--db', join(dir, 'serve.db')],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (d: Buffer) => {
          text += d.toString();
          const m = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(text);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const u = new URL(url);
      const res = await fetch(`${u.origin}/api/app:info`, {
        method: 'POST',
        headers: { 'x-tierlab-token': u.searchParams.get('token')!, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(200);
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
