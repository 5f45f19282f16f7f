import { describe, expect, it } from 'vitest';
import { globalRow, nodeRow } from '../../shared/samples.ts';
import { COUNTERS, NR_COUNTERS } from '../../shared/vmstat.ts';
import { appendSampleBatch } from './append-samples.ts';
import {
  countSamples,
  iterateNodeSampleRows,
  iterateSampleRows,
  readNodeSamples,
  readSampleBatch,
  readSamples,
  sampledNodes,
  SAMPLE_ROW_COLUMNS,
} from './read-samples.ts';
import { createRun } from './runs.ts';
import { makeBatch, openTempDatabase } from '../../../tests/support/main/db.ts';

function newRun() {
  const { db } = openTempDatabase();
  const run = createRun(db, { name: 'r', seed: 1, engineVersion: 'test' });
  return { db, runId: run.id };
}

describe('sample batches', () => {
  it('read back bit-exactly, per node and as the machine-wide sum, across several batches', () => {
    const { db, runId } = newRun();
    const batches = [makeBatch(3, 40, 0, 10, 1), makeBatch(3, 25, 400, 10, 2)];
    for (const batch of batches) appendSampleBatch(db, runId, batch);

    const global = readSamples(db, runId);
    const nodes = readNodeSamples(db, runId);
    expect(global).toHaveLength(65);
    expect(nodes).toHaveLength(65 * 3);
    let row = 0;
    for (const batch of batches) {
      for (let r = 0; r < batch.timesMs.length; r++, row++) {
        const sums = globalRow(batch, r);
        expect(global[row]!.tMs).toBe(batch.timesMs[r]);
        expect(COUNTERS.map((name) => global[row]![name])).toEqual(Array.from(sums));
        for (let node = 0; node < 3; node++) {
          const stored = nodes[row * 3 + node]!;
          expect(stored.nodeId).toBe(node);
          expect(COUNTERS.map((name) => stored[name])).toEqual(Array.from(nodeRow(batch, r, node)));
        }
      }
    }
  });

  it('come back as the same SampleBatch the engine emitted', () => {
    const { db, runId } = newRun();
    const batch = makeBatch(2, 30, 0, 0.25, 3);
    appendSampleBatch(db, runId, batch);
    const back = readSampleBatch(db, runId);
    expect(back.nrNodes).toBe(2);
    expect(back.timesMs).toEqual(batch.timesMs);
    expect(back.values).toEqual(batch.values);
    expect(Buffer.from(back.values.buffer).equals(Buffer.from(batch.values.buffer))).toBe(true);
  });

  it('stream in time order, in chunks, equal to the rows read at once, while the connection keeps writing', () => {
    const { db, runId } = newRun();
    const other = createRun(db, { name: 'other', seed: 2, engineVersion: 'test' }).id;
    appendSampleBatch(db, runId, makeBatch(1, 10_000, 0, 1, 4));
    expect(countSamples(db, runId)).toBe(10_000);

    const streamed: number[][] = [];
    let t = 0;
    for (const row of iterateSampleRows(db, runId)) {
      streamed.push(row);
      // A slow consumer while runs keep persisting: no cursor may be held open between rows.
      if (streamed.length % 3000 === 0) appendSampleBatch(db, other, makeBatch(1, 5, t++ * 10, 1, 5));
    }
    expect(SAMPLE_ROW_COLUMNS).toEqual(['t_ms', ...COUNTERS]);
    const rows = readSamples(db, runId);
    expect(streamed).toEqual(rows.map((row) => [row.tMs, ...COUNTERS.map((name) => row[name])]));
  });

  it('stream per node in time then node order, across chunk boundaries, or for one node only', () => {
    const { db, runId } = newRun();
    // 3 nodes x 3000 samples: the 4096-row pages end mid-sample, so paging resumes on (t_ms, node_id).
    appendSampleBatch(db, runId, makeBatch(3, 3000, 0, 1, 6));
    const stored = readNodeSamples(db, runId).map((r) => [r.tMs, r.nodeId, ...COUNTERS.map((c) => r[c])]);
    expect([...iterateNodeSampleRows(db, runId)]).toEqual(stored);
    const node2 = [...iterateNodeSampleRows(db, runId, 2)];
    expect(node2).toHaveLength(3000);
    expect(node2).toEqual(stored.filter((row) => row[1] === 2));
    expect([...iterateNodeSampleRows(db, runId, 3)]).toEqual([]);
    expect(sampledNodes(db, runId)).toEqual([0, 1, 2]);
  });

  it('are written all or nothing: a batch repeating a stored time adds none of its rows', () => {
    const { db, runId } = newRun();
    appendSampleBatch(db, runId, makeBatch(2, 10, 0, 10));
    const overlapping = makeBatch(2, 10, 50, 10);
    expect(() => appendSampleBatch(db, runId, overlapping)).toThrow(/UNIQUE/);
    expect(countSamples(db, runId)).toBe(10);
    expect(readNodeSamples(db, runId)).toHaveLength(20);
  });

  it('are refused when values do not match rows x nodes x counters, or hold a NaN', () => {
    const { db, runId } = newRun();
    const short = { nrNodes: 2, timesMs: new Float64Array([0]), values: new Float64Array(NR_COUNTERS) };
    expect(() => appendSampleBatch(db, runId, short)).toThrow(/needs/);
    const withNaN = makeBatch(1, 2, 0, 1);
    withNaN.values[NR_COUNTERS + 5] = Number.NaN;
    expect(() => appendSampleBatch(db, runId, withNaN)).toThrow(/NOT NULL/);
    expect(countSamples(db, runId)).toBe(0);
  });

  it('cannot belong to a run that does not exist', () => {
    const { db } = newRun();
    expect(() => appendSampleBatch(db, 999, makeBatch(1, 1, 0, 1))).toThrow(/FOREIGN KEY/);
  });

  it('of a run without samples read back empty', () => {
    const { db, runId } = newRun();
    expect(readSamples(db, runId)).toEqual([]);
    expect([...iterateSampleRows(db, runId)]).toEqual([]);
    expect([...iterateNodeSampleRows(db, runId)]).toEqual([]);
    expect(sampledNodes(db, runId)).toEqual([]);
    expect(readSampleBatch(db, runId).timesMs).toHaveLength(0);
  });
});
