// The `tierlab.result/1` format as a schema, for files that come from outside (`tierlab import`):
// every field the lab reads later (show, compare, export) is checked here, so nonsense is refused
// at the door with its JSON path instead of being stored and breaking those commands.
import * as z from 'zod';
import { HEATMAP_MAX_BUCKETS, HEATMAP_MAX_COLUMNS, RESULT_FORMAT, type RunResult } from './result.ts';
import { RUN_ENGINES } from './scenario/schema.ts';
import { KERNEL_VERSIONS } from './scenario/kernels.ts';

/**
 * The engine of a result that names none. Results written before `run.engine` existed have no
 * `engine` field, and the exact engine was the only one then, so that is the engine that ran them.
 */
export const ENGINE_OF_OLDER_RESULTS = 'exact';

const count = z.number().finite().nonnegative();
const counters = z.record(z.string(), z.number().finite());
const pageMap = z.record(z.string(), count);

const nodeResult = z.looseObject({
  id: z.number().int().nonnegative(),
  memory: z.enum(['dram', 'pmem', 'cxl', 'hbm']),
  tier: z.number().int().nonnegative(),
  adistance: z.number().finite(),
  topTier: z.boolean(),
  demotionTargets: z.object({ preferred: z.array(z.number().int()), fallback: z.array(z.number().int()) }),
  watermarks: z.object({ min: count, low: count, high: count, promo: count }),
  capacityPages: count,
  freePages: count,
  anonPages: count,
  filePages: count,
  vmstat: counters,
});

const accessHeatmap = z.object({
  pages: count,
  bucketPages: z.number().int().positive(),
  timesMs: z.array(z.number().finite()).max(HEATMAP_MAX_COLUMNS),
  references: z.array(z.array(count).max(HEATMAP_MAX_BUCKETS)).max(HEATMAP_MAX_COLUMNS),
  topTierShare: z
    .array(z.array(z.number().min(0).max(1).nullable()).max(HEATMAP_MAX_BUCKETS))
    .max(HEATMAP_MAX_COLUMNS),
  // Optional: results written before the per-node residency was kept have none.
  residentPages: z
    .array(z.array(z.array(count)).max(HEATMAP_MAX_BUCKETS))
    .max(HEATMAP_MAX_COLUMNS)
    .optional(),
});

// Optional: results written before the fleet metrics have none.
const fleetMetrics = z.looseObject({
  workingSetPages: z.array(count),
  idleMsPercentiles: z.array(count),
  coldAgePages: z.array(count),
  strr: z.number().min(0).max(1).nullable(),
  star: z.number().min(0).max(1).nullable(),
});

const taskResult = z.looseObject({
  name: z.string().min(1),
  type: z.string().min(1),
  threads: z.number().int().positive(),
  references: count,
  throughput: count,
  meanLatencyNs: count,
  runMs: count,
  finished: z.boolean(),
  oomKilled: z.boolean(),
  residentPages: pageMap,
  residency: z.object({
    timesMs: z.array(z.number().finite()),
    pages: z.array(z.array(count)),
    references: z.array(count),
    // Optional: results written before the hit ratio over time existed have none.
    fastTierHits: z.array(count).optional(),
  }),
  hitsByNode: pageMap,
  fastTierHitRatio: z.number().min(0).max(1),
  // Optional: results written before the access heatmap existed have none.
  heatmap: accessHeatmap.optional(),
  fleet: fleetMetrics.optional(),
});

export const runResultSchema = z.looseObject({
  format: z.literal(RESULT_FORMAT),
  name: z.string().min(1),
  seed: z.number().int().nonnegative(),
  engineVersion: z.string(),
  // Optional for older files (see ENGINE_OF_OLDER_RESULTS); a value that is there must be an engine.
  engine: z.enum(RUN_ENGINES).optional(),
  // Optional and nullable too: absent before kernel versions, null for a research preset's kernel.
  kernel: z.enum(KERNEL_VERSIONS).nullable().optional(),
  simulatedMs: count,
  wallMs: count,
  vmstat: counters,
  nodes: z.array(nodeResult).min(1),
  tasks: z.array(taskResult),
  events: z.array(z.looseObject({ atMs: z.number().finite(), kind: z.string(), detail: z.string() })),
  migrations: z.array(
    z.object({
      reason: z.enum([
        'demotion',
        'numa_misplaced',
        'daemon',
        'damon',
        'syscall',
        'compaction',
        'memory_hotplug',
        'memtis',
      ]),
      from: z.number().int().nonnegative(),
      to: z.number().int().nonnegative(),
      pages: count,
    }),
  ),
  pingPong: z.object({ windowMs: count, promotedThenDemoted: count, demotedThenPromoted: count }),
  fleet: fleetMetrics.extend({ cost: z.looseObject({ totalUsd: count, savedShare: z.number() }) }).optional(),
  scenarioHash: z.string().optional(),
});

/** The first problems of a value that should be a result, each as `path: message`; [] when it is one. */
export function resultProblems(value: unknown, max = 5): string[] {
  const p = runResultSchema.safeParse(value);
  if (p.success) return [];
  return p.error.issues
    .slice(0, max)
    .map((i) => `${i.path.length ? i.path.join('.') : '(top)'}: ${i.message}`);
}

/** A result as this build reads it, whichever build wrote it: an older one gets its engine filled in. */
export function withEngine(result: Omit<RunResult, 'engine'> & { engine?: RunResult['engine'] }): RunResult {
  return { ...result, engine: result.engine ?? ENGINE_OF_OLDER_RESULTS };
}
