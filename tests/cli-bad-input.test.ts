// Mutants of the example scenario (src/shared/scenario/mutated-corpus.ts), one of each kind of bad
// input, through the real `tierlab run`: exit 2, the field's path (or line and column) on stderr,
// and no stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleScenarioFile } from '../src/shared/scenario/example.ts';
import { documentMutants, type Mutant } from './support/shared/mutated-corpus.ts';
import { fileContents, fileMutants } from './support/shared/mutated-bytes.ts';

const MAIN = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'tierlab-bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seeds = [{ name: 'example', document: exampleScenarioFile() }];
const mutants = new Map(
  [...documentMutants(seeds), ...fileMutants(seeds)].map((m): [string, Mutant] => [m.name, m]),
);

/** [mutant, what stderr must say: the path and the start of the message]. */
const CASES: [string, string][] = [
  [
    'example out-of-range .machine.nodes[1].capacity = "16TiB"',
    'machine.nodes[1].capacity: 16TiB is more than the engine can hold',
  ],
  [
    'example out-of-range .workload[0].size = "1024TiB"',
    'workload[0].size: 1024TiB is more than the engine can hold',
  ],
  ['example out-of-range .workload[0].threads = 1000000000', 'workload[0].threads: 1000000000 is more'],
  ['example out-of-range .run.tickMs = 1e-9', 'run.tickMs: a 60000 ms run in ticks of 1e-9 ms'],
  ['example out-of-range .run.durationMs = 1e+300', 'run.durationMs: must be at most 4294967295'],
  [
    'example out-of-range .machine.nodes[1].adistance = 1000000000000000',
    'machine.nodes[1].adistance: must be',
  ],
  ['example too-deep .policy.knobs 6000 levels', 'policy.knobs.a.a.a: nests lists and objects'],
  ['example huge-text 10 MB knob name', 'policy.knobs: unknown knob "xxxxx'],
  ['example cross-field a workload named like a VM task', 'workload[2].name: duplicate task name "mt/a"'],
  ['example bytes UTF-16LE with a byte-order mark', 'not UTF-8: it starts with a UTF-16'],
  ['example bytes a Latin-1 é in the name', 'not valid UTF-8 at line 3, column 12'],
  ['example text 20000 open objects', 'not valid JSON at line 1, column 321'],
];

function tierlabRun(m: Mutant) {
  const file = join(dir, `${CASES.findIndex(([name]) => name === m.name)}.json`);
  writeFileSync(file, fileContents(m));
  return spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', MAIN, 'run', file, '--quiet'],
    { encoding: 'utf8', timeout: 60_000 },
  );
}

describe('tierlab run on bad input', () => {
  it.each(CASES)(
    'refuses %s with exit 2, the path and no stack',
    (name, expected) => {
      const m = mutants.get(name);
      if (!m) throw new Error(`no mutant named ${name}`);
      const r = tierlabRun(m);
      expect(r.stderr).toContain(expected);
      expect(r.stderr).not.toMatch(/^ {4}at /m);
      expect(r.status).toBe(2);
      expect(r.stderr.length).toBeLessThan(4000);
    },
    60_000,
  );
});
