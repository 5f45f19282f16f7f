// Support for the fault-injection suite: the real `tierlab` in a child process (as root, or as the
// unprivileged user `nobody`, for whom chmod means something), what a lab file holds read without
// Tierlab, and tmpfs mounts for a full or read-only place.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect } from 'vitest';
import { smallScenario } from './main/test-lab.ts';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'tierlab.mjs');
const NOBODY = { uid: 65534, gid: 65534 };
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A temporary folder every user may enter (nobody's children must reach the files in it). */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tierlab-faults-'));
  chmodSync(dir, 0o755);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes the small scenario named `name`, with `over` laid over it, into `dir`; returns its path. */
export function writeScenario(dir: string, name: string, over: Record<string, unknown> = {}): string {
  const path = join(dir, `${name}.tierlab.json`);
  writeFileSync(path, JSON.stringify({ ...smallScenario({ name }), ...over }));
  return path;
}

export interface Exit {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Killed for taking longer than its timeout: a hang. */
  timedOut: boolean;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Run as nobody (only root can); see canRunAsNobody. */
  asNobody?: boolean;
  timeoutMs?: number;
}

/** `tierlab ...args` in a child process, waited for, never longer than its timeout. */
export function tierlab(args: string[], options: RunOptions = {}): Exit {
  const spawnOptions: SpawnSyncOptions = {
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    env: { ...process.env, ...options.env },
    ...(options.asNobody ? NOBODY : {}),
  };
  const r = spawnSync(process.execPath, [BIN, ...args], spawnOptions);
  const timedOut = r.error !== undefined && 'code' in r.error && r.error.code === 'ETIMEDOUT';
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr), timedOut };
}

/** `tierlab ...args` started in the background, for a test to kill. */
export function startTierlab(args: string[]) {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Root can drop to nobody, and nobody can run node and read this checkout (not so everywhere). */
export function canRunAsNobody(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(BIN)})`], {
    ...NOBODY,
    timeout: 10_000,
  });
  return probe.status === 0;
}

/**
 * The command ended in time with `status` and one line on stderr, `tierlab <verb>: ...`, that is a
 * message and not a stack; it contains each of `parts`.
 */
export function expectOneLineError(r: Exit, status: number, ...parts: string[]): void {
  expect(r.timedOut, 'timed out').toBe(false);
  expect(r.status, r.stderr).toBe(status);
  expect(r.stderr).toMatch(/^tierlab [a-z]+: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  for (const part of parts) expect(r.stderr).toContain(part);
}

export interface LabContents {
  integrity: string;
  runs: { id: number; status: string; error: string | null }[];
  /** Sample rows per run id. */
  samples: Record<number, number>;
  results: number;
}

/** What a lab file holds, read by SQLite alone (read-only, so it does not change the file). */
export function contents(path: string): LabContents {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const samples: Record<number, number> = {};
    const rows = db
      .prepare<[], { runId: number; n: number }>(
        'SELECT run_id AS runId, count(*) AS n FROM samples GROUP BY 1',
      )
      .all();
    for (const { runId, n } of rows) samples[runId] = n;
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      runs: db
        .prepare<[], LabContents['runs'][number]>('SELECT id, status, error FROM runs ORDER BY id')
        .all(),
      samples,
      results: db.prepare<[], number>('SELECT count(*) FROM results').pluck().get()!,
    };
  } finally {
    db.close();
  }
}

/**
 * A tmpfs of `size` at a new folder, filled by `fill`, then read-only when asked: as root chmod stops
 * no write, and this is how a full or read-only place is had. Null where mount is not permitted.
 */
export function tmpfs(size: string, fill: (dir: string) => void = () => {}, readOnly = false): string | null {
  const dir = scratchDir();
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]).status !== 0)
    return null;
  cleanups.push(() => void spawnSync('umount', ['-l', dir]));
  fill(dir);
  if (!readOnly) return dir;
  // Mounting was permitted, so a failing remount (a file still open for writing) is the test's fault.
  const remount = spawnSync('mount', ['-o', 'remount,ro', dir], { encoding: 'utf8' });
  if (remount.status !== 0) throw new Error(`remounting ${dir} read-only failed: ${remount.stderr}`);
  return dir;
}

export const MOUNT_REFUSED = 'mount is not permitted here (not root, or a container without CAP_SYS_ADMIN)';
export const NOBODY_REFUSED = 'not root, or user nobody cannot read this checkout, so chmod cannot be tested';
