// Fault injection against the real `tierlab` command: real processes, real SQLite files, a real
// server socket on 127.0.0.1. Every case asserts a message and not a stack, the exit status, that
// nothing hangs (each child has a timeout), and that what the lab had stored is still there.
import {
  chmodSync,
  chownSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/main/db/open-database.ts';
import { migrationsPrefix } from './support/main/db.ts';
import {
  canRunAsNobody,
  contents,
  expectOneLineError,
  MOUNT_REFUSED,
  NOBODY_REFUSED,
  scratchDir,
  startTierlab,
  tierlab,
  tmpfs,
  writeScenario,
} from './support/faults.ts';

const dir = scratchDir();
const file = (name: string) => join(dir, name);

const scenarioFile = (name: string, over: Record<string, unknown> = {}) => writeScenario(dir, name, over);

const SMALL = scenarioFile('small');
/** Minutes of wall time: the exact engine over ten simulated minutes of a hot set. */
const LONG = scenarioFile('long', {
  workload: [{ name: 'hot', type: 'hotset', size: '32MiB', cpu: 0 }],
  run: { durationMs: 600_000, tickMs: 10, sampleEveryMs: 100, seed: 1, engine: 'exact' },
});
/** Keeps every sample's residency for its result: heap that grows as long as the run goes on
 * (4e5 samples of 2 nodes: within the format's 1e6 sample rows, far past a 16 MiB heap). */
const HUNGRY = scenarioFile('hungry', {
  workload: [{ name: 'hot', type: 'hotset', size: '32MiB', cpu: 0 }],
  run: { durationMs: 4_000_000, tickMs: 10, sampleEveryMs: 10, seed: 1 },
});

/** A closed lab holding one finished run, copied for each case, and a result it does not hold. */
const baseLab = file('base.db');
const NEW_RESULT = file('seed9.result.json');
beforeAll(() => {
  expect(tierlab(['run', SMALL, '--save', '--quiet', '--db', baseLab]).status).toBe(0);
  expect(tierlab(['run', SMALL, '--seed', '9', '--quiet', '--json', NEW_RESULT]).status).toBe(0);
});

function labCopy(path: string): string {
  copyFileSync(baseLab, path);
  return path;
}

describe('the database and its place', () => {
  it('refuses --db on a folder, and a path under a regular file, naming the path, changing nothing', () => {
    const folder = file('a-folder');
    mkdirSync(folder);
    expectOneLineError(
      tierlab(['list', '--db', folder]),
      2,
      `Tierlab will not open ${folder}: it is a folder`,
    );
    const notes = file('notes.txt');
    writeFileSync(notes, 'notes');
    for (const path of [join(notes, 'lab.db'), join(notes, 'deeper', 'lab.db')]) {
      const r = tierlab(['run', SMALL, '--save', '--quiet', '--db', path]);
      expectOneLineError(r, 2, `Tierlab cannot create ${path}: ${notes} is a file, not a folder.`);
    }
    expect(readFileSync(notes, 'utf8')).toBe('notes');
  });

  it('refuses an SQLite database of another application, leaving it byte-identical', () => {
    const path = file('invoices.db');
    const other = new Database(path);
    other.exec(
      'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);',
    );
    other.close();
    const before = readFileSync(path);
    expectOneLineError(tierlab(['import', NEW_RESULT, '--db', path]), 2, path, 'another application');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('reads a database file it may not write, and refuses writes saying why (as nobody: root ignores chmod)', (ctx) => {
    if (!canRunAsNobody()) return ctx.skip(NOBODY_REFUSED);
    const folder = file('nobody-home');
    mkdirSync(folder);
    chownSync(folder, 65534, 65534);
    const path = labCopy(join(folder, 'ro.db'));
    chmodSync(path, 0o444);
    const before = contents(path);
    const listed = tierlab(['list', '--db', path], { asNobody: true });
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/1 {2}done/);
    for (const args of [
      ['run', SMALL, '--save', '--quiet'],
      ['import', NEW_RESULT],
    ]) {
      const r = tierlab([...args, '--db', path], { asNobody: true });
      expectOneLineError(
        r,
        2,
        `${path} is read-only (the file is not writable, EACCES): nothing was written`,
      );
    }
    expect(contents(path)).toEqual(before);
  });

  it('reads a database in a folder it may not write (no WAL index can be made there), and refuses writes', (ctx) => {
    if (!canRunAsNobody()) return ctx.skip(NOBODY_REFUSED);
    const folder = file('root-home');
    mkdirSync(folder);
    const path = labCopy(join(folder, 'lab.db'));
    chownSync(path, 65534, 65534);
    const before = readFileSync(path);
    const listed = tierlab(['list', '--json', '--db', path], { asNobody: true });
    expect(listed.status, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toHaveLength(1);
    const r = tierlab(['run', SMALL, '--save', '--quiet', '--db', path], { asNobody: true });
    expectOneLineError(r, 2, `${path} is read-only (its folder ${folder} is not writable, EACCES)`);
    const fresh = join(folder, 'new.db');
    expectOneLineError(
      tierlab(['list', '--db', fresh], { asNobody: true }),
      2,
      `Tierlab cannot create ${fresh}`,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('reads a database on a read-only mount, and refuses writes and new files there', (ctx) => {
    const mount = tmpfs('16m', (d) => void labCopy(join(d, 'lab.db')), true);
    if (!mount) return ctx.skip(MOUNT_REFUSED);
    const path = join(mount, 'lab.db');
    const before = readFileSync(path);
    const listed = tierlab(['show', '1', '--db', path]);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^run 1 done/);
    expectOneLineError(tierlab(['run', SMALL, '--save', '--quiet', '--db', path]), 2, `${path} is read-only`);
    const fresh = join(mount, 'new.db');
    expectOneLineError(tierlab(['list', '--db', fresh]), 2, `the folder ${mount} is read-only (EROFS)`);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a database whose migration fails midway, rolled back and left byte-identical', () => {
    const path = file('half.db');
    const old = openDatabase(path, { migrationsFolder: migrationsPrefix(1) });
    old.close();
    // A run as that Tierlab stored it: the columns of its schema, none added since.
    const first = new Database(path);
    first
      .prepare(
        "INSERT INTO runs (name, seed, engine_version, status, queued_at) VALUES ('from an older Tierlab', 1, 'old', 'done', 1)",
      )
      .run();
    first.close();
    // Half of the next migration, done by hand: its first ALTER applies, its second finds the column.
    const raw = new Database(path);
    raw.exec('ALTER TABLE `samples` ADD `numa_pages_promoted` real DEFAULT 0 NOT NULL');
    raw.close();
    const before = readFileSync(path);
    const r = tierlab(['list', '--db', path]);
    expectOneLineError(
      r,
      2,
      `Tierlab will not open ${path}: migrating it to this Tierlab's schema failed in 20261122090350_numa-pages-promoted`,
      '(duplicate column name: numa_pages_promoted); the migration was rolled back.',
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a port another process listens on, naming it, without hanging', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as AddressInfo).port;
    try {
      const r = tierlab([
        'serve',
        '--port',
        String(port),
        '--workers',
        '1',
        '--db',
        labCopy(file('serve.db')),
      ]);
      expectOneLineError(
        r,
        2,
        `127.0.0.1:${port} is not available: another process is listening on it (EADDRINUSE)`,
      );
    } finally {
      holder.close();
    }
  });

  it('ends quietly when the reader of its output goes away', async () => {
    const child = startTierlab(['--help']);
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('kill -9 during tierlab run --save', () => {
  it('leaves an intact database, the earlier runs as they were, and the killed run marked interrupted', async () => {
    const path = labCopy(file('killed.db'));
    const before = contents(path);
    const child = startTierlab(['run', LONG, '--save', '--quiet', '--db', path]);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_, signal) => resolve(signal)),
    );
    let stored = 0;
    for (let waited = 0; stored < 20 && waited < 60_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stored = contents(path).samples[2] ?? 0;
    }
    expect(stored, 'samples stored before the kill').toBeGreaterThanOrEqual(20);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const after = contents(path);
    expect(after.integrity).toBe('ok');
    expect(after.runs[0]).toEqual(before.runs[0]);
    expect(after.samples[1]).toBe(before.samples[1]);
    expect(after.results).toBe(before.results);
    expect(after.samples[2]).toBeGreaterThanOrEqual(stored);
    const listed = JSON.parse(tierlab(['list', '--json', '--db', path]).stdout) as {
      id: number;
      status: string;
    }[];
    expect(listed.find((r) => r.id === 2)?.status).toBe('interrupted');
    expect(tierlab(['show', '2', '--db', path]).stdout).toMatch(
      /^run 2 interrupted: The process running it exited before it finished\./,
    );
    expect(tierlab(['run', SMALL, '--save', '--quiet', '--db', path]).status).toBe(0);
  });
});

describe('a full disk', () => {
  it('fails the run that fills it with "disk full", and keeps every earlier run', (ctx) => {
    const mount = tmpfs('4m', (d) => void labCopy(join(d, 'lab.db')));
    if (!mount) return ctx.skip(MOUNT_REFUSED);
    const path = join(mount, 'lab.db');
    const before = contents(path);
    const filled = tierlab(['run', HUNGRY, '--save', '--quiet', '--db', path]);
    expectOneLineError(filled, 1, 'run 2 failed: disk full:', `${path} could not store more`);
    const after = contents(path);
    expect(after.integrity).toBe('ok');
    expect(after.runs[0]).toEqual(before.runs[0]);
    expect(after.samples[1]).toBe(before.samples[1]);
    expect(after.runs[1]?.status).toBe('failed');
    expect(after.runs[1]?.error).toMatch(/^disk full/);
  });

  it('refuses an import and a new database where no byte is left, in one line, changing nothing', (ctx) => {
    const mount = tmpfs('4m', (d) => {
      labCopy(join(d, 'lab.db'));
      fillUp(join(d, 'filler'));
    });
    if (!mount) return ctx.skip(MOUNT_REFUSED);
    const path = join(mount, 'lab.db');
    const before = readFileSync(path);
    const imported = tierlab(['import', NEW_RESULT, '--db', path]);
    expectOneLineError(imported, 2, path);
    expect(imported.stderr).toMatch(/disk full|cannot use/);
    expect(readFileSync(path).equals(before)).toBe(true);
    const fresh = join(mount, 'new.db');
    expectOneLineError(tierlab(['list', '--db', fresh]), 2, `disk full: ${fresh} could not store more`);
    expect(existsSync(fresh)).toBe(false);
  });
});

/** Writes zeros to `path` until the file system has no page left, in ever smaller pieces. */
function fillUp(path: string): void {
  const fd = openSync(path, 'w');
  try {
    for (const size of [1 << 16, 1 << 12, 1]) {
      const chunk = Buffer.alloc(size);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      }
    }
  } finally {
    closeSync(fd);
  }
}
