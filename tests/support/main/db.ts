// Shared by this folder's tests: temporary database files (removed after each test), deterministic
// sample batches and results, and helpers to inspect files without opening them as Tierlab would.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { RESULT_FORMAT, type RunResult } from '../../../src/shared/result.ts';
import { emptyColumns, sumOverNodes, type SampleBatch } from '../../../src/shared/samples.ts';
import { COUNTERS, NR_COUNTERS, type CounterName } from '../../../src/shared/vmstat.ts';
import type { Db } from '../../../src/main/db/connection.ts';
import { DEFAULT_MIGRATIONS_FOLDER, readKnownMigrations } from '../../../src/main/db/migrations-folder.ts';
import { openDatabase } from '../../../src/main/db/open-database.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tierlab-db-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A fresh tmpfs at a temporary folder, filled by `fill`, then remounted read-only: as root, chmod stops
 * no write, and this is how a read-only place can be had. Unmounted after the test. Null where mount
 * is not permitted (not root, or no CAP_SYS_ADMIN in a container), so callers skip.
 */
export function readOnlyMount(fill: (dir: string) => void): string | null {
  const dir = tempDir();
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir]).status !== 0) return null;
  cleanups.push(() => void spawnSync('umount', ['-l', dir]));
  fill(dir);
  // Mounting was permitted, so a failing remount (a file still open for writing) is the test's fault.
  const remount = spawnSync('mount', ['-o', 'remount,ro', dir], { encoding: 'utf8' });
  if (remount.status !== 0) throw new Error(`remounting ${dir} read-only failed: ${remount.stderr}`);
  return dir;
}

/** Opens a new database in a fresh temporary folder; closed and deleted after the test. */
export function openTempDatabase(migrationsFolder?: string): { db: Db; path: string; dir: string } {
  const dir = tempDir();
  const path = join(dir, 'lab.db');
  const db = openDatabase(path, { migrationsFolder });
  cleanups.push(() => db.close());
  return { db, path, dir };
}

/** A copy of the migrations folder holding only its first `count` migrations. */
export function migrationsPrefix(count: number): string {
  const dir = join(tempDir(), 'migrations');
  mkdirSync(join(dir, 'meta'), { recursive: true });
  const journalPath = join(DEFAULT_MIGRATIONS_FOLDER, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  writeFileSync(
    join(dir, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }),
  );
  for (const { tag } of readKnownMigrations(DEFAULT_MIGRATIONS_FOLDER).slice(0, count)) {
    copyFileSync(join(DEFAULT_MIGRATIONS_FOLDER, `${tag}.sql`), join(dir, `${tag}.sql`));
  }
  return dir;
}

/** A copy of the migrations folder with one more migration, by default later than all the others. */
export function migrationsPlus(tag: string, sql: string, when?: number): string {
  const known = readKnownMigrations(DEFAULT_MIGRATIONS_FOLDER);
  const dir = migrationsPrefix(known.length);
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { when: number }[] };
  const entry = {
    idx: known.length,
    version: '6',
    when: when ?? Math.max(0, ...known.map((m) => m.when)) + 1000,
    tag,
    breakpoints: true,
  };
  journal.entries = [...journal.entries, entry].sort((a, b) => a.when - b.when);
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(join(dir, `${tag}.sql`), sql);
  return dir;
}

/** The file's bytes and the names in its folder, to show a refused file was left exactly as it was. */
export function fileState(path: string, dir: string): { bytes: Buffer; siblings: string[] } {
  return { bytes: readFileSync(path), siblings: readdirSync(dir).sort() };
}

/** A deterministic generator (mulberry32): tests must not depend on Math.random. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Any finite double except -0 (SQLite stores -0.0 as integer 0), from random bit patterns. */
function anyDouble(random: () => number): number {
  const bits = new Uint32Array([Math.floor(random() * 2 ** 32), Math.floor(random() * 2 ** 32)]);
  const value = new Float64Array(bits.buffer)[0]!;
  return Number.isFinite(value) && !Object.is(value, -0) ? value : random() * 1e6;
}

/**
 * A batch of `rows` samples of `nrNodes` nodes from `t0Ms`, every `stepMs`, with per-node values of
 * every kind a double can be, and the machine-wide columns summed as the sampler sums them.
 */
export function makeBatch(
  nrNodes: number,
  rows: number,
  t0Ms: number,
  stepMs: number,
  seed = 1,
): SampleBatch {
  const random = makeRandom(seed);
  const timesMs = Array.from({ length: rows }, (_, i) => t0Ms + i * stepMs);
  const special = [0, 1, 2 ** 53 - 1, 2 ** 63, 1e300, 5e-324, 1 / 3, 4096.5];
  const batch: SampleBatch = { timesMs, counters: emptyColumns(), nodes: {} };
  for (let n = 0; n < nrNodes; n++) batch.nodes[n] = emptyColumns();
  const nodeRows = new Float64Array(nrNodes * NR_COUNTERS);
  const sum = new Float64Array(NR_COUNTERS);
  let i = 0;
  for (let r = 0; r < rows; r++) {
    for (let n = 0; n < nrNodes; n++) {
      COUNTERS.forEach((name, c) => {
        const v =
          i % 7 === 0
            ? special[i % special.length]!
            : i % 7 === 1
              ? anyDouble(random)
              : Math.floor(random() * 1e9);
        i++;
        nodeRows[n * NR_COUNTERS + c] = v;
        batch.nodes[n]![name]!.push(v);
      });
    }
    sumOverNodes(nodeRows, nrNodes, sum);
    COUNTERS.forEach((name, c) => batch.counters[name]!.push(sum[c]!));
  }
  return batch;
}

export function zeroVmstat(): Record<CounterName, number> {
  return Object.fromEntries(COUNTERS.map((name) => [name, 0])) as Record<CounterName, number>;
}

export function makeResult(overrides: Partial<RunResult> = {}): RunResult {
  return {
    format: RESULT_FORMAT,
    name: 'hotset on dram+cxl',
    seed: 7,
    engineVersion: '0.1.0',
    engine: 'rate',
    simulatedMs: 1000,
    wallMs: 120.5,
    vmstat: { ...zeroVmstat(), pgpromote_success: 300, pgdemote_kswapd: 40, pgdemote_direct: 2, oom_kill: 0 },
    nodes: [],
    tasks: [
      {
        name: 'hot',
        type: 'hotset',
        threads: 1,
        references: 3000,
        throughput: 3000,
        meanLatencyNs: 100,
        runMs: 1000,
        finished: true,
        oomKilled: false,
        residentPages: { '0': 10, '1': 5 },
        residency: {
          timesMs: [0, 1000],
          references: [0, 3000],
          pages: [
            [0, 0],
            [10, 5],
          ],
        },
        hitsByNode: { '0': 2000, '1': 900 },
        fastTierHitRatio: 0.6667,
      },
      {
        name: 'cold',
        type: 'usemem',
        threads: 2,
        references: 1000,
        throughput: 1000,
        meanLatencyNs: 300,
        runMs: 1000,
        finished: true,
        oomKilled: false,
        residentPages: { '1': 20 },
        residency: {
          timesMs: [0, 1000],
          references: [0, 1000],
          pages: [
            [0, 0],
            [0, 20],
          ],
        },
        hitsByNode: { '1': 980 },
        fastTierHitRatio: 0,
      },
    ],
    events: [],
    migrations: [{ reason: 'demotion', from: 0, to: 1, pages: 42 }],
    pingPong: { windowMs: 10_000, promotedThenDemoted: 3, demotedThenPromoted: 1 },
    ...overrides,
  };
}
