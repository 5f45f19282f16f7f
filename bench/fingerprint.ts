// `node bench/fingerprint.ts [--engine rate|exact] [--only text] [--set rate|exact-bench] [--file F]`:
// a sha256 of each bench scenario's (or scenario file F's) result JSON (wall time left out) and every sample batch, so a
// speed-up can be checked byte-identical: run before and after, and compare the lines.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSimulation } from '../src/engine/sim/simulation.ts';
import { resolve } from './engine.ts';
import { RATE_SCENARIOS } from './rate-scenarios.ts';
import { BENCH_SCENARIOS, withEngine } from './scenarios.ts';

const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const engine = arg('--engine', 'rate') as 'rate' | 'exact';
const only = arg('--only', '');
const file = arg('--file', '');
const set = file
  ? [JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>]
  : arg('--set', 'rate') === 'rate'
    ? RATE_SCENARIOS
    : BENCH_SCENARIOS;

for (const json of set.filter((j) => String(j.name).includes(only))) {
  const s = resolve(withEngine(json, engine));
  const hash = createHash('sha256');
  const t0 = performance.now();
  const sim = createSimulation(s);
  while (!sim.done) {
    sim.advance(sim.nowMs + 1000);
    const batch = sim.takeSamples();
    if (batch) hash.update(JSON.stringify(batch));
  }
  const wallMs = performance.now() - t0;
  hash.update(JSON.stringify(sim.result(0)));
  console.log(
    `${hash.digest('hex').slice(0, 16)} ${engine} ${String(json.name)} (${(wallMs / 1000).toFixed(2)} s)`,
  );
}
