// A workload's `cgroup`: the cgroup v2 memory cgroup its memory is charged to, one level under the
// root. Either its name (a cgroup another entry defines, or one without limits) or its settings as
// the files memory.max/high/low/min take them, plus timed writes to memory.reclaim.
import * as z from 'zod';
import { msSchema, nodeIdSchema, sizeSchema, strict } from './fields.ts';
import { show } from './errors.ts';

/** cgroupfs names (a directory name): no slash, since cgroups here sit right under the root. */
const cgroupNameSchema = z
  .string()
  .min(1)
  .refine((s) => !s.includes('/') && s !== '.' && s !== '..', {
    error: (issue) =>
      `must name a cgroup directly under the root: no "/" and not "." or ".." (got ${show(issue.input)})`,
  });

const LIMIT_RULE = 'must be "max" (no limit) or a size such as "256MiB" or a number of bytes';

/** memory.max and memory.high take "max" or a size. */
const limitSchema = z.union([z.literal('max'), sizeSchema], {
  error: (issue) => `${LIMIT_RULE} (got ${show(issue.input)})`,
});

/** A size that may be 0: memory.low and memory.min default to 0 (no protection). */
const protectionSchema = z.union([z.literal(0), sizeSchema]);

/**
 * `echo "<size> [nodes=<list>]" > memory.reclaim` at `atMs`. memory.reclaim is 5.19+; `nodes=` was
 * in 6.2-rc only (Mina Almasry's 12a5d3955227, reverted by 55ab834a86a9 before 6.2 was released).
 */
export const memoryReclaimSchema = strict('a memory.reclaim action', {
  atMs: msSchema,
  size: sizeSchema,
  nodes: z.array(nodeIdSchema).min(1).optional(),
});

export const cgroupSettingsSchema = strict('a cgroup', {
  name: cgroupNameSchema,
  /** memory.max: over it the charging task reclaims, then the cgroup's OOM killer runs. */
  max: limitSchema.default('max'),
  /** memory.high: over it the task reclaims and is throttled on its way back to user space. */
  high: limitSchema.default('max'),
  /** memory.low: best-effort protection from global reclaim. */
  low: protectionSchema.default(0),
  /** memory.min: hard protection from global reclaim. */
  min: protectionSchema.default(0),
  reclaim: z.array(memoryReclaimSchema).default(() => []),
});

export type ParsedCgroupSettings = z.output<typeof cgroupSettingsSchema>;
/** A cgroup's name (defined by another entry, or without limits), or its settings. */
export type ParsedCgroup = string | ParsedCgroupSettings;

/**
 * A name or the settings, told apart by the value's type so that an error names the field inside
 * the settings (a plain union would only say the whole value is not valid).
 */
export const cgroupSchema = z.unknown().transform((value, ctx): ParsedCgroup => {
  if (typeof value !== 'string' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `must be a cgroup's name or its settings { name, max, high, low, min, reclaim } (got ${show(value)})`,
    });
    return z.NEVER;
  }
  const parsed =
    typeof value === 'string' ? cgroupNameSchema.safeParse(value) : cgroupSettingsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    ctx.issues.push({ code: 'custom', path: issue.path, message: issue.message, input: value });
  return z.NEVER;
});
