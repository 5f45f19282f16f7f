import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceBounds } from '../../engine/trace/index.ts';
import { defaultCapacities, loadTraceWorkload, traceStats, TraceError } from './read-trace.ts';

const TRACES = fileURLToPath(new URL('../../../../shared/fixtures/traces/', import.meta.url));
const FIXTURE = join(TRACES, 'ls_usr_bin.lackey.gz');

interface OracleCapacity {
  pages: number;
  lru_hits: number;
  lru_hit_ratio: number;
  opt_hits: number;
  opt_hit_ratio: number;
}

interface OracleTrace {
  accesses: number;
  loads: number;
  stores: number;
  modifies: number;
  page_refs: number;
  pages: number;
  pages_written: number;
  capacities: OracleCapacity[];
}

/** The oracle, renamed to our keys; it was computed independently of this code. */
async function oracle() {
  const text = await readFile(join(TRACES, 'ls_usr_bin.oracle.json'), 'utf8');
  const o = (JSON.parse(text) as Record<string, OracleTrace>)['ls_usr_bin.lackey.gz']!;
  return {
    accesses: o.accesses,
    loads: o.loads,
    stores: o.stores,
    modifies: o.modifies,
    pageRefs: o.page_refs,
    pages: o.pages,
    pagesWritten: o.pages_written,
    capacities: o.capacities.map((c) => ({
      pages: c.pages,
      lruHits: c.lru_hits,
      lruHitRatio: c.lru_hit_ratio,
      optHits: c.opt_hits,
      optHitRatio: c.opt_hit_ratio,
    })),
  };
}

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
    const stats = await traceStats(FIXTURE);
    expect(stats).toStrictEqual(await oracle());
    expect(JSON.stringify(Object.keys(stats))).toBe(
      '["accesses","loads","stores","modifies","pageRefs","pages","pagesWritten","capacities"]',
    );
  });

  it('gives the same answer for the plain text as for the gzip file, and for capacities given explicitly', async () => {
    const plain = await tempFile('ls.lackey', gunzipSync(await readFile(FIXTURE)));
    const expected = await oracle();
    const explicit = expected.capacities.map((c) => c.pages);
    expect(await traceStats(plain)).toStrictEqual(expected);
    expect(await traceStats(plain, explicit)).toStrictEqual(expected);
  });

  it('loads the fixture as a workload whose references give the same counts and bounds', async () => {
    const w = await loadTraceWorkload(FIXTURE);
    const expected = await oracle();
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

  it('treats an empty file as an empty trace', async () => {
    const stats = await traceStats(await tempFile('empty', ''));
    expect(stats).toMatchObject({ accesses: 0, pageRefs: 0, pages: 0 });
    expect(stats.capacities.map((c) => c.lruHitRatio)).toEqual([0, 0, 0]);
  });
});
