// Field schemas shared by every part of the scenario file: sizes, offsets, times, counts, and the
// strict object that rejects unknown fields by name.
import * as z from 'zod';
import { parseSize, readSize } from '../units.ts';
import type { HotPosition } from './resolved.ts';
import { show, unknownKeysMessage } from './errors.ts';

/**
 * A strict object: an unknown field is an error that names it, suggests the likely spelling and
 * lists the fields `what` has. `what` completes "… has: id, memory, …", e.g. "a node".
 */
export function strict<Shape extends z.core.$ZodLooseShape>(what: string, shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? unknownKeysMessage(issue.keys, known, 'field', `${what} has:`)
        : undefined,
  });
}

const SIZE_RULE = 'must be a positive size such as "384MiB" or a number of bytes';
const HOT_POSITION_RULE = 'must be "head", "tail" or an offset such as "64MiB" or a number of bytes';

/** Bytes of a size as written, or null. Strings may be fractional ("1.5GiB"); bytes must be whole. */
function bytesOf(value: number | string, min: number): number | null {
  if (typeof value === 'number' && !Number.isInteger(value)) return null;
  const bytes = parseSize(value);
  return bytes !== null && Number.isSafeInteger(bytes) && bytes >= min ? bytes : null;
}

/** The rule and what was written; for an SI unit ("0.5GB"), why it is refused and what to write. */
function sizeMessage(rule: string, value: number | string): string {
  const r = readSize(value);
  return !r.ok && r.ambiguous ? r.reason : `${rule} (got ${show(value)})`;
}

/** Zod's own error for a value that is neither number nor string: say what a size looks like. */
function sizeTypeError(rule: string) {
  return (issue: { input: unknown }) =>
    issue.input === undefined ? `is required; it ${rule}` : `${rule} (got ${show(issue.input)})`;
}

/** A size in the file ("384MiB", "1.5GiB", 4096) as a positive whole number of bytes. */
export const sizeSchema = z
  .union([z.number(), z.string()], { error: sizeTypeError(SIZE_RULE) })
  .transform((value, ctx) => {
    const bytes = bytesOf(value, 1);
    if (bytes !== null) return bytes;
    ctx.issues.push({ code: 'custom', message: sizeMessage(SIZE_RULE, value), input: value });
    return z.NEVER;
  });

/** Where a hot set sits in its region: "head", "tail" or a byte offset. */
export const hotPositionSchema = z
  .union([z.number(), z.string()], { error: sizeTypeError(HOT_POSITION_RULE) })
  .transform((value, ctx): HotPosition => {
    if (value === 'head' || value === 'tail') return value;
    const bytes = bytesOf(value, 0);
    if (bytes !== null) return bytes;
    ctx.issues.push({ code: 'custom', message: sizeMessage(HOT_POSITION_RULE, value), input: value });
    return z.NEVER;
  });

/** A point in simulated time or a duration, in milliseconds. */
export const msSchema = z.number().min(0);

/** How many times something happens or runs: 1 or more. */
export const countSchema = z.number().int().min(1);

/** A fraction or probability in [0, 1]. */
export const fractionSchema = z.number().min(0).max(1);

/** A physical quantity that must be above zero (latency, bandwidth, I/O time). */
export const positiveSchema = z.number().positive();

/** A NUMA node id as the file names it; whether the node exists is checked against the machine. */
export const nodeIdSchema = z.number().int().min(0);
