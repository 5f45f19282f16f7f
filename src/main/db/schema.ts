// The lab database's tables, as drizzle-kit reads them to generate migrations/. Changing anything here
// needs `npx drizzle-kit generate --name <what-changed>`; a landed migration is never edited.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { COUNTERS, type CounterName } from '../../shared/vmstat.ts';
import { MEMCG_SAMPLE_COLUMNS, type MemcgSampleColumn } from '../../shared/memcg-stat.ts';

/**
 * Counters added by later migrations (20261122090341_numa-pages-promoted and on): COUNTERS is
 * append-only in migration order, so they are every counter from numa_pages_promoted on.
 */
const ADDED_LATER: ReadonlySet<CounterName> = new Set<CounterName>(
  COUNTERS.slice(COUNTERS.indexOf('numa_pages_promoted')),
);
import { RUN_STATUSES } from '../../shared/api/types.ts';
import { RUN_ENGINES } from '../../shared/scenario/schema.ts';
import { TUNE_STATUSES } from '../../shared/tune/report.ts';

// Timestamps are integer milliseconds since the epoch: plain numbers cross IPC and JSON unchanged.
const timestamps = {
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
};

/** One REAL column per vmstat counter, named exactly as the kernel names it, so SQL reads like /proc/vmstat. */
function counterColumns(): Record<CounterName, ReturnType<typeof counterColumn>> {
  const columns = {} as Record<CounterName, ReturnType<typeof counterColumn>>;
  for (const name of COUNTERS) columns[name] = counterColumn(name);
  return columns;
}
function counterColumn(name: CounterName) {
  // Counters added after the first migration need a default, or SQLite cannot add the column to
  // tables that already hold samples; old samples read 0 for a counter that did not exist yet.
  return ADDED_LATER.has(name) ? real(name).notNull().default(0) : real(name).notNull();
}

// Reusable named parts a scenario can be built from. The document is the part's JSON as the user wrote it.
export const machines = sqliteTable('machines', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  document: text('document').notNull(),
  ...timestamps,
});

export const workloads = sqliteTable('workloads', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  document: text('document').notNull(),
  ...timestamps,
});

export const policies = sqliteTable('policies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  document: text('document').notNull(),
  ...timestamps,
});

// A scenario keeps its full document, so deleting a part it was built from only unlinks it (SET NULL).
export const scenarios = sqliteTable(
  'scenarios',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    machineId: integer('machine_id').references(() => machines.id, { onDelete: 'set null' }),
    workloadId: integer('workload_id').references(() => workloads.id, { onDelete: 'set null' }),
    policyId: integer('policy_id').references(() => policies.id, { onDelete: 'set null' }),
    runSettings: text('run_settings').notNull(),
    document: text('document').notNull(),
    hash: text('hash').notNull(),
    ...timestamps,
  },
  (t) => [index('scenarios_hash_idx').on(t.hash)],
);

// A run snapshots the scenario it ran (scenario_document), because the scenario row may be edited or
// deleted later; scenario_id is only a link back to the library (SET NULL on delete).
export const runs = sqliteTable(
  'runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    scenarioId: integer('scenario_id').references(() => scenarios.id, { onDelete: 'set null' }),
    scenarioHash: text('scenario_hash'),
    scenarioDocument: text('scenario_document'),
    status: text('status', { enum: RUN_STATUSES }).notNull(),
    seed: integer('seed').notNull(),
    engineVersion: text('engine_version').notNull(),
    // Which engine ran it; rows from before run.engine existed were the exact engine's.
    engine: text('engine', { enum: RUN_ENGINES }).notNull().default('exact'),
    // The process that queued or runs it; at start-up only runs whose owner is gone become 'interrupted'.
    ownerPid: integer('owner_pid'),
    queuedAt: integer('queued_at').notNull(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    wallMs: real('wall_ms'),
    simulatedMs: real('simulated_ms'),
    progress: real('progress').notNull().default(0),
    error: text('error'),
  },
  (t) => [
    index('runs_status_idx').on(t.status),
    index('runs_scenario_idx').on(t.scenarioId),
    index('runs_scenario_hash_idx').on(t.scenarioHash),
    check('runs_status_check', sql.raw(`status IN (${RUN_STATUSES.map((s) => `'${s}'`).join(', ')})`)),
  ],
);

