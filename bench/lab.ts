// The lab host's costs: persisting samples while a run goes, exporting a million sample rows to
// CSV, and a 16-run sweep on one worker against two.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNTERS, NR_COUNTERS } from '../src/shared/vmstat.ts';
import { appendSampleBatch, createRun, openDatabase } from '../src/main/db/index.ts';
import { inProcessClient } from '../src/main/api/in-process.ts';
import { writeSamplesCsv } from '../src/cli/write-samples-csv.ts';
import { closeLab, openLab } from '../src/main/api/lab.ts';
import { runScenario } from '../src/main/runner/run-scenario.ts';
import { resolve } from './engine.ts';
import { BENCH_SCENARIOS } from './scenarios.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierlab-bench-'));

/**
 * Time spent writing sample batches against the run's wall time, at the default interval and at
 * a sample every tick, on the reclaim scenario (the fastest to simulate, so the worst ratio).
 */
function benchPersistence(everyTick: boolean): void {
  const s = resolve(BENCH_SCENARIOS[4]);
  if (everyTick) s.run.sampleEveryMs = s.run.tickMs;
  const db = openDatabase(join(dir, `persist-${everyTick}.db`));
  const run = createRun(db, { name: s.name, seed: 1, engineVersion: 'bench' });
  let persistMs = 0;
  let rows = 0;
  const { result } = runScenario(s, {
    onSamples: (batch) => {
      const t0 = performance.now();
      appendSampleBatch(db, run.id, batch);
      persistMs += performance.now() - t0;
      rows += batch.timesMs.length;
    },
  });
  db.close();
  const pct = (persistMs / result.wallMs) * 100;
  console.log(
    `sample persistence, a sample every ${s.run.sampleEveryMs} ms (${rows} samples x ${s.machine.nodes.length + 1} rows): ` +
      `${persistMs.toFixed(1)} ms of a ${result.wallMs.toFixed(0)} ms run = ${pct.toFixed(1)}% (target <= 5%)`,
  );
}

/** One million sample rows of one run, written then exported to a CSV file through the API. */
async function benchExport(): Promise<void> {
  const lab = openLab({ dbPath: join(dir, 'export.db'), workers: 0 });
  const run = createRun(lab.db, { name: 'export', seed: 1, engineVersion: 'bench' });
  const rows = 1_000_000;
  const perBatch = 10_000;
  const t0 = performance.now();
  for (let b = 0; b < rows / perBatch; b++) {
    const timesMs = Array.from({ length: perBatch }, (_, i) => (b * perBatch + i) * 10);
    const columns = () =>
      Object.fromEntries(
        COUNTERS.map((name, c) => [name, timesMs.map((_, i) => ((i * NR_COUNTERS + c) * 7919) % 100_003)]),
      );
    const counters = columns();
    appendSampleBatch(lab.db, run.id, { timesMs, counters, nodes: { 0: counters } });
  }
  const filled = performance.now() - t0;
  const t1 = performance.now();
  await writeSamplesCsv(inProcessClient(lab), { runIds: [run.id] }, join(dir, 'samples.csv'));
  const exported = performance.now() - t1;
  await closeLab(lab);
  console.log(
    `CSV export of ${rows / 1e6} M sample rows: ${(exported / 1000).toFixed(2)} s (target < 5 s; writing them took ${(filled / 1000).toFixed(1)} s)`,
  );
}

/** Sixteen small runs through the worker pool with one worker and with two. */
async function benchSweep(): Promise<void> {
  const s = resolve(BENCH_SCENARIOS[0]);
  s.run.durationMs = 500;
  const time = async (workers: number): Promise<number> => {
    const lab = openLab({ dbPath: join(dir, `sweep-${workers}.db`), workers });
    const t0 = performance.now();
    const ids = Array.from({ length: 16 }, (_, i) =>
      lab.runs.enqueue({ scenario: { ...s, run: { ...s.run, seed: i + 1 } }, document: {} }),
    );
    await Promise.all(ids.map((id) => lab.runs.waitFor(id)));
    const ms = performance.now() - t0;
    await closeLab(lab);
    return ms;
  };
  const one = await time(1);
  const two = await time(2);
  console.log(
    `sweep of 16 runs: ${(one / 1000).toFixed(2)} s with 1 worker, ${(two / 1000).toFixed(2)} s with 2 (ratio ${(two / one).toFixed(2)}, target ~0.5)`,
  );
}

export async function benchLab(): Promise<void> {
  console.log('== lab host');
  try {
    benchPersistence(false);
    benchPersistence(true);
    await benchExport();
    await benchSweep();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
