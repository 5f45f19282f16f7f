import { describe, expect, it } from 'vitest';
import { readSamplesFile, samplesFileFor, SAMPLES_FORMAT, toSamplesFile } from './samples-file.ts';
import { COUNTERS, NR_COUNTERS } from './vmstat.ts';

/** Two samples of two nodes; value = 1000 * row + 100 * node + counter index. */
function batch() {
  const values = new Float64Array(2 * 2 * NR_COUNTERS);
  for (let row = 0; row < 2; row++)
    for (let node = 0; node < 2; node++)
      for (let c = 0; c < NR_COUNTERS; c++)
        values[(row * 2 + node) * NR_COUNTERS + c] = 1000 * row + 100 * node + c;
  return { nrNodes: 2, timesMs: Float64Array.from([0, 100]), values };
}

describe('samples file', () => {
  it('is named after its result file', () => {
    expect(samplesFileFor('out/sweep-00003.result.json')).toBe('out/sweep-00003.samples.json');
    expect(samplesFileFor('r.json')).toBe('r.samples.json');
  });

  it('reads back the batch it was written from', () => {
    const read = readSamplesFile(JSON.parse(JSON.stringify(toSamplesFile(batch()))), 2);
    expect(read).toEqual({ ok: true, batch: batch() });
  });

  it("takes the counters in any order and puts them in this build's", () => {
    const f = toSamplesFile(batch());
    // Swap the first two counters' names and their values in every row.
    [f.counters[0], f.counters[1]] = [f.counters[1]!, f.counters[0]!];
    for (let r = 0; r < 4; r++) {
      const i = r * NR_COUNTERS;
      [f.values[i], f.values[i + 1]] = [f.values[i + 1]!, f.values[i]!];
    }
    const read = readSamplesFile(f, 2);
    expect(read.ok && Array.from(read.batch.values.subarray(0, 3))).toEqual([0, 1, 2]);
  });

  it('refuses what does not fit the run or this build, saying what', () => {
    const good = toSamplesFile(batch());
    const problem = (f: unknown, nodes = 2) => {
      const r = readSamplesFile(f, nodes);
      return r.ok ? null : r.problem;
    };
    expect(problem({ ...good, format: 'x' })).toBe(`not a ${SAMPLES_FORMAT} file`);
    expect(problem(good, 3)).toBe('nrNodes is 2, but the run has 3 nodes');
    expect(problem({ ...good, counters: [...COUNTERS.slice(1), 'pgfoo'] })).toMatch(
      /unknown counters pgfoo; missing counters nr_free_pages/,
    );
    expect(problem({ ...good, values: good.values.slice(1) })).toBe(
      `2 samples of 2 nodes need ${4 * NR_COUNTERS} values, not ${4 * NR_COUNTERS - 1}`,
    );
    expect(problem({ ...good, timesMs: [100, 100] })).toBe('timesMs[1] must be a number after timesMs[0]');
    expect(problem({ ...good, values: good.values.map((v, i) => (i === 5 ? 'x' : v)) })).toBe(
      'values[5] must be a number',
    );
  });
});
