import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceBounds } from '../../engine/trace/index.ts';
import {
  defaultCapacities,
  loadTraceWorkload,
  TRACE_FILE_LIMITS,
  traceStats,
  TraceError,
} from './read-trace.ts';
import { LS_TRACE, lsOracle } from '../../../tests/fixtures/lackey.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tierlab-trace-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

describe('trace files', () => {
  it('reproduces the fixture oracle exactly: counts, footprint, and LRU and MIN hits per capacity', async () => {
    const stats = await traceStats(LS_TRACE);
    expect(stats).toStrictEqual(lsOracle());
    expect(JSON.stringify(Object.keys(stats))).toBe(
      '["accesses","loads","stores","modifies","pageRefs","pages","pagesWritten","capacities"]',
    );
  });

  it('gives the same answer for the plain text as for the gzip file, and for capacities given explicitly', async () => {
    const plain = await tempFile('ls.lackey', gunzipSync(await readFile(LS_TRACE)));
    const expected = lsOracle();
    const explicit = expected.capacities.map((c) => c.pages);
    expect(await traceStats(plain)).toStrictEqual(expected);
    expect(await traceStats(plain, explicit)).toStrictEqual(expected);
  });

  it('loads the fixture as a workload whose references give the same counts and bounds', async () => {
    const w = await loadTraceWorkload(LS_TRACE);
    const expected = lsOracle();
    expect(w.footprintPages).toBe(expected.pages);
    expect(w.refs.length).toBe(expected.pageRefs);
    let writes = 0;
    let maxId = 0;
    for (const r of w.refs) {
      writes += r & 1;
      maxId = Math.max(maxId, r >>> 1);
    }
    expect(writes).toBeGreaterThan(expected.stores);
    expect(maxId).toBe(expected.pages - 1);
    expect(traceBounds(w.refs, defaultCapacities(w.footprintPages))).toStrictEqual(expected.capacities);
  });

  it('reports a malformed line with the file, its line number and its text', async () => {
    const text = ' L 1000,4\n S 2000,8\n L 3000;4\n';
    for (const [name, content] of [
      ['bad.lackey', text],
      ['bad.lackey.gz', gzipSync(text)],
    ] as const) {
      const file = await tempFile(name, content);
      const failure = traceStats(file);
      await expect(failure).rejects.toThrow(TraceError);
      await expect(traceStats(file)).rejects.toThrow(`${file}: line 3: malformed lackey line: " L 3000;4"`);
    }
  });

  it('reports a missing file and corrupt gzip data as trace errors', async () => {
    await expect(traceStats(join(dir, 'nope.gz'))).rejects.toThrow('cannot read the file: ENOENT');
    const corrupt = gzipSync(' L 1000,4\n'.repeat(1000));
    corrupt.fill(0x55, 20, 40);
    const file = await tempFile('corrupt.gz', corrupt);
    await expect(traceStats(file)).rejects.toThrow('not a valid gzip file');
  });

  it('refuses a FIFO and a folder at once instead of blocking on them', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expect(traceStats(fifo)).rejects.toThrow(`${fifo}: not a regular file`);
    await expect(traceStats(dir)).rejects.toThrow(`${dir}: not a regular file`);
  });

  it('refuses a 631-byte gzip file whose one repeated line would be 4.9e9 references, at its first line', async () => {
    const bomb = await tempFile('wide.lackey.gz', gzipSync(' L 0,999999999\n'.repeat(20_000), { level: 9 }));
    expect((await readFile(bomb)).length).toBeLessThan(1000);
    await expect(traceStats(bomb)).rejects.toThrow(`${bomb}: line 1: an access of more than 1048576 bytes`);
    await expect(loadTraceWorkload(bomb)).rejects.toThrow(TraceError);
  });

  it('refuses, within seconds, a 7 KB gzip file that expands past the reference limit, naming the file and the limit', async () => {
    const lines = TRACE_FILE_LIMITS.maxReferences / 256 + 1000;
    const bomb = await tempFile('bomb.lackey.gz', gzipSync(' L 0,1048576\n'.repeat(lines), { level: 9 }));
    expect((await readFile(bomb)).length).toBeLessThan(10_000);
    const started = performance.now();
    await expect(loadTraceWorkload(bomb)).rejects.toThrow(
      `${bomb}: line ${TRACE_FILE_LIMITS.maxReferences / 256 + 1}: the trace goes past 67108864 page references`,
    );
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('refuses text past its byte limit, and a footprint past its page limit, naming each limit', async () => {
    const small = { maxReferences: 1000, maxPages: 10, maxBytes: 4096 };
    const blank = await tempFile('blank.lackey.gz', gzipSync('\n'.repeat(1 << 20)));
    await expect(traceStats(blank, [1], 4096, small)).rejects.toThrow(
      `${blank}: more than 4096 bytes of text, the most Tierlab reads from one trace`,
    );
    const wide = await tempFile('wide.lackey', ' S 0,65536\n');
    await expect(loadTraceWorkload(wide, 4096, small)).rejects.toThrow(
      `${wide}: line 1: the trace goes past 10 distinct pages`,
    );
  });

  it('reports binary garbage, text that is not lackey output and a truncated gzip file in one line each', async () => {
    const garbage = Uint8Array.from({ length: 3000 }, (_, i) => (i * 151 + 7) % 256);
    const whole = gzipSync(' L 1000,4\n'.repeat(100_000));
    const files = [
      [await tempFile('garbage.bin', garbage), 'line 1: malformed lackey line'],
      [await tempFile('readme.txt', 'Tierlab\n=======\n'), 'line 1: malformed lackey line: "Tierlab"'],
      [
        await tempFile('cut.gz', whole.subarray(0, whole.length >> 1)),
        'not a valid gzip file (unexpected end of file)',
      ],
    ] as const;
    for (const [file, message] of files) {
      const failure = await traceStats(file).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(failure, file).toBeInstanceOf(TraceError);
      expect(failure!.message).toContain(`${file}: ${message}`);
      expect(failure!.message).not.toMatch(/[\n\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });

  it('treats an empty file as an empty trace', async () => {
    const stats = await traceStats(await tempFile('empty', ''));
    expect(stats).toMatchObject({ accesses: 0, pageRefs: 0, pages: 0 });
    expect(stats.capacities.map((c) => c.lruHitRatio)).toEqual([0, 0, 0]);
  });
});
