// Every mutant of the valid scenarios (shared/scenario/mutated-corpus.ts) is either refused with a
// located message, by parseScenario or by the file reader the CLI uses, or parses and then runs a
// short simulation; nothing throws. The counts are printed, and crashes must be none.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleScenarioFile } from '../shared/scenario/example.ts';
import { parseScenario } from '../shared/scenario/parse.ts';
import type { ResolvedScenario } from '../shared/scenario/resolved.ts';
import { documentMutants, type Mutant, type Seed } from '../../tests/support/shared/mutated-corpus.ts';
import { fileContents, fileMutants } from '../../tests/support/shared/mutated-bytes.ts';
import { runScenario } from './runner/run-scenario.ts';
import { readScenarioDocument } from './scenario-file.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
/** Simulated time a valid mutant runs for: enough to build the world and take a few ticks. */
const RUN_MS = 50;
/** Page frames a valid mutant may have, so the test never allocates gigabytes of page state. */
const CHEAP_PAGES = 1 << 22;

const dir = mkdtempSync(join(tmpdir(), 'tierlab-mutants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function seeds(): Seed[] {
  const files = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return [
    { name: 'example', document: exampleScenarioFile() },
    ...files.map((f) => ({
      name: f,
      document: JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as unknown,
    })),
  ];
}

type Outcome = { result: 'clean-error' | 'valid-run' } | { result: 'crash'; why: string };

/** A whole-file error is located by line and column or names the encoding; others by a path. */
const LOCATED =
  /^(not valid JSON at line \d+, column \d+|not valid UTF-8 at line \d+, column \d+|not UTF-8: )/;

function run(s: ResolvedScenario): Outcome {
  const frames = s.machine.nodes.reduce((sum, n) => sum + n.capacityBytes / s.machine.pageSize, 0);
  if (frames > CHEAP_PAGES)
    return { result: 'crash', why: `valid but too large to run here (${frames} frames)` };
  s.run.durationMs = Math.min(s.run.durationMs, RUN_MS);
  runScenario(s, {}, () => 0);
  return { result: 'valid-run' };
}

/** Wall time reading and checking one mutant may take: a 10 MB name once cost 38 s in the typo guess. */
const SLOW_MS = 5000;

/** Throws when reading and checking a mutant took longer than SLOW_MS; its run is not timed. */
function checkPace(started: number): void {
  const ms = performance.now() - started;
  if (ms > SLOW_MS) throw new Error(`reading and checking took ${Math.round(ms)} ms`);
}

function tryDocument(document: unknown): Outcome {
  const started = performance.now();
  const parsed = parseScenario(document);
  checkPace(started);
  if (parsed.ok) return run(parsed.scenario);
  const bad = parsed.errors.find((e) => !e.path || !e.message);
  if (parsed.errors.length === 0 || bad)
    return { result: 'crash', why: `unlocated error ${JSON.stringify(bad)}` };
  return { result: 'clean-error' };
}

async function tryFile(m: Mutant, i: number): Promise<Outcome> {
  const file = join(dir, `m${i}.json`);
  writeFileSync(file, fileContents(m));
  const started = performance.now();
  let scenario: ResolvedScenario;
  try {
    scenario = (await readScenarioDocument(file)).scenario;
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'ScenarioFileError') throw e;
    checkPace(started);
    const lines = e.message.split('\n').slice(1);
    const bad = lines.find((l) => !LOCATED.test(l) && !/^[\w.[\]"]+: \S/.test(l));
    if (lines.length === 0 || bad !== undefined) return { result: 'crash', why: `unlocated error "${bad}"` };
    return { result: 'clean-error' };
  }
  checkPace(started);
  return run(scenario);
}

async function outcomeOf(m: Mutant, i: number): Promise<Outcome> {
  try {
    return 'document' in m ? tryDocument(m.document) : await tryFile(m, i);
  } catch (e) {
    return { result: 'crash', why: e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e) };
  }
}

describe('the mutated-scenario corpus', () => {
  const all = seeds();
  const mutants = [...documentMutants(all), ...fileMutants(all)];

  it('refuses every mutant cleanly or runs it, and crashes on none', async () => {
    const counts = { tried: 0, 'clean-error': 0, 'valid-run': 0, crash: 0 };
    const byKind = new Map<string, { tried: number; refused: number; ran: number }>();
    const crashes: string[] = [];
    const ran: Mutant[] = [];
    for (const [i, m] of mutants.entries()) {
      const outcome = await outcomeOf(m, i);
      counts.tried++;
      counts[outcome.result]++;
      const kind = byKind.get(m.kind) ?? { tried: 0, refused: 0, ran: 0 };
      kind.tried++;
      if (outcome.result === 'clean-error') kind.refused++;
      if (outcome.result === 'valid-run') {
        kind.ran++;
        ran.push(m);
      }
      byKind.set(m.kind, kind);
      if (outcome.result === 'crash') crashes.push(`${m.name}: ${outcome.why}`);
    }
    console.log(
      `mutated corpus: ${counts.tried} tried, ${counts['clean-error']} clean errors, ` +
        `${counts['valid-run']} valid runs, ${counts.crash} crashes`,
    );
    console.table(Object.fromEntries(byKind));
    if (process.env.TIERLAB_LIST_RUNS) console.log(ran.map((m) => m.name).join('\n'));
    expect(crashes).toEqual([]);
    expect(counts.tried).toBeGreaterThanOrEqual(200);
    // Only values and encodings can be valid: every structural mistake must be refused.
    const mayRun = (m: Mutant) =>
      m.kind === 'wrong-type' || m.kind === 'out-of-range' || m.name.endsWith('a UTF-8 byte-order mark');
    expect(ran.filter((m) => !mayRun(m)).map((m) => m.name)).toEqual([]);
    expect(counts['valid-run']).toBeGreaterThan(0);
  }, 600_000);
});
