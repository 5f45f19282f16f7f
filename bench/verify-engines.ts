// `npm run verify:engines`: the corpus in both engines, 5 seeds each, on every core; prints for
// every scenario and figure both means, their standard errors and pass/fail, then a summary.
// Options: --quick (the small corpus `npm test` runs), --only <text> (scenarios whose name has it),
// --seeds <n>, --failures (print failing rows only). Exit status 1 if any figure fails.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunResult } from '../src/shared/result.ts';
import { compareFigures, type Agreement } from '../src/engine/verify/agreement.ts';
import { fullCorpus, type CorpusEntry } from '../src/engine/verify/corpus.ts';
import { quickCorpus } from '../src/engine/verify/quick-corpus.ts';
import type { VerifyJob } from './verify-worker.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seeds = Number(option('--seeds') ?? 5);
const only = option('--only');
const full = flag('--quick') ? { entries: quickCorpus(), refused: [] } : fullCorpus();
const picked = (e: { name: string }) => !only || e.name.includes(only);
const corpus = full.entries.filter(picked);
const refused = full.refused.filter(picked);
const jobs: VerifyJob[] = corpus.flatMap((e, index) =>
  ['exact', 'rate'].flatMap((engine) =>
    Array.from({ length: seeds }, (_, i) => ({
      index,
      file: e.file,
      engine: engine as 'exact' | 'rate',
      seed: i + 1,
    })),
  ),
);
// Exact runs first, longest-first scheduling keeps both cores busy to the end.
jobs.sort((a, b) => (a.engine === b.engine ? 0 : a.engine === 'exact' ? -1 : 1));

const results = corpus.map(() => ({
  exact: [] as RunResult[],
  rate: [] as RunResult[],
  wall: { exact: 0, rate: 0 },
}));
const total = jobs.length;
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

const workers = Array.from(
  { length: Math.max(1, availableParallelism()) },
  () => new Worker(new URL('./verify-worker.ts', import.meta.url)),
);
await Promise.all(workers.map(drain));
process.stderr.write('\n');

const fmt = (x: number) => (Math.abs(x) >= 1e4 ? x.toExponential(3) : Number(x.toPrecision(5)).toString());
let failures = 0;
let figures = 0;
const failedScenarios: string[] = [];
console.log(`verify:engines: ${corpus.length} scenarios x ${seeds} seeds x {exact, rate}`);
console.log('figure | exact mean ± se | rate mean ± se | allowed | result');
corpus.forEach((e: CorpusEntry, i) => {
  const slot = results[i]!;
  const rows = compareFigures(slot.exact, slot.rate).filter((r) => r.meanA !== 0 || r.meanB !== 0);
  const bad = rows.filter((r) => !r.pass);
  figures += rows.length;
  failures += bad.length;
  if (bad.length) failedScenarios.push(e.name);
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
