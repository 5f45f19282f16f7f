// Reads each part of a scenario file on its own, field by field, so the cross-field checks still run
// on what is fine when something else is broken: a bad capacity must not hide a workload on a missing node.
import * as z from 'zod';
import type { Knobs } from './knobs.ts';
import type { KernelVersion } from './kernels.ts';
import { knobFields } from './knob-schema.ts';
import { machineSchema, nodeSchema, policySchema, runSchema, swapSchema } from './schema.ts';
import type { ParsedMachine, ParsedNode, ParsedRun } from './schema.ts';
import { workloadCommonSchema, workloadSchema, type ParsedWorkload } from './workload-schema.ts';

type Fields<Shape extends z.core.$ZodShape> = { [K in keyof Shape]?: z.output<Shape[K]> };

export interface WorkloadPart {
  /** The fields every workload has that are valid on their own. */
  common: Fields<typeof workloadCommonSchema.shape>;
  /** The whole entry, when all of it is valid. */
  whole: ParsedWorkload | undefined;
}

/** Every part is undefined (or a field missing) where the file has it wrong or leaves it out. */
export interface ScenarioParts {
  pageSize: number | undefined;
  /** undefined when `machine.nodes` is not a non-empty list. */
  nodes: (Partial<ParsedNode> | undefined)[] | undefined;
  distances: number[][] | undefined;
  swapCapacity: number | undefined;
  weightedInterleave: ParsedMachine['weightedInterleave'];
  memoryBlockSize: number | undefined;
  preset: string | undefined;
  kernel: KernelVersion | undefined;
  knobs: Partial<Knobs>;
  workload: (WorkloadPart | undefined)[] | undefined;
  run: Partial<ParsedRun> | undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function valid<T extends z.core.$ZodType>(schema: T, value: unknown): z.output<T> | undefined {
  const result = z.safeParse(schema, value);
  return result.success ? result.data : undefined;
}

/** Each field of an object schema parsed alone; defaults apply to absent fields. */
function fields<Shape extends z.core.$ZodShape>(shape: Shape, value: unknown): Fields<Shape> | undefined {
  const raw = record(value);
  if (!raw) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const result = z.safeParse(schema, raw[key]);
    if (result.success && result.data !== undefined) out[key] = result.data;
  }
  return out as Fields<Shape>;
}

export function salvage(input: unknown): ScenarioParts {
  const root = record(input);
  const machine = record(root?.machine);
  const policy = fields(policySchema.shape, root?.policy ?? {});
  const nodes = machine?.nodes;
  const workload = root?.workload;
  return {
    pageSize: machine && valid(machineSchema.shape.pageSize, machine.pageSize),
    // No nodes at all is the schema's error; checking workloads against an empty machine adds noise.
    nodes:
      Array.isArray(nodes) && nodes.length > 0 ? nodes.map((n) => fields(nodeSchema.shape, n)) : undefined,
    distances: machine && valid(machineSchema.shape.distances, machine.distances),
    swapCapacity: valid(swapSchema.shape.capacity, record(machine?.swap)?.capacity),
    weightedInterleave: machine && valid(machineSchema.shape.weightedInterleave, machine.weightedInterleave),
    memoryBlockSize: machine && valid(machineSchema.shape.memoryBlockSize, machine.memoryBlockSize),
    preset: policy?.preset,
    kernel: policy?.kernel,
    knobs: fields(knobFields, record(root?.policy)?.knobs) ?? {},
    workload: Array.isArray(workload)
      ? workload.map((w) => {
          const common = fields(workloadCommonSchema.shape, w);
          return common && { common, whole: valid(workloadSchema, w) };
        })
      : undefined,
    run: fields(runSchema.shape, root?.run ?? {}),
  };
}
