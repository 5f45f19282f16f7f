// The zod schema of a `tierlab.scenario/1` file: its shape, types, ranges and defaults that need no
// context. Checks that relate fields to each other (node ids, distances, CPUs) live in ./check.ts.
import * as z from 'zod';
import { MEMORY_KINDS, SWAP_DEVICES } from './memory-kinds.ts';
import { DEFAULT_PRESET, PRESET_NAMES } from './presets.ts';
import { KERNEL_VERSIONS } from './kernels.ts';
import { closest, show } from './errors.ts';
import { knobsSchema } from './knob-schema.ts';
import { msSchema, nodeIdSchema, positiveSchema, sizeSchema, strict } from './fields.ts';
import { workloadSchema } from './workload-schema.ts';
import { MAX_ADISTANCE, MAX_DURATION_MS, MAX_HMAT_VALUE, MEMTIER_CHUNK_BITS } from './limits.ts';
import type { RunEngine } from './resolved.ts';
import { MAX_IL_WEIGHT } from './interleave-weights.ts';

export const SCENARIO_FORMAT = 'tierlab.scenario/1';

function formatMessage(input: unknown): string {
  if (input === undefined) return `is required; a scenario file starts with "format": "${SCENARIO_FORMAT}"`;
  if (typeof input === 'string' && input.startsWith('tierlab.scenario/')) {
    return `this Tierlab reads "${SCENARIO_FORMAT}" files only (got ${show(input)}; is it from a newer version?)`;
  }
  return `must be "${SCENARIO_FORMAT}" (got ${show(input)})`;
}

/** An explicit abstract distance: the kernel's int range that keeps tiers at 0 and up, in order. */
const adistanceSchema = z
  .number()
  .int()
  .min(0)
  .max(MAX_ADISTANCE, {
    error: (issue) =>
      `must be at most ${MAX_ADISTANCE}: adistance is an int in the kernel, and its tier ` +
      `(adistance >> ${MEMTIER_CHUNK_BITS}) runs from memory_tier0 to memory_tier${MAX_ADISTANCE >> MEMTIER_CHUNK_BITS} ` +
      `(got ${show(issue.input)})`,
  });

/** Latency and bandwidth as HMAT can report them: unsigned ints of ns and MB/s. */
const latencySchema = positiveSchema.max(MAX_HMAT_VALUE, {
  error: (issue) =>
    `must be at most ${MAX_HMAT_VALUE} ns, what HMAT reports in an unsigned int (got ${show(issue.input)})`,
});
const bandwidthSchema = positiveSchema.max(MAX_HMAT_VALUE / 1000, {
  error: (issue) =>
    `must be at most ${MAX_HMAT_VALUE / 1000} GB/s, what HMAT reports as an unsigned int of MB/s ` +
    `(got ${show(issue.input)})`,
});

const latencyPointSchema = strict('a loaded-latency point', {
  bandwidthGBps: z.number().positive({
    error: (issue) =>
      `must be above 0 GB/s: a curve starts from the idle latency at 0 and rises with bandwidth (got ${show(issue.input)})`,
  }),
  latencyNs: latencySchema,
});

/**
 * A node's loaded-latency curve: read latency at a few bandwidths, in order of bandwidth, never
 * falling. Queueing makes latency rise with load; a curve that falls says the points are mixed up.
 */
export const latencyCurveSchema = z
  .array(latencyPointSchema)
  .min(1)
  .superRefine((curve, ctx) => {
    for (let i = 1; i < curve.length; i++) {
      const [prev, p] = [curve[i - 1]!, curve[i]!];
      if (p.bandwidthGBps <= prev.bandwidthGBps) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'bandwidthGBps'],
          message:
            `must be above the point before's ${prev.bandwidthGBps} GB/s: a curve's points go in order ` +
            `of increasing bandwidth (got ${p.bandwidthGBps})`,
        });
      } else if (p.latencyNs < prev.latencyNs) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'latencyNs'],
          message:
            `must be at least the point before's ${prev.latencyNs} ns: loaded latency never falls as ` +
            `bandwidth rises (got ${p.latencyNs})`,
        });
      }
    }
  });
/** The modes `echo <mode> > /sys/devices/system/memory/memoryN/state` takes (daxctl's default: movable). */
export const ONLINE_TYPES = ['online', 'online_movable'] as const;

/**
 * A node whose memory comes later, as `daxctl reconfigure-device --mode=system-ram` adds a PMEM or
 * CXL device's memory and onlines its memory blocks (`--no-movable`: mode "online", ZONE_NORMAL),
 * and `--mode=devdax` offlines them again. Absent times: never onlined, never offlined.
 */
export const hotplugSchema = strict('hotplug', {
  onlineAtMs: msSchema.optional(),
  offlineAtMs: msSchema.optional(),
  mode: z.enum(ONLINE_TYPES).default('online_movable'),
});

export const nodeSchema = strict('a node', {
  id: nodeIdSchema,
  memory: z.enum(MEMORY_KINDS),
  capacity: sizeSchema,
  cpus: z.number().int().min(0),
  readLatencyNs: latencySchema.optional(),
  writeLatencyNs: latencySchema.optional(),
  readBandwidthGBps: bandwidthSchema.optional(),
  writeBandwidthGBps: bandwidthSchema.optional(),
  /** Absent: the memory kind's curve shape (LOADED_LATENCY_SHAPES) scaled to this node. */
  loadedLatency: latencyCurveSchema.optional(),
  adistance: adistanceSchema.optional(),
  hmat: z.boolean().default(true),
  hotplug: hotplugSchema.optional(),
});

