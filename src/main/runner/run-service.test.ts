import type { ResourceLimits } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import type { ApiEvents } from '../../shared/api/contract.ts';
import { countSamples, getResult, getRun, readSampleBatch } from '../db/index.ts';
import { appendSamples, type SampleBatch } from '../../shared/samples.ts';
import type { RunSampleBatch } from '../../shared/api/contract.ts';
import { sqliteOf } from '../db/connection.ts';
import { openTempDatabase } from '../../../tests/support/main/db.ts';
import { RunService } from './run-service.ts';

const services: RunService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

function scenario(
  durationMs: number,
  workload: Record<string, unknown>,
  run: Record<string, number> = {},
): ResolvedScenario {
  const p = parseScenario({
    format: 'tierlab.scenario/1',
    name: 'service test',
    machine: {
      pageSize: '4KiB',
      nodes: [
        { id: 0, memory: 'dram', capacity: '64MiB', cpus: 1 },
        { id: 1, memory: 'pmem', capacity: '128MiB', cpus: 0 },
      ],
    },
    policy: { preset: 'linux', knobs: { demotion_enabled: true } },
    workload: [{ name: 'w', cpu: 0, ...workload }],
    run: { durationMs, tickMs: 10, sampleEveryMs: 100, seed: 5, ...run },
  });
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.scenario;
}

const quick = () =>
  scenario(2000, { type: 'usemem', size: '96MiB', mempolicy: { mode: 'bind', nodes: [0] } });
/** Runs for many wall seconds: a hot set that never finishes over a long simulated time. */
const long = () => scenario(600_000, { type: 'hotset', size: '32MiB' });

/** Keeps every sample's residency for the result: heap that grows for as long as the run goes on. */
const hungry = () =>
  scenario(4_000_000, { type: 'hotset', size: '32MiB' }, { tickMs: 10, sampleEveryMs: 10 });

function service(workers = 1, resourceLimits?: ResourceLimits) {
  const { db } = openTempDatabase();
  const events: { name: string; payload: unknown }[] = [];
  const s = new RunService({
    db,
    workers,
    resourceLimits,
    emit: (name, payload) => events.push({ name, payload }),
  });
  services.push(s);
  return { db, s, events };
}

function firstProgress(events: { name: string; payload: unknown }[], runId: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () =>
      events.some(
        (e) => e.name === 'run:progress' && (e.payload as ApiEvents['run:progress']).runId === runId,
      )
        ? resolve()
        : setTimeout(check, 20);
    check();
  });
}

