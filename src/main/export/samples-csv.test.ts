import { describe, expect, it } from 'vitest';
import { appendSampleBatch } from '../db/append-samples.ts';
import { createRun } from '../db/runs.ts';
import { makeBatch, openTempDatabase } from '../../../tests/support/main/db.ts';
import { samplesCsvChunk } from './samples-csv.ts';
import { COUNTERS } from '../../shared/vmstat.ts';
import { emptyColumns } from '../../shared/samples.ts';

/** A run of the linux preset on `kernel`, with `batch` stored; every counter column but `drop` per node. */
function storedRun(db: ReturnType<typeof openTempDatabase>['db'], kernel: string, drop: string[]) {
  const scenario = { policy: { preset: 'linux', kernel } };
  const runId = createRun(db, { name: kernel, seed: 1, engineVersion: 'test', scenario }).id;
  const batch = makeBatch(2, 2, 0, 10);
  for (const n of [0, 1]) for (const name of drop) delete batch.nodes[n]![name];
  appendSampleBatch(db, runId, batch);
  return { runId, batch };
}

describe('samples as CSV', () => {
  it('gives runs on two kernels one header, a counter one lacks an empty cell there, not a 0', () => {
    const { db } = openTempDatabase();
    const old = storedRun(db, '6.1', ['pgdemote_kswapd', 'pgdemote_direct']);
    const recent = storedRun(db, '6.12', []);
    const req = { runIds: [old.runId, recent.runId], perNode: true };
    let csv = '';
    for (let chunk = samplesCsvChunk(db, req); ; chunk = samplesCsvChunk(db, { ...req, from: chunk.next })) {
      csv += chunk.csv;
      if (!chunk.next) break;
    }
    const [header, ...rows] = csv
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const at = header!.indexOf('pgdemote_kswapd');
    expect(at).toBeGreaterThan(0);
    // Neither kernel records these: no column at all.
    expect(header).not.toContain('pgpromote_candidate_nrl');
    expect(header).not.toContain('pgdemote_khugepaged');
    const ofRun = (id: number) => rows.filter((r) => r[0] === String(id));
    expect(ofRun(old.runId).map((r) => r[at])).toEqual(['', '', '', '']);
    expect(ofRun(recent.runId).map((r) => Number(r[at]))).toEqual([
      recent.batch.nodes[0]!.pgdemote_kswapd![0],
      recent.batch.nodes[1]!.pgdemote_kswapd![0],
      recent.batch.nodes[0]!.pgdemote_kswapd![1],
      recent.batch.nodes[1]!.pgdemote_kswapd![1],
    ]);
    // Machine-wide, 6.1 has pgdemote_kswapd (a vm event) and its value is the stored one.
    const machine = samplesCsvChunk(db, { runIds: [old.runId], perNode: false })
      .csv.trim()
      .split('\n');
    const cols = machine[0]!.split(',');
    expect(Number(machine[1]!.split(',')[cols.indexOf('pgdemote_kswapd')])).toBe(
      old.batch.counters.pgdemote_kswapd![0],
    );
  });
});

describe('the samples CSV bytes', () => {
  it('prints stored REALs as JavaScript does: integers as digits, the rest shortest round-trip', () => {
    const { db } = openTempDatabase();
    const runId = createRun(db, { name: 'bytes', seed: 1, engineVersion: 'test' }).id;
    // Digits at every length the digit-pair writer splits differently (1, 2, 3, 10, 11 and 16
    // digits, over 2^31), a negative, fractions and a number JavaScript prints with an exponent.
    const values = [7, 42, 100, 2147483648, 12345678901, 2 ** 53 - 1, -9001, 0.1, 1 / 3, 1e21, 4096.5];
    const texts =
      '7,42,100,2147483648,12345678901,9007199254740991,-9001,0.1,0.3333333333333333,1e+21,4096.5';
    const columns = () => {
      const c = emptyColumns();
      for (const name of COUNTERS) c[name] = [0, 3];
      COUNTERS.slice(0, values.length).forEach((name, i) => (c[name] = [values[i]!, 0]));
      return c;
    };
    appendSampleBatch(db, runId, { timesMs: [0, 100], counters: columns(), nodes: { 0: columns() } });
    const [header, first, second] = samplesCsvChunk(db, { runIds: [runId] }).csv.split('\n');
    const rest = header!.split(',').length - 2 - values.length;
    expect(header!.split(',').slice(2, 2 + values.length)).toEqual(COUNTERS.slice(0, values.length));
    expect(first).toBe(`${runId},0,${texts}${',0'.repeat(rest)}`);
    expect(second).toBe(`${runId},100${',0'.repeat(values.length)}${',3'.repeat(rest)}`);
  });
});