export const swapSchema = strict('swap', {
  capacity: sizeSchema,
  device: z.enum(SWAP_DEVICES),
  pageInUs: positiveSchema.optional(),
  pageOutUs: positiveSchema.optional(),
});

/** /sys/kernel/mm/mempolicy/weighted_interleave: `auto` and the nodeN weights, by node id. */
export const weightedInterleaveSchema = strict('weightedInterleave', {
  /** Absent: true, as 6.16 boots (weights from HMAT/CDAT bandwidth); false with weights given. */
  auto: z.boolean().optional(),
  weights: z
    .record(
      z
        .string()
        .regex(/^\d+$/, { error: (issue) => `must be a node id such as "0" (got ${show(issue.input)})` }),
      z
        .number()
        .int()
        .min(1, {
          error: (issue) =>
            `must be at least 1: sysfs refuses a weight of 0 (EINVAL) (got ${show(issue.input)})`,
        })
        .max(MAX_IL_WEIGHT, {
          error: (issue) => `must be at most ${MAX_IL_WEIGHT}: a weight is a u8 (got ${show(issue.input)})`,
        }),
    )
    .optional(),
});

/** USD per GiB of one memory kind: a price, so finite and not negative. */
const priceSchema = z
  .number({ error: (issue) => `must be a price in USD per GiB (got ${show(issue.input)})` })
  .refine((usd) => Number.isFinite(usd) && usd >= 0, {
    error: (issue) => `must be a finite price of at least 0 USD per GiB (got ${show(issue.input)})`,
  });

/** The cost model's prices by memory kind (memory-cost.ts); absent kinds keep their defaults. */
export const memoryPricesSchema = strict('memoryPrices', {
  dram: priceSchema.optional(),
  pmem: priceSchema.optional(),
  cxl: priceSchema.optional(),
  hbm: priceSchema.optional(),
});

export const machineSchema = strict('a machine', {
  pageSize: sizeSchema.default(4096),
  nodes: z.array(nodeSchema).min(1),
  /** Absent: 10 local, 20 remote (the kernel's default without a SLIT). */
  distances: z.array(z.array(z.number().int())).optional(),
  /** Absent: no swap device. */
  swap: swapSchema.optional(),
  /** Absent: auto weights from bandwidth. */
  weightedInterleave: weightedInterleaveSchema.optional(),
  /** memory_block_size_bytes(): the unit memory is hot-plugged in; absent: 128MiB (x86-64). */
  memoryBlockSize: sizeSchema.optional(),
  /** USD per GiB by memory kind for the cost model; absent: DEFAULT_MEMORY_PRICES. */
  memoryPrices: memoryPricesSchema.optional(),
});

function presetMessage(input: unknown): string {
  const guess = typeof input === 'string' ? closest(input, PRESET_NAMES) : undefined;
  const hint = guess ? ` (did you mean "${guess}"?)` : '';
  return `unknown preset ${show(input)}${hint}; presets: ${PRESET_NAMES.join(', ')}`;
}

export const policySchema = strict('a policy', {
  preset: z
    .string()
    .refine((name) => PRESET_NAMES.includes(name), { error: (issue) => presetMessage(issue.input) })
    .default(DEFAULT_PRESET),
  knobs: knobsSchema.default(() => ({})),
  /** Absent: the newer version, where the preset lets the policy choose (see resolveKernel). */
  kernel: z
    .enum(KERNEL_VERSIONS, {
      error: (issue) => `unknown kernel ${show(issue.input)}; kernels: ${KERNEL_VERSIONS.join(', ')}`,
    })
    .optional(),
});

export const RUN_ENGINES = ['rate', 'exact'] as const satisfies readonly RunEngine[];

export const runSchema = strict('run settings', {
  engine: z.enum(RUN_ENGINES).default('rate'),
  durationMs: positiveSchema
    .max(MAX_DURATION_MS, {
      error: (issue) =>
        `must be at most ${MAX_DURATION_MS} (about 49.7 days): pages keep times as 32-bit milliseconds ` +
        `(got ${show(issue.input)})`,
    })
    .default(60_000),
  tickMs: positiveSchema.default(10),
  sampleEveryMs: positiveSchema.default(100),
  /** Seeds the engine's 32-bit RNG. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(1),
});

export const scenarioFileSchema = strict('a scenario', {
  format: z.literal(SCENARIO_FORMAT, { error: (issue) => formatMessage(issue.input) }),
  name: z.string().min(1),
  machine: machineSchema,
  policy: policySchema.prefault({}),
  workload: z.array(workloadSchema).min(1),
  run: runSchema.prefault({}),
});

/** A scenario file as users write it (sizes as strings or bytes, defaults optional). */
export type ScenarioFile = z.input<typeof scenarioFileSchema>;
/** A scenario file after the schema: sizes in bytes, context-free defaults filled. */
export type ParsedScenarioFile = z.output<typeof scenarioFileSchema>;
export type ParsedNode = z.output<typeof nodeSchema>;
export type ParsedMachine = z.output<typeof machineSchema>;
export type ParsedPolicy = z.output<typeof policySchema>;
export type ParsedRun = z.output<typeof runSchema>;
