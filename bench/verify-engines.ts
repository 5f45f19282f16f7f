// `npm run verify:engines`: the corpus in both engines, 5 seeds each, on every core; prints for
// every scenario and figure both means, their standard errors and pass/fail, then a summary.
// Options: --quick (the small corpus `npm test` runs), --only <text> (scenarios whose name has it),
// --seeds <n>, --failures (print failing rows only), --recheck <n> (run each failing scenario again
// with n seeds: a chance failure at 5 seeds, of which a corpus of ~50k figures has some, passes
// there; a real disagreement does not). Exit status 1 if any figure fails (with --recheck: at n seeds).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunResult } from '../src/shared/result.ts';
import { compareFigures, type Agreement } from '../src/engine/verify/agreement.ts';
import type { CorpusEntry } from '../src/engine/verify/corpus.ts';
import { fullCorpus } from '../src/engine/verify/full-corpus.ts';
import { quickCorpus } from '../src/engine/verify/quick-corpus.ts';
import type { VerifyJob } from './verify-worker.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seeds = Number(option('--seeds') ?? 5);
const recheckSeeds = option('--recheck') === undefined ? 0 : Number(option('--recheck'));
if (recheckSeeds && !(Number.isInteger(recheckSeeds) && recheckSeeds > seeds)) {
  console.error(
    `--recheck must be a whole number of seeds above --seeds (${seeds}), got ${option('--recheck')}`,
  );
  process.exit(2);
}
const only = option('--only');
const full = flag('--quick') ? { entries: quickCorpus(), refused: [] } : fullCorpus();
const picked = (e: { name: string }) => !only || e.name.includes(only);
const corpus = full.entries.filter(picked);
const refused = full.refused.filter(picked);
/** Seeds from..to (1-based, inclusive) of each listed scenario in both engines, exact runs first. */
function jobsFor(indexes: readonly number[], from: number, to: number): VerifyJob[] {
  const out = indexes.flatMap((index) =>
    (['exact', 'rate'] as const).flatMap((engine) =>
      Array.from({ length: to - from + 1 }, (_, i) => ({
        index,
        file: corpus[index]!.file,
        engine,
        seed: from + i,
      })),
    ),
  );
  // Exact runs first, longest-first scheduling keeps both cores busy to the end.
  return out.sort((a, b) => (a.engine === b.engine ? 0 : a.engine === 'exact' ? -1 : 1));
}
let jobs = jobsFor(
  corpus.map((_, i) => i),
  1,
  seeds,
);

const results = corpus.map(() => ({
  exact: [] as RunResult[],
  rate: [] as RunResult[],
  wall: { exact: 0, rate: 0 },
}));
let total = jobs.length;
const started = performance.now();
let done = 0;

async function drain(worker: Worker): Promise<void> {
  for (let job = jobs.shift(); job; job = jobs.shift()) {
    const r = await new Promise<RunResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(job);
    });
    const slot = results[job.index]!;
    slot[job.engine].push(r);
    slot.wall[job.engine] += r.wallMs;
    done++;
    if (process.stderr.isTTY || done % 50 === 0) {
      const elapsed = (performance.now() - started) / 1000;
      const eta = (elapsed / done) * (total - done);
      process.stderr.write(`\r${done}/${total} runs, ${elapsed.toFixed(0)} s, ETA ${eta.toFixed(0)} s   `);
    }
  }
  await worker.terminate();
}

async function runAll(): Promise<void> {
  const workers = Array.from(
    { length: Math.max(1, availableParallelism()) },
    () => new Worker(new URL('./verify-worker.ts', import.meta.url)),
  );
  await Promise.all(workers.map(drain));
  process.stderr.write('\n');
}
await runAll();

const fmt = (x: number) => (Math.abs(x) >= 1e4 ? x.toExponential(3) : Number(x.toPrecision(5)).toString());
let failures = 0;
let figures = 0;
const failedScenarios: string[] = [];
const failedIndexes: number[] = [];
console.log(`verify:engines: ${corpus.length} scenarios x ${seeds} seeds x {exact, rate}`);
console.log('figure | exact mean ± se | rate mean ± se | allowed | result');
corpus.forEach((e: CorpusEntry, i) => {
  const slot = results[i]!;
  const rows = compareFigures(slot.exact, slot.rate).filter((r) => r.meanA !== 0 || r.meanB !== 0);
  const bad = rows.filter((r) => !r.pass);
  figures += rows.length;
  failures += bad.length;
  if (bad.length) {
    failedScenarios.push(e.name);
    failedIndexes.push(i);
  }
  const speed = slot.wall.rate > 0 ? (slot.wall.exact / slot.wall.rate).toFixed(1) : '-';
  console.log(`\n## ${e.name}: ${bad.length ? `${bad.length} FAIL` : 'pass'} (rate ${speed}x faster)`);
  for (const r of flag('--failures') ? bad : rows) console.log(row(r));
});
function row(r: Agreement): string {
  return `${r.figure} | ${fmt(r.meanA)} ± ${fmt(r.seA)} | ${fmt(r.meanB)} ± ${fmt(r.seB)} | ${fmt(r.allowed)} | ${r.pass ? 'pass' : 'FAIL'}`;
}
console.log(
  `\n${figures - failures}/${figures} figures pass in ${corpus.length - failedScenarios.length}/${corpus.length} scenarios ` +
    `(${((performance.now() - started) / 1000).toFixed(0)} s wall)`,
);
if (failedScenarios.length) console.log(`failing: ${failedScenarios.join('; ')}`);
if (refused.length) {
  console.log(`\nnot applicable (${refused.length}), as the preset refuses the regime's knobs:`);
  for (const r of refused) console.log(`  ${r.name}: ${r.reason}`);
}
process.exitCode = failures > 0 ? 1 : 0;

if (recheckSeeds && failedIndexes.length) {
  jobs = jobsFor(failedIndexes, seeds + 1, recheckSeeds);
  total = done + jobs.length;
  await runAll();
  console.log(`\n# recheck: the ${failedIndexes.length} failing scenarios at ${recheckSeeds} seeds`);
  let stillFailing = 0;
  for (const i of failedIndexes) {
    const slot = results[i]!;
    const rows = compareFigures(slot.exact, slot.rate).filter((r) => r.meanA !== 0 || r.meanB !== 0);
    const bad = rows.filter((r) => !r.pass);
    if (bad.length) stillFailing++;
    console.log(
      `\n## ${corpus[i]!.name}: ${bad.length ? `${bad.length} FAIL` : 'pass'} at ${recheckSeeds} seeds`,
    );
    for (const r of bad) console.log(row(r));
  }
  console.log(
    `\nrecheck: ${failedIndexes.length - stillFailing}/${failedIndexes.length} pass at ${recheckSeeds} seeds ` +
      `(${((performance.now() - started) / 1000).toFixed(0)} s wall)`,
  );
  process.exitCode = stillFailing > 0 ? 1 : 0;
}
