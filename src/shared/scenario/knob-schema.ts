// The schema of `policy.knobs`, generated from the KNOBS table: kernel names only, each value's type
// and range as the table gives them, and an unknown name answered with the closest real one.
import * as z from 'zod';
import { KNOBS, type KnobName, type KnobSpec, type Knobs } from './knobs.ts';
import { show, unknownKeysMessage } from './errors.ts';

const KNOB_NAMES = Object.keys(KNOBS);

/** One knob's value, with its range from the KNOBS table in the message. */
function knobSchema(spec: KnobSpec): z.ZodType {
  const got = (input: unknown) => ` (got ${show(input)})`;
  if (spec.kind === 'bool') {
    return z.boolean({ error: (issue) => `must be true or false${got(issue.input)}` });
  }
  if (spec.kind === 'choice') {
    const words = spec.choices ?? [];
    const rule = `must be one of ${words.map((w) => `"${w}"`).join(', ')}`;
    return z
      .string({ error: (issue) => `${rule}${got(issue.input)}` })
      .refine((w) => words.includes(w), { error: (issue) => `${rule}${got(issue.input)}` });
  }
  const { min = 0, max = Number.MAX_SAFE_INTEGER, values = [] } = spec;
  const isEnum = spec.kind === 'enum';
  const rule = isEnum
    ? `must be one of ${values.join(', ')}`
    : `must be a whole number from ${min} to ${max}`;
  const ok = (v: number) => (isEnum ? values.includes(v) : Number.isInteger(v) && v >= min && v <= max);
  const number = z
    .number({ error: (issue) => `${rule}${got(issue.input)}` })
    .refine(ok, { error: (issue) => `${rule}${got(issue.input)}` });
  // A knob whose kernel default is "computed" (min_free_kbytes) may be set back to that with null.
  return spec.default === null ? number.nullable() : number;
}

type KnobFields = { [K in KnobName]: z.ZodOptional<z.ZodType<Knobs[K], Knobs[K]>> };

/**
 * One optional schema per knob, by kernel name. Built from the KNOBS table, so zod cannot infer the
 * per-knob types; the cast states them, and a test checks every knob's default and range passes.
 */
export const knobFields = Object.fromEntries(
  Object.entries(KNOBS).map(([name, spec]) => [name, knobSchema(spec).optional()]),
) as KnobFields;

/** `policy.knobs`: kernel names only, each value checked against its KNOBS entry. */
export const knobsSchema = z.strictObject(knobFields, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? unknownKeysMessage(issue.keys, KNOB_NAMES, 'knob', 'known knobs:')
      : undefined,
});
