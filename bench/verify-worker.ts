// One verify:engines worker thread: runs the scenarios it is sent and posts back each result.
import { parentPort } from 'node:worker_threads';
import { parseScenario } from '../src/shared/scenario/parse.ts';
import { runScenarioOnce } from './run-once.ts';

export interface VerifyJob {
  index: number;
  file: Record<string, unknown>;
  engine: 'exact' | 'rate';
  seed: number;
}

parentPort!.on('message', (job: VerifyJob) => {
  const file = { ...job.file, run: { ...(job.file.run as object), engine: job.engine, seed: job.seed } };
  const parsed = parseScenario(file);
  if (!parsed.ok) throw new Error(`${String(job.file.name)}: ${JSON.stringify(parsed.errors)}`);
  parentPort!.postMessage(runScenarioOnce(parsed.scenario));
});
