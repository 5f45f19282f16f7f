// What `tierlab tune --knob` and the Tune panel search over: one knob's range of values, checked
// against the knob's declared kind, min and max in knobs.ts, so a bad range names its knob.
import { KNOBS, type KnobName, type KnobSpec } from '../scenario/knobs.ts';

export type KnobValue = number | boolean | string;

/**
 * An integer range searched on a linear or, when it spans a decade or more (max/min >= 10), a log
 * scale: a threshold of 100..10000 ms is as likely to matter between 100 and 1000 as above.
 */
export interface IntKnobRange {
  knob: KnobName;
  kind: 'int';
  min: number;
  max: number;
  log: boolean;
}

/** A list of values tried as they are: a choice list, a boolean's two values, an enum's values. */
export interface ListKnobRange {
  knob: KnobName;
  kind: 'list';
  values: KnobValue[];
}

export type KnobRange = IntKnobRange | ListKnobRange;

/** A range spanning this ratio or more is searched on a log scale. */
export const LOG_SCALE_RATIO = 10;

export class KnobRangeError extends Error {
  override name = 'KnobRangeError';
}

function isKnob(name: string): name is KnobName {
  return Object.hasOwn(KNOBS, name);
}

function fail(knob: string, message: string): never {
  throw new KnobRangeError(`--knob ${knob}: ${message}`);
}

function allowedText(spec: KnobSpec): string {
  if (spec.kind === 'bool') return 'true or false';
  if (spec.kind === 'enum') return `one of ${spec.values!.join(', ')}`;
  if (spec.kind === 'choice') return `one of ${spec.choices!.join(', ')}`;
  return `whole numbers from ${spec.min} to ${spec.max}${spec.unit ? ` (${spec.unit})` : ''}`;
}

/** One listed value, read as the knob's kind takes it. */
function listValue(knob: KnobName, spec: KnobSpec, text: string): KnobValue {
  const bad = () => fail(knob, `"${text}" is not a value it takes (${allowedText(spec)})`);
  if (spec.kind === 'bool') return text === 'true' ? true : text === 'false' ? false : bad();
  if (spec.kind === 'choice') return spec.choices!.includes(text) ? text : bad();
  const n = Number(text);
  if (text === '' || !Number.isInteger(n)) bad();
  if (spec.kind === 'enum') return spec.values!.includes(n) ? n : bad();
  if (n < spec.min! || n > spec.max!) bad();
  return n;
}

function intRange(knob: KnobName, spec: KnobSpec, from: string, to: string): KnobRange {
  if (spec.kind !== 'int')
    fail(knob, `takes ${allowedText(spec)}, not a range: list the values (a,b,c) instead`);
  const min = Number(from);
  const max = Number(to);
  for (const [text, n] of [
    [from, min],
    [to, max],
  ] as const) {
    if (text === '' || !Number.isInteger(n))
      fail(knob, `"${text}" is not a whole number (${allowedText(spec)})`);
    if (n < spec.min! || n > spec.max!) fail(knob, `${n} is outside ${spec.min}..${spec.max}`);
  }
  if (min >= max) fail(knob, `a range wants its low end first and below its high end (got ${min}..${max})`);
  return { knob, kind: 'int', min, max, log: min > 0 && max / min >= LOG_SCALE_RATIO };
}

/**
 * Parses `NAME=A..B` (an integer knob's range), `NAME=A,B,C` (values to try) or a bare `NAME`
 * (a boolean's true and false; an enum's or a choice's every value). NAME may be written as the
 * scenario file's path, `policy.knobs.NAME`. Throws KnobRangeError naming the knob.
 */
export function parseKnobRange(text: string): KnobRange {
  const eq = text.indexOf('=');
  const rawName = (eq < 0 ? text : text.slice(0, eq)).trim().replace(/^policy\.knobs\./, '');
  if (!isKnob(rawName))
    throw new KnobRangeError(
      `--knob ${rawName || text}: not a knob (see the Policies page or knobs.ts for their names)`,
    );
  const knob = rawName;
  const spec: KnobSpec = KNOBS[knob];
  if (eq < 0) {
    if (spec.kind === 'bool') return { knob, kind: 'list', values: [false, true] };
    if (spec.kind === 'enum') return { knob, kind: 'list', values: [...spec.values!] };
    if (spec.kind === 'choice') return { knob, kind: 'list', values: [...spec.choices!] };
    fail(knob, `wants a range, ${knob}=A..B, or values, ${knob}=A,B,C`);
  }
  const body = text.slice(eq + 1).trim();
  const dots = /^(.*?)\.\.(.*)$/.exec(body);
  if (dots) return intRange(knob, spec, dots[1]!.trim(), dots[2]!.trim());
  const values = body.split(',').map((v) => listValue(knob, spec, v.trim()));
  if (new Set(values).size !== values.length) fail(knob, `lists a value twice (${body})`);
  if (values.length < 2) fail(knob, `wants at least two values to choose between (got ${body})`);
  return { knob, kind: 'list', values };
}

/** Parses every --knob, refusing one knob given twice. */
export function parseKnobRanges(texts: readonly string[]): KnobRange[] {
  const ranges = texts.map(parseKnobRange);
  const seen = new Set<string>();
  for (const r of ranges) {
    if (seen.has(r.knob)) throw new KnobRangeError(`--knob ${r.knob}: given twice`);
    seen.add(r.knob);
  }
  if (ranges.length === 0) throw new KnobRangeError('--knob: give at least one knob to tune');
  return ranges;
}

/** How a range reads in a report: `100..10000 (log scale)`, `always, never`. */
export function describeRange(r: KnobRange): string {
  if (r.kind === 'list') return r.values.map(String).join(', ');
  return `${r.min}..${r.max}${r.log ? ' (log scale)' : ''}`;
}
