// Request validation at the boundary: one zod schema per channel, so no handler sees a bad shape.
import * as z from 'zod';
import type { Channel } from '../../shared/api/contract.ts';
import { PART_KINDS, RUN_STATUSES } from '../../shared/api/types.ts';

const id = z.number().int().positive();
const runIds = z.array(id).min(1).max(10_000);
const empty = z.object({}).strict();

export const REQUEST_SCHEMAS: Record<Channel, z.ZodType> = {
  'app:info': empty,
  'machine:derive': z.object({ machine: z.unknown(), policy: z.unknown().optional() }).strict(),
  'scenario:validate': z.object({ document: z.unknown() }).strict(),
  'scenario:list': empty,
  'scenario:get': z.object({ id }).strict(),
  'scenario:save': z.object({ id: id.optional(), document: z.unknown() }).strict(),
  'scenario:delete': z.object({ id }).strict(),
  'part:list': z.object({ kind: z.enum(PART_KINDS) }).strict(),
  'part:save': z
    .object({
      kind: z.enum(PART_KINDS),
      name: z.string().min(1).max(200),
      document: z.unknown(),
      id: id.optional(),
    })
    .strict(),
  'part:delete': z.object({ kind: z.enum(PART_KINDS), id }).strict(),
  'run:start': z
    .object({
      scenarioId: id.optional(),
      document: z.unknown().optional(),
      seeds: z.array(z.number().int().min(0).max(0xffffffff)).min(1).max(1000).optional(),
      repeat: z.number().int().min(1).max(1000).optional(),
    })
    .strict()
    .refine((r) => (r.scenarioId === undefined) !== (r.document === undefined), {
      message: 'give either scenarioId (a stored scenario) or document (a scenario to save and run)',
      path: ['scenarioId'],
    }),
  // A sweep waits on all of its runs at once; an hour at most per call.
  'run:wait': z
    .object({
      runIds: z.array(id).min(1).max(100_000),
      timeoutMs: z.number().int().min(0).max(3_600_000).optional(),
    })
    .strict(),
  'run:cancel': z.object({ runId: id }).strict(),
  'run:list': z
    .object({
      status: z.enum(RUN_STATUSES).optional(),
      scenarioId: id.optional(),
      tag: z.string().optional(),
      limit: id.optional(),
    })
    .strict(),
  'run:get': z.object({ runId: id }).strict(),
  'run:samples': z
    .object({
      runId: id,
      counters: z.array(z.string()).optional(),
      nodes: z.boolean().optional(),
      nodeCounters: z.array(z.string()).optional(),
    })
    .strict(),
  // The result and samples files are checked by their own readers, which name what is wrong.
  'run:import': z
    .object({
      runs: z
        .array(z.object({ result: z.unknown(), samples: z.unknown().optional() }).strict())
        .min(1)
        .max(10_000),
    })
    .strict(),
  'run:delete': z.object({ runId: id }).strict(),
  'run:tag': z
    .object({
      runId: id,
      add: z.array(z.string().min(1).max(64)).optional(),
      remove: z.array(z.string()).optional(),
    })
    .strict(),
  'run:note': z.object({ runId: id, text: z.string().max(100_000) }).strict(),
  'compare:runs': z
    .object({
      runIds,
      baseline: z.number().int().min(0).optional(),
      metrics: z.array(z.string()).optional(),
      includePartial: z.boolean().optional(),
    })
    .strict(),
  'trace:import': z.object({ name: z.string().min(1).max(255), base64: z.string().min(1) }).strict(),
  'export:samples': z
    .object({
      runIds,
      perNode: z.boolean().optional(),
      node: z.number().int().min(0).optional(),
      withRunId: z.boolean().optional(),
      from: z
        .object({ run: z.number().int().min(0), afterMs: z.number().finite().nullable() })
        .strict()
        .optional(),
    })
    .strict()
    .refine((r) => r.node === undefined || r.perNode === true, {
      message: 'node selects rows of a per-node export: give perNode: true with it',
      path: ['node'],
    }),
  'export:results': z.object({ runIds }).strict(),
  'export:heatmap': z.object({ runIds, task: z.string().min(1).optional() }).strict(),
  'export:cgroups': z.object({ runIds }).strict(),
  'export:fleet': z.object({ runIds }).strict(),
  'export:run': z.object({ runId: id }).strict(),
  'export:comparison': z
    .object({
      runIds,
      baseline: z.number().int().min(0).optional(),
      metrics: z.array(z.string()).optional(),
      includePartial: z.boolean().optional(),
    })
    .strict(),
  'tune:start': z
    .object({
      document: z.unknown(),
      knobs: z.array(z.string().min(1).max(500)).min(1).max(32),
      objective: z.string().min(1).max(300),
      minimise: z.boolean().optional(),
      seeds: z.number().int().min(1).max(100).optional(),
      budget: z.number().int().min(2).max(100_000).optional(),
      shard: z
        .object({ index: z.number().int().min(0), count: z.number().int().min(1) })
        .strict()
        .refine((s) => s.index < s.count, { message: 'shard wants 0 <= index < count', path: ['index'] })
        .optional(),
    })
    .strict(),
  'tune:wait': z
    .object({ tuneId: id, timeoutMs: z.number().int().min(0).max(3_600_000).optional() })
    .strict(),
  'tune:cancel': z.object({ tuneId: id }).strict(),
  'tune:list': z.object({ limit: z.number().int().min(1).max(10_000).optional() }).strict(),
};

/** Describes a validation failure in one line per problem: `field: message`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'request'}: ${i.message}`).join('; ');
}