// The machine-wide row (/proc/vmstat, the sum over nodes) per sample: what charts and CSV export read.
export const samples = sqliteTable(
  'samples',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    tMs: real('t_ms').notNull(),
    ...counterColumns(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.tMs] })],
);

// The same counters per NUMA node (/sys/devices/system/node/nodeN/vmstat).
export const nodeSamples = sqliteTable(
  'node_samples',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    tMs: real('t_ms').notNull(),
    nodeId: integer('node_id').notNull(),
    ...counterColumns(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.tMs, t.nodeId] })],
);

/** One REAL column per memory.stat/memory.events field of a cgroup sample, under the kernel's name. */
function memcgColumns(): Record<MemcgSampleColumn, ReturnType<typeof real>> {
  const columns = {} as Record<MemcgSampleColumn, ReturnType<typeof real>>;
  for (const name of MEMCG_SAMPLE_COLUMNS) columns[name] = real(name).notNull();
  return columns;
}

// Per memory cgroup per sample: memory.current, memory.stat and memory.events (bytes for sizes).
export const memcgSamples = sqliteTable(
  'memcg_samples',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    tMs: real('t_ms').notNull(),
    cgroup: text('cgroup').notNull(),
    ...memcgColumns(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.tMs, t.cgroup] })],
);

// memory.numa_stat per cgroup per sample: its anon and file bytes on each node.
export const memcgNodeSamples = sqliteTable(
  'memcg_node_samples',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    tMs: real('t_ms').notNull(),
    cgroup: text('cgroup').notNull(),
    nodeId: integer('node_id').notNull(),
    anon: real('anon').notNull(),
    file: real('file').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.tMs, t.cgroup, t.nodeId] })],
);

// The RunResult document plus a few summary columns so lists and compare can sort and filter in SQL.
// content_hash makes imports idempotent; it is not unique, because two real runs may legitimately match.
export const results = sqliteTable(
  'results',
  {
    runId: integer('run_id')
      .primaryKey()
      .references(() => runs.id, { onDelete: 'cascade' }),
    result: text('result').notNull(),
    contentHash: text('content_hash').notNull(),
    throughput: real('throughput').notNull(),
    meanLatencyNs: real('mean_latency_ns').notNull(),
    nrReferences: real('nr_references').notNull(),
    pgpromoteSuccess: real('pgpromote_success').notNull(),
    pgdemoteTotal: real('pgdemote_total').notNull(),
    oomKill: real('oom_kill').notNull(),
  },
  (t) => [index('results_content_hash_idx').on(t.contentHash)],
);

export const runTags = sqliteTable(
  'run_tags',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.tag] }), index('run_tags_tag_idx').on(t.tag)],
);

export const runNotes = sqliteTable('run_notes', {
  runId: integer('run_id')
    .primaryKey()
    .references(() => runs.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

// A tune (src/main/tune): its request as `tune:start` took it and its report as it last stood, so a
// finished tune can be read again after the app restarts. Its arms' runs are ordinary rows in runs.
export const tunes = sqliteTable(
  'tunes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    status: text('status', { enum: TUNE_STATUSES }).notNull(),
    objective: text('objective').notNull(),
    request: text('request').notNull(),
    report: text('report').notNull(),
    // As for runs: at start-up only tunes whose owner is gone become 'interrupted'.
    ownerPid: integer('owner_pid'),
    ...timestamps,
  },
  (t) => [
    index('tunes_created_idx').on(t.createdAt),
    check('tunes_status_check', sql.raw(`status IN (${TUNE_STATUSES.map((s) => `'${s}'`).join(', ')})`)),
  ],
);
