// Fault injection through what users hand the real `tierlab` command: broken result files to
// import, traces that are not lackey output or expand without bound, and a run that outgrows its
// worker's memory. Each ends in one line and an exit status, in time, with the lab's runs as they were.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { contents, expectOneLineError, scratchDir, tierlab, writeScenario } from './support/faults.ts';

const dir = scratchDir();
const file = (name: string) => join(dir, name);

const scenarioFile = (name: string, over: Record<string, unknown> = {}) => writeScenario(dir, name, over);

const SMALL = scenarioFile('small');
const GOOD = file('good.result.json');
const LAB = file('lab.db');
beforeAll(() => {
  expect(tierlab(['run', SMALL, '--save', '--quiet', '--db', LAB]).status).toBe(0);
  expect(tierlab(['run', SMALL, '--seed', '9', '--quiet', '--json', GOOD]).status).toBe(0);
});

describe('tierlab import of broken result files', () => {
  it('imports nothing from a batch with one broken file, naming the file and the field', () => {
    const result = JSON.parse(readFileSync(GOOD, 'utf8')) as Record<string, unknown>;
    const task = (result.tasks as Record<string, unknown>[])[0]!;
    const broken: [string, string | Buffer, string][] = [
      ['no-tasks', JSON.stringify({ ...result, tasks: undefined }), 'tasks:'],
      ['no-vmstat', JSON.stringify({ ...result, vmstat: undefined }), 'vmstat:'],
      ['no-name', JSON.stringify({ ...result, name: undefined }), 'name:'],
      ['seed', JSON.stringify({ ...result, seed: 'abc' }), 'seed:'],
      ['simulated', JSON.stringify({ ...result, simulatedMs: 'x' }), 'simulatedMs:'],
      [
        'throughput',
        JSON.stringify({ ...result, tasks: [{ ...task, throughput: 'fast' }] }),
        'tasks.0.throughput:',
      ],
      ['nodes', JSON.stringify({ ...result, nodes: null }), 'nodes:'],
      [
        'scenario',
        JSON.stringify({ ...result, format: 'tierlab.scenario/1' }),
        'not a tierlab.result/1 file',
      ],
      ['null', 'null', 'not a tierlab.result/1 file'],
      ['truncated', JSON.stringify(result).slice(0, 200), 'JSON'],
      ['binary', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x9b]), 'JSON'],
      ['empty', '', 'JSON'],
    ];
    const before = contents(LAB);
    for (const [name, text, field] of broken) {
      const path = file(`${name}.result.json`);
      writeFileSync(path, text);
      const r = tierlab(['import', GOOD, path, '--db', LAB]);
      expectOneLineError(r, 2, `tierlab import: ${path}: `, field);
    }
    expect(contents(LAB)).toEqual(before);
    expect(tierlab(['import', GOOD, '--db', LAB]).stdout).toMatch(/1 imported, 0 already present/);
  });
});

describe('traces', () => {
  const traces = file('traces');
  mkdirSync(traces);
  const trace = (name: string, content: string | Uint8Array) => {
    const path = join(traces, name);
    writeFileSync(path, content);
    return path;
  };
  const whole = gzipSync(' L 1000,4\n'.repeat(100_000));
  const BAD: [string, string][] = [
    [
      trace('wide.lackey.gz', gzipSync(' L 0,999999999\n'.repeat(20_000), { level: 9 })),
      'line 1: an access of more than 1048576 bytes',
    ],
    [
      trace('bomb.lackey.gz', gzipSync(' L 0,1048576\n'.repeat(263_000), { level: 9 })),
      'line 262145: the trace goes past 67108864 page references',
    ],
    [
      trace(
        'garbage.bin',
        Uint8Array.from({ length: 4000 }, (_, i) => (i * 151 + 7) % 256),
      ),
      'line 1: malformed lackey line',
    ],
    [trace('notes.txt', 'Dear diary,\ntoday I traced ls.\n'), 'line 1: malformed lackey line: "Dear diary,"'],
    [
      trace('cut.lackey.gz', whole.subarray(0, whole.length >> 1)),
      'not a valid gzip file (unexpected end of file)',
    ],
    [traces, 'not a regular file'],
    [join(traces, 'missing.gz'), 'cannot read the file: ENOENT'],
  ];

  it('refuses each bad trace in one line naming the file, in seconds, gzip bombs included', () => {
    for (const [path, message] of BAD) {
      const started = performance.now();
      const r = tierlab(['trace', 'stats', path], { timeoutMs: 30_000 });
      expectOneLineError(r, 2, `tierlab trace: ${path}: ${message}`);
      expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(performance.now() - started, path).toBeLessThan(20_000);
    }
  });

  it('fails a saved run over a bomb with the trace error, the run recorded as failed', () => {
    const [bomb, message] = BAD[1]!;
    const scenario = scenarioFile('bomb', {
      workload: [{ name: 'replay', type: 'trace', file: bomb, cpu: 0 }],
    });
    expectOneLineError(tierlab(['run', scenario, '--quiet']), 2, `tierlab run: ${bomb}: `, message);
    const before = contents(LAB);
    const saved = tierlab(['run', scenario, '--save', '--quiet', '--db', LAB]);
    const id = before.runs.length + 1;
    expectOneLineError(saved, 1, `tierlab run: run ${id} failed: ${bomb}: `, message);
    const after = contents(LAB);
    expect(after.runs.slice(0, -1)).toEqual(before.runs);
    expect(after.runs.at(-1)).toMatchObject({ id, status: 'failed' });
  });
});

describe('a worker that runs out of memory', () => {
  it('fails the run with "the engine ran out of memory" and its limits, exit 1, the lab otherwise as it was', () => {
    const hungry = scenarioFile('hungry', {
      workload: [{ name: 'hot', type: 'hotset', size: '32MiB', cpu: 0 }],
      run: { durationMs: 4_000_000, tickMs: 10, sampleEveryMs: 10, seed: 1 },
    });
    const before = contents(LAB);
    const id = before.runs.length + 1;
    const r = tierlab(['run', hungry, '--save', '--quiet', '--db', LAB], {
      env: { TIERLAB_WORKER_HEAP_MB: '16' },
    });
    expectOneLineError(
      r,
      1,
      `tierlab run: run ${id} failed: the engine ran out of memory: its worker's heap reached its `,
      'MiB limit (resourceLimits maxOldGenerationSizeMb=16)',
    );
    const after = contents(LAB);
    expect(after.runs.slice(0, -1)).toEqual(before.runs);
    expect(after.runs.at(-1)).toMatchObject({ id, status: 'failed' });
    for (const [run, n] of Object.entries(before.samples)) expect(after.samples[Number(run)]).toBe(n);
    expect(tierlab(['show', String(id), '--db', LAB]).stdout).toMatch(
      new RegExp(`^run ${id} failed: the engine ran out of memory`),
    );
  });

  it('refuses a heap limit that is not a number of MiB', () => {
    const r = tierlab(['list', '--db', LAB], { env: { TIERLAB_WORKER_HEAP_MB: 'lots' } });
    expectOneLineError(r, 2, 'TIERLAB_WORKER_HEAP_MB must be a whole number of MiB >= 16 (got "lots")');
  });
});
