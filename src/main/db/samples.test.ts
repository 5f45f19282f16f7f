import { describe, expect, it } from 'vitest';
import { appendSamples, emptyColumns, type SampleBatch } from '../../shared/samples.ts';
import { appendSampleBatch } from './append-samples.ts';
import { countSamples, readSampleBatch, readSampleChunk, sampledNodes } from './read-samples.ts';
import { createRun } from './runs.ts';
import { makeBatch, openTempDatabase } from '../../../tests/support/main/db.ts';

function newRun() {
  const { db } = openTempDatabase();
  const run = createRun(db, { name: 'r', seed: 1, engineVersion: 'test' });
  return { db, runId: run.id };
}

/** Batches one after the other, as one. */
function joined(batches: SampleBatch[]): SampleBatch {
  const all = structuredClone(batches[0]!);
  for (const b of batches.slice(1)) appendSamples(all, b);
  return all;
}

describe('sample batches', () => {
  it('read back bit-exactly, per node and machine-wide, across several batches', () => {
    const { db, runId } = newRun();
    const batches = [makeBatch(3, 40, 0, 10, 1), makeBatch(3, 25, 400, 10, 2)];
    for (const batch of batches) appendSampleBatch(db, runId, batch);
    const back = readSampleBatch(db, runId);
    expect(back).toEqual(joined(batches));
    expect(back.timesMs).toHaveLength(65);
    // The machine-wide column is what was written, each value its nodes' sum (in node order).
    for (const name of ['nr_free_pages', 'pgscan_kswapd', 'nr_swap_used']) {
      back.timesMs.forEach((_, r) =>
        expect(back.counters[name]![r]).toBe(
          back.nodes[0]![name]![r]! + back.nodes[1]![name]![r]! + back.nodes[2]![name]![r]!,
        ),
      );
    }
  });

  it('read the columns asked for: some counters machine-wide, and one node', () => {
    const { db, runId } = newRun();
    const batch = makeBatch(3, 30, 0, 0.25, 3);
    appendSampleBatch(db, runId, batch);
    const some = readSampleBatch(db, runId, {
      counters: ['pgfault'],
      nodeCounters: ['nr_free_pages'],
      node: 2,
    });
    expect(some).toEqual({
      timesMs: batch.timesMs,
      counters: { pgfault: batch.counters.pgfault },
      nodes: { 2: { nr_free_pages: batch.nodes[2]!.nr_free_pages } },
    });
    expect(readSampleBatch(db, runId, { counters: [], node: 3 }).nodes).toEqual({});
    expect(readSampleBatch(db, runId, { nodeCounters: [] }).nodes).toEqual({});
    expect(sampledNodes(db, runId)).toEqual([0, 1, 2]);
  });

  it('page in time order, chunks joining to the whole, while the connection keeps writing', () => {
    const { db, runId } = newRun();
    const other = createRun(db, { name: 'other', seed: 2, engineVersion: 'test' }).id;
    appendSampleBatch(db, runId, makeBatch(2, 10_000, 0, 1, 4));
    expect(countSamples(db, runId)).toBe(10_000);
    const chunks: SampleBatch[] = [];
    for (let after = -Infinity, t = 0; ; t++) {
      const chunk = readSampleChunk(db, runId, after, 4096, {});
      chunks.push(chunk);
      // A slow consumer while runs keep persisting: no cursor may be held open between chunks.
      appendSampleBatch(db, other, makeBatch(2, 5, t * 10, 1, 5));
      if (chunk.timesMs.length < 4096) break;
      after = chunk.timesMs.at(-1)!;
    }
    expect(chunks.map((c) => c.timesMs.length)).toEqual([4096, 4096, 10_000 - 2 * 4096]);
    expect(joined(chunks)).toEqual(readSampleBatch(db, runId));
  });

  it('are written all or nothing: a batch repeating a stored time adds none of its rows', () => {
    const { db, runId } = newRun();
    appendSampleBatch(db, runId, makeBatch(2, 10, 0, 10));
    const overlapping = makeBatch(2, 10, 50, 10);
    expect(() => appendSampleBatch(db, runId, overlapping)).toThrow(/UNIQUE/);
    expect(countSamples(db, runId)).toBe(10);
    expect(readSampleBatch(db, runId).nodes[1]!.nr_free_pages).toHaveLength(10);
  });

  it('are refused without a full column per counter and node, or holding a NaN', () => {
    const { db, runId } = newRun();
    const short = makeBatch(2, 3, 0, 1);
    short.nodes[1]!.pgfault!.pop();
    expect(() => appendSampleBatch(db, runId, short)).toThrow(/needs 3 values of pgfault on node 1, not 2/);
    const noMachine = { ...makeBatch(1, 2, 0, 1), counters: {} };
    expect(() => appendSampleBatch(db, runId, noMachine)).toThrow(
      /needs counter columns machine-wide, not none/,
    );
    expect(() => appendSampleBatch(db, runId, { ...makeBatch(1, 2, 0, 1), nodes: {} })).toThrow(/node ids/);
    const withNaN = makeBatch(1, 2, 0, 1);
    withNaN.nodes[0]!.pgfault![1] = Number.NaN;
    expect(() => appendSampleBatch(db, runId, withNaN)).toThrow(/NOT NULL/);
    expect(countSamples(db, runId)).toBe(0);
  });

  it('of a 6.1 run read back without the counters its kernel lacks, per node and machine-wide', () => {
    const { db } = openTempDatabase();
    const scenario = { policy: { preset: 'linux', kernel: '6.1' } };
    const runId = createRun(db, { name: 'r', seed: 1, engineVersion: 'test', scenario }).id;
    const batch = makeBatch(2, 3, 0, 1);
    // As the sampler leaves it on 6.1: pgdemote_* only machine-wide (vm events before v6.8).
    for (const n of [0, 1]) delete batch.nodes[n]!.pgdemote_kswapd;
    appendSampleBatch(db, runId, batch);
    const back = readSampleBatch(db, runId);
    expect(back.counters.pgdemote_kswapd).toEqual(batch.counters.pgdemote_kswapd);
    expect(Object.keys(back.nodes[0]!)).not.toContain('pgdemote_kswapd');
    expect(Object.keys(back.nodes[0]!)).not.toContain('pgdemote_direct');
    expect(Object.keys(back.counters)).not.toContain('pgpromote_candidate_nrl');
    expect(back.nodes[1]!.pgscan_kswapd).toEqual(batch.nodes[1]!.pgscan_kswapd);
  });

  it('cannot belong to a run that does not exist', () => {
    const { db } = newRun();
    expect(() => appendSampleBatch(db, 999, makeBatch(1, 1, 0, 1))).toThrow(/FOREIGN KEY/);
  });

  it('of a run without samples read back empty', () => {
    const { db, runId } = newRun();
    expect(readSampleBatch(db, runId)).toEqual({ timesMs: [], counters: emptyColumns(), nodes: {} });
    expect(sampledNodes(db, runId)).toEqual([]);
  });
});
