import { describe, expect, it } from 'vitest';
import {
  readSamplesFile,
  samplesFileFor,
  SAMPLES_FORMAT,
  SAMPLES_FORMAT_V1,
  toSamplesFile,
} from './samples-file.ts';
import type { SampleBatch } from './samples.ts';
import { COUNTERS, NR_COUNTERS, recordedCounters } from './vmstat.ts';

/** Two samples of two nodes; node n's counter c at row r = 1000 r + 100 n + c, so the machine's is 2000 r + 100 + 2c. */
function batch(): SampleBatch {
  const column = (f: (r: number) => number) => [f(0), f(1)];
  const node = (n: number) =>
    Object.fromEntries(COUNTERS.map((name, c) => [name, column((r) => 1000 * r + 100 * n + c)]));
  return {
    timesMs: [0, 100],
    counters: Object.fromEntries(COUNTERS.map((name, c) => [name, column((r) => 2000 * r + 100 + 2 * c)])),
    nodes: { 0: node(0), 1: node(1) },
  };
}

/** The same samples in the first format: rows of nodes of counters, no machine-wide row. */
function v1File() {
  const values: number[] = [];
  for (let r = 0; r < 2; r++)
    for (let n = 0; n < 2; n++) for (let c = 0; c < NR_COUNTERS; c++) values.push(1000 * r + 100 * n + c);
  return { format: SAMPLES_FORMAT_V1, nrNodes: 2, counters: [...COUNTERS], timesMs: [0, 100], values };
}

describe('samples file', () => {
  it('is named after its result file', () => {
    expect(samplesFileFor('out/sweep-00003.result.json')).toBe('out/sweep-00003.samples.json');
    expect(samplesFileFor('r.json')).toBe('r.samples.json');
  });

  it('is the batch with its format, and reads back as the batch it was written from', () => {
    const file = toSamplesFile(batch());
    expect(file).toEqual({ format: SAMPLES_FORMAT, ...batch() });
    expect(readSamplesFile(JSON.parse(JSON.stringify(file)), 2)).toEqual({ ok: true, batch: batch() });
  });

  it("reads a file with every counter as a 6.1 run's: only its kernel's, and no per-node pgdemote_*", () => {
    const sets = { machine: recordedCounters('6.1', 'machine'), node: recordedCounters('6.1', 'node') };
    const read = readSamplesFile(toSamplesFile(batch()), 2, sets);
    if (!read.ok) throw new Error(read.problem);
    expect(Object.keys(read.batch.counters)).toEqual(sets.machine);
    expect(read.batch.counters.pgdemote_kswapd).toEqual(batch().counters.pgdemote_kswapd);
    expect(read.batch.nodes[0]!.pgdemote_kswapd).toBeUndefined();
    expect(read.batch.counters.pgpromote_candidate_nrl).toBeUndefined();
  });

  it('takes a 6.1 file whose pgdemote_* is machine-wide only, and refuses one missing a 6.1 counter', () => {
    const sets = { machine: recordedCounters('6.1', 'machine'), node: recordedCounters('6.1', 'node') };
    const file = toSamplesFile(batch());
    // As a 6.1 run writes it: no per-node pgdemote_*, and a machine-wide value that is no nodes' sum.
    for (const n of [0, 1]) delete file.nodes[n]!.pgdemote_kswapd;
    file.counters.pgdemote_kswapd = [7, 9];
    const read = readSamplesFile(JSON.parse(JSON.stringify(file)), 2, sets);
    expect(read.ok && read.batch.counters.pgdemote_kswapd).toEqual([7, 9]);
    delete file.nodes[1]!.pgscan_kswapd;
    const refused = readSamplesFile(JSON.parse(JSON.stringify(file)), 2, sets);
    expect(refused.ok ? '' : refused.problem).toMatch(/^nodes\.1: .*missing counters pgscan_kswapd/);
  });

  it('reads a first-format file, in any counter order, as the same batch', () => {
    expect(readSamplesFile(v1File(), 2)).toEqual({ ok: true, batch: batch() });
    const f = v1File();
    // Swap the first two counters' names and their values in every row.
    [f.counters[0], f.counters[1]] = [f.counters[1]!, f.counters[0]!];
    for (let r = 0; r < 4; r++) {
      const i = r * NR_COUNTERS;
      [f.values[i], f.values[i + 1]] = [f.values[i + 1]!, f.values[i]!];
    }
    expect(readSamplesFile(f, 2)).toEqual({ ok: true, batch: batch() });
  });

  it('refuses what does not fit the run or this build, saying what', () => {
    const good = toSamplesFile(batch());
    const problem = (f: unknown, nodes = 2) => {
      const r = readSamplesFile(f, nodes);
      return r.ok ? null : r.problem;
    };
    const edit = (change: (f: typeof good) => void) => {
      const f = structuredClone(good);
      change(f);
      return f;
    };
    expect(problem({ ...good, format: 'x' })).toBe(`not a ${SAMPLES_FORMAT} file`);
    expect(problem(good, 3)).toBe('nodes are 0, 1, but the run has nodes 0, 1, 2');
    expect(problem(edit((f) => (f.nodes[1]!.pgfoo = [0, 0])))).toMatch(/^nodes\.1: .*unknown counters pgfoo/);
    expect(problem(edit((f) => delete f.counters.nr_free_pages))).toMatch(
      /^counters: .*missing counters nr_free_pages/,
    );
    expect(problem(edit((f) => f.nodes[0]!.pgfault!.pop()))).toBe(
      'nodes.0.pgfault needs 2 values, one per sample',
    );
    expect(problem({ ...good, timesMs: [100, 100] })).toBe('timesMs[1] must be a number after timesMs[0]');
    expect(problem(edit((f) => ((f.nodes[1]!.pgfault as unknown[])[1] = 'x')))).toBe(
      'nodes.1.pgfault[1] must be a number',
    );
    expect(problem(edit((f) => (f.counters.pgfault![1]! += 1)))).toBe(
      "counters.pgfault[1] is not the sum of its nodes' values",
    );
    expect(problem({ ...v1File(), nrNodes: 9 })).toBe('nrNodes is 9, but the run has 2 nodes');
    expect(problem({ ...v1File(), values: v1File().values.slice(1) })).toBe(
      `2 samples of 2 nodes need ${4 * NR_COUNTERS} values, not ${4 * NR_COUNTERS - 1}`,
    );
  });
});