describe('RunService', () => {
  it('runs a scenario in a worker thread and stores its samples and result', async () => {
    const { db, s, events } = service();
    const id = s.enqueue({ scenario: quick(), document: { any: 'document' } });
    const run = await s.waitFor(id);
    expect(run.status).toBe('done');
    expect(countSamples(db, id)).toBe(21);
    const result = getResult(db, id)!.result;
    expect(result.vmstat.pgdemote_kswapd! + result.vmstat.pgdemote_direct!).toBeGreaterThan(0);
    // The last stored sample equals the result's counters.
    const stored = readSampleBatch(db, id);
    expect(stored.counters.pgdemote_kswapd!.at(-1)).toBe(result.vmstat.pgdemote_kswapd!);
    // The live events carry the same batches the database stored, machine-wide and per node.
    const live: SampleBatch = { timesMs: [], counters: {}, nodes: {} };
    const batches = events.filter((e) => e.name === 'run:samples').map((e) => e.payload as RunSampleBatch);
    expect(batches.length).toBeGreaterThan(0);
    for (const { runId, ...batch } of batches) {
      expect(runId).toBe(id);
      if (live.timesMs.length === 0) Object.assign(live, structuredClone(batch));
      else appendSamples(live, batch);
    }
    expect(live).toEqual(stored);
    expect(
      events.filter((e) => e.name === 'run:status').map((e) => (e.payload as { status: string }).status),
    ).toEqual(['queued', 'running', 'done']);
  });

  it('cancels a running run and keeps the samples it produced', async () => {
    const { db, s, events } = service();
    const id = s.enqueue({ scenario: long(), document: {} });
    await firstProgress(events, id);
    expect(s.cancel(id)).toBe(true);
    const run = await s.waitFor(id);
    expect(run.status).toBe('cancelled');
    expect(countSamples(db, id)).toBeGreaterThan(0);
    expect(getResult(db, id)!.result.simulatedMs).toBeLessThan(600_000);
  });

  it('cancels a queued run before it starts', async () => {
    const { db, s } = service(1);
    const first = s.enqueue({ scenario: long(), document: {} });
    const second = s.enqueue({ scenario: quick(), document: {} });
    expect(s.cancel(second)).toBe(true);
    expect((await s.waitFor(second)).status).toBe('cancelled');
    expect(countSamples(db, second)).toBe(0);
    s.cancel(first);
    await s.waitFor(first);
  });

  it('fails only the run whose samples no longer fit on the disk, keeping what was stored', async () => {
    const { db, s } = service(1);
    const earlier = s.enqueue({ scenario: quick(), document: {} });
    expect((await s.waitFor(earlier)).status).toBe('done');
    const stored = countSamples(db, earlier);
    // SQLite's own size cap stands in for a full disk: a write past it fails with SQLITE_FULL.
    const sqlite = sqliteOf(db);
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages + 4}`);
    const full = s.enqueue({ scenario: long(), document: {} });
    const failed = await s.waitFor(full);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^disk full/);
    expect(countSamples(db, earlier)).toBe(stored);
    sqlite.pragma('max_page_count = 1073741823');
    const next = s.enqueue({ scenario: quick(), document: {} });
    expect((await s.waitFor(next)).status).toBe('done');
  });

  it('fails only the run of a worker that dies, and the pool keeps working', async () => {
    const { db, s, events } = service(1);
    const doomed = s.enqueue({ scenario: long(), document: {} });
    await firstProgress(events, doomed);
    await s.pool.kill(doomed);
    const failed = await s.waitFor(doomed);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/worker/);
    const next = s.enqueue({ scenario: quick(), document: {} });
    expect((await s.waitFor(next)).status).toBe('done');
    expect(getRun(db, doomed)!.status).toBe('failed');
  });

  it('fails a run whose worker runs out of memory, saying so with its limits, and keeps what it stored', async () => {
    const { db, s } = service(1, { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 });
    const id = s.enqueue({ scenario: hungry(), document: {} });
    const failed = await s.waitFor(id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(
      /^the engine ran out of memory: its worker's heap reached its \d+ MiB limit \(resourceLimits maxOldGenerationSizeMb=32, maxYoungGenerationSizeMb=4\)$/,
    );
    expect(countSamples(db, id)).toBeGreaterThan(0);
    const next = s.enqueue({ scenario: quick(), document: {} });
    expect((await s.waitFor(next)).status).toBe('done');
  });

  it('fails each run once when its worker cannot even start, and starts no workers meanwhile', async () => {
    // About 12 MiB are needed to load the engine; V8 itself aborts the process below 4.
    const { s } = service(1, { maxOldGenerationSizeMb: 6 });
    for (let i = 0; i < 2; i++) {
      const failed = await s.waitFor(s.enqueue({ scenario: quick(), document: {} }));
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/^the engine ran out of memory: its worker's heap reached its limit/);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(s.pool.nrWorkers).toBe(0);
    }
  });

  it('gives the same stored numbers for the same scenario and seed', async () => {
    const { db, s } = service(2);
    const a = s.enqueue({ scenario: quick(), document: {} });
    const b = s.enqueue({ scenario: quick(), document: {} });
    await Promise.all([s.waitFor(a), s.waitFor(b)]);
    expect(readSampleBatch(db, a)).toEqual(readSampleBatch(db, b));
    expect(getResult(db, a)!.result.vmstat).toEqual(getResult(db, b)!.result.vmstat);
  });
});
