// The `workload` entries of a scenario file: fields every task has, then one strict object per
// workload type, mirroring the ResolvedWorkload union (sizes in bytes once parsed).
import * as z from 'zod';
import {
  countSchema,
  fractionSchema,
  hotPositionSchema,
  msSchema,
  nodeIdSchema,
  sizeSchema,
  strict,
} from './fields.ts';
import { closest, show } from './errors.ts';
import { cgroupSchema } from './cgroup-schema.ts';

/** `weighted_interleave` is MPOL_WEIGHTED_INTERLEAVE (6.9+), weighted by machine.weightedInterleave. */
export const MEMPOLICY_MODES = ['default', 'bind', 'preferred', 'interleave', 'weighted_interleave'] as const;
/** set_mempolicy() mode flags a file may give; check-workload refuses those the mode cannot take. */
export const MEMPOLICY_FLAGS = ['numa_balancing'] as const;

export const mempolicySchema = strict('a mempolicy', {
  mode: z.enum(MEMPOLICY_MODES).default('default'),
  nodes: z.array(nodeIdSchema).default(() => []),
  flags: z.array(z.enum(MEMPOLICY_FLAGS)).default(() => []),
});

/** Fields of every workload entry. `cpu` absent: the first node with CPUs runs it (filled in later). */
const common = {
  name: z.string().min(1),
  cpu: nodeIdSchema.optional(),
  startMs: msSchema.default(0),
  stopMs: msSchema.nullable().default(null),
  threads: countSchema.default(1),
  mempolicy: mempolicySchema.prefault({}),
  load: z.number().gt(0).max(1).default(1),
  dramShare: fractionSchema.nullable().default(null),
  /** madvise(MADV_HUGEPAGE) on its anonymous memory: THPs under transparent_hugepage "madvise". */
  thp: z.boolean().optional(),
  /** The memory cgroup it runs in (cgroup-schema.ts); absent: the root, no limits. */
  cgroup: cgroupSchema.optional(),
};

/** The fields every workload type has, on their own: lets checks read them from a broken entry. */
export const workloadCommonSchema = z.object(common);

const usemem = strict('a usemem workload', {
  type: z.literal('usemem'),
  ...common,
  size: sizeSchema,
  /** Absent: one page, filled in once the machine's page size is known. */
  step: sizeSchema.optional(),
  repeats: countSchema.default(1),
  readonly: z.boolean().default(false),
  random: z.boolean().default(false),
});

const usememStress = strict('a usemem-stress-numa-compact workload', {
  type: z.literal('usemem-stress-numa-compact'),
  ...common,
  fraction: z.number().gt(0).max(1).default(0.8),
  loops: countSchema.default(60),
  iterations: countSchema.default(7),
});

const sysbenchMemory = strict('a sysbench-memory workload', {
  type: z.literal('sysbench-memory'),
  ...common,
  blockSize: sizeSchema.default(1024),
  totalSize: sizeSchema.default(100 * 1024 ** 3),
  scope: z.enum(['global', 'local']).default('global'),
  oper: z.enum(['read', 'write', 'none']).default('write'),
  accessMode: z.enum(['seq', 'rnd']).default('seq'),
  randType: z.enum(['uniform', 'gaussian', 'pareto', 'zipfian']).default('uniform'),
  paretoH: z.number().gt(0).lt(1).default(0.2),
});

const grep = strict('a grep workload', {
  type: z.literal('grep'),
  ...common,
  corpus: sizeSchema,
  passes: countSchema.default(1),
});

const hotsetPhase = strict('a hotset phase', {
  atMs: msSchema,
  hotPosition: hotPositionSchema,
});

const hotset = strict('a hotset workload', {
  type: z.literal('hotset'),
  ...common,
  size: sizeSchema,
  distribution: z.enum(['uniform', 'normal', 'zipf', 'hot']).default('hot'),
  hotFraction: z.number().gt(0).max(1).default(0.2),
  hotProbability: fractionSchema.default(0.8),
  zipfS: z.number().positive().default(0.99),
  stddevFraction: z.number().positive().default(0.1),
  hotPosition: hotPositionSchema.default('head'),
  readRatio: fractionSchema.default(0.8),
  accesses: countSchema.nullable().default(null),
  phases: z.array(hotsetPhase).default(() => []),
});

const trace = strict('a trace workload', {
  type: z.literal('trace'),
  ...common,
  file: z.string().min(1),
  repeats: countSchema.default(1),
});

/**
 * A bandwidth antagonist (STREAM-like, as Colloid's experiments load DRAM): from startMs to stopMs it
 * reads and writes `bandwidthGBps` on one node's memory, optionally in bursts of onMs every
 * onMs + offMs. It maps no pages the kernel manages and runs no task: it is load on the node only.
 */
const stream = strict('a stream workload', {
  type: z.literal('stream'),
  name: common.name,
  startMs: common.startMs,
  stopMs: common.stopMs,
  node: nodeIdSchema,
  bandwidthGBps: z.number().positive({
    error: (issue) =>
      `must be above 0 GB/s: the bandwidth the antagonist drives on its node (got ${show(issue.input)})`,
  }),
  /** STREAM triad moves two reads per write. */
  readRatio: fractionSchema.default(2 / 3),
  onMs: z.number().positive().optional(),
  offMs: z.number().positive().optional(),
});

/** One virtual machine of a multi-tenant host: a hot set of its own with its own load and share. */
const tenantVm = strict('a multi-tenant VM', {
  name: z.string().min(1).optional(),
  size: sizeSchema,
  load: z.number().gt(0).max(1).default(1),
  dramShare: fractionSchema.nullable().default(null),
  distribution: z.enum(['uniform', 'normal', 'zipf', 'hot']).default('zipf'),
  hotFraction: z.number().gt(0).max(1).default(0.2),
  hotProbability: fractionSchema.default(0.8),
  zipfS: z.number().positive().default(0.99),
  readRatio: fractionSchema.default(0.8),
  /** The VM's own cgroup (each VM one, as a libvirt machine slice); absent: the entry's. */
  cgroup: cgroupSchema.optional(),
});

/**
 * Several VMs on one host (seed 003's fairness question): each VM becomes a hot-set process of its
 * own, named `<name>/<vm>`, with its load and optional DRAM share.
 */
const multiTenant = strict('a multi-tenant workload', {
  type: z.literal('multi-tenant'),
  ...common,
  vms: z.array(tenantVm).min(1),
});

const VARIANTS = [usemem, usememStress, sysbenchMemory, grep, hotset, trace, multiTenant, stream] as const;
export const WORKLOAD_TYPES = VARIANTS.map((v) => v.shape.type.value);

function unknownTypeMessage(input: unknown): string {
  const types = WORKLOAD_TYPES.join(', ');
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  if (type === undefined) return `is required; a workload's type is one of ${types}`;
  const guess = typeof type === 'string' ? closest(type, WORKLOAD_TYPES) : undefined;
  const hint = guess ? ` (did you mean "${guess}"?)` : '';
  return `unknown workload type ${show(type)}${hint}; types: ${types}`;
}

export const workloadSchema = z.discriminatedUnion('type', VARIANTS, {
  error: (issue) =>
    issue.code === 'invalid_union' && issue.discriminator === 'type'
      ? unknownTypeMessage(issue.input)
      : undefined,
});

export type WorkloadFile = z.input<typeof workloadSchema>;
export type ParsedWorkload = z.output<typeof workloadSchema>;
