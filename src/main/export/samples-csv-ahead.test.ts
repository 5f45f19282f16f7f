import { afterEach, describe, expect, it } from 'vitest';
import { appendSampleBatch } from '../db/append-samples.ts';
import { createRun } from '../db/runs.ts';
import type { StoredRowsQuery } from '../db/index.ts';
import { makeBatch, openTempDatabase } from '../../../tests/support/main/db.ts';
import type { SamplesExportRequest } from '../../shared/api/contract.ts';
import { samplesCsvChunk, type SamplesCsvChunk } from './samples-csv.ts';
import { SamplesCsvAhead } from './samples-csv-ahead.ts';
import { SampleChunkReaders, type CsvPiece } from './samples-readers.ts';

const PER_CHUNK = 5;

/** Reader threads that count the chunks they read. */
class CountingReaders extends SampleChunkReaders {
  reads = 0;
  override read(query: StoredRowsQuery, lead: string): Promise<CsvPiece> {
    this.reads++;
    return super.read(query, lead);
  }
}

const open: SampleChunkReaders[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

/** Runs of 23 samples (chunks of 5, the last partial) and of 20 (the last chunk full, then none), on two kernels. */
function storedRuns() {
  const { db, path } = openTempDatabase();
  const runIds = [
    { kernel: '6.1', samples: 23 },
    { kernel: '6.12', samples: 20 },
  ].map(({ kernel, samples }, i) => {
    const runId = createRun(db, {
      name: kernel,
      seed: 1,
      engineVersion: 'test',
      scenario: { policy: { preset: 'linux', kernel } },
    }).id;
    appendSampleBatch(db, runId, makeBatch(2, samples, 0, 100, i + 1));
    return runId;
  });
  return { db, path, runIds };
}

/** Every chunk of an export, asking as a client does: from the cursor the last one gave. */
async function chunks(
  ask: (req: SamplesExportRequest) => SamplesCsvChunk | Promise<SamplesCsvChunk>,
  req: SamplesExportRequest,
) {
  const all: SamplesCsvChunk[] = [];
  for (let from = req.from; ;) {
    const chunk = await ask(from ? { ...req, from } : req);
    all.push(chunk);
    if (!chunk.next) return all;
    from = chunk.next;
  }
}

describe('the samples export reading ahead on reader threads', () => {
  const shapes: [string, Omit<SamplesExportRequest, 'runIds'>][] = [
    ['machine-wide', {}],
    ['per node', { perNode: true }],
    ["one node's", { perNode: true, node: 1 }],
    ['without the run id', { withRunId: false }],
  ];
  for (const [name, shape] of shapes)
    it(`answers every chunk of a ${name} export as reading each on the lab's thread does`, async () => {
      const { db, path, runIds } = storedRuns();
      const readers = new CountingReaders(path, 2);
      open.push(readers);
      const ahead = new SamplesCsvAhead(db, readers, PER_CHUNK);
      const req = { runIds, ...shape };
      const expected = await chunks((r) => samplesCsvChunk(db, r, PER_CHUNK), req);
      expect(expected).toHaveLength(5 + 5); // 23 samples: 4 full + 1 partial; 20: 4 full + 1 empty
      expect(await chunks((r) => ahead.chunk(r), req)).toEqual(expected);
      // All but the first were read ahead on the readers.
      expect(readers.reads).toBe(expected.length - 1);
    });

  it('reads a chunk on the lab thread when its reader failed, and the export is the same', async () => {
    const { db, path, runIds } = storedRuns();
    const readers = new SampleChunkReaders(`${path}-missing`, 2);
    open.push(readers);
    const ahead = new SamplesCsvAhead(db, readers, PER_CHUNK);
    const req = { runIds, perNode: true };
    expect(await chunks((r) => ahead.chunk(r), req)).toEqual(
      await chunks((r) => samplesCsvChunk(db, r, PER_CHUNK), req),
    );
  });

  it('starts an export over from any cursor a client holds, read ahead or not', async () => {
    const { db, path, runIds } = storedRuns();
    const readers = new SampleChunkReaders(path, 2);
    open.push(readers);
    const ahead = new SamplesCsvAhead(db, readers, PER_CHUNK);
    const req = { runIds };
    const expected = await chunks((r) => samplesCsvChunk(db, r, PER_CHUNK), req);
    await ahead.chunk(req); // reads the next two ahead, never asked for
    const from = expected[6]!.next!; // in the second run
    expect(await chunks((r) => ahead.chunk(r), { ...req, from })).toEqual(expected.slice(7));
  });
});
