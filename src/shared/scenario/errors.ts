// Scenario errors as users see them: a JSON path and a sentence. Owns the wording of every schema
// issue, so that a kernel developer reads "must be a whole number (got 1.5)", not a zod dump.
import type * as z from 'zod';
import { exactSizeText } from './size-text.ts';

/** One problem in a scenario file. `path` is like `machine.nodes[0].capacity`; '' is the whole file. */
export interface ScenarioError {
  path: string;
  message: string;
}

/** Characters of a long name or string that a message echoes. */
const CLIP_CHARS = 60;
/** Unknown keys named one by one in a message; the rest are counted. */
const NAMED_KEYS = 5;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && key.length <= CLIP_CHARS && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out ? `.${key}` : key;
    else out += `[${quote(String(key))}]`;
  }
  return out;
}

/** One line per error, as the CLI prints them. */
export function formatScenarioErrors(errors: readonly ScenarioError[]): string {
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n');
}

/** "10 MB": the size of a long text as UTF-8, for the end of a clipped one. */
function textSize(text: string): string {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes in UTF-8: 2 for each half.
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
  }
  if (bytes < 1000) return `${bytes} bytes`;
  const [value, unit] = bytes < 1e6 ? [bytes / 1e3, 'KB'] : [bytes / 1e6, 'MB'];
  return `${Number(value.toPrecision(3))} ${unit}`;
}

/** A string as a message quotes it: in full up to 60 characters, else its start and its size. */
export function quote(text: string): string {
  if (text.length <= CLIP_CHARS) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, CLIP_CHARS))}…(${textSize(text)})`;
}

/** A value as it appeared in the file, short enough for a message. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string' && value.length > CLIP_CHARS) return quote(value);
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Bytes as a size the user would write, exact: "4KiB", or "3000 bytes" when no unit is exact. */
export function showBytes(bytes: number): string {
  return exactSizeText(bytes) ?? `${bytes} bytes`;
}

/**
 * The known name closest to a misspelt one, if it is close enough to be a likely typo. A candidate
 * whose length differs by the distance to beat cannot win (each extra character is an edit), so a
 * 10 MB name costs one length comparison per candidate, not an edit-distance table.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  let lower: string | undefined;
  for (const candidate of known) {
    if (Math.abs(name.length - candidate.length) >= bestDistance) continue;
    lower ??= name.toLowerCase();
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * `unknown field "colour"; a node has: id, memory, ...`, with a guess at what was meant for each key.
 * `noun` names what the keys are ("field", "knob"); `listing` introduces the known names.
 */
export function unknownKeysMessage(
  keys: readonly string[],
  known: readonly string[],
  noun: string,
  listing: string,
): string {
  const named = keys.slice(0, NAMED_KEYS).map((k) => {
    const guess = closest(k, known);
    return guess ? `${quote(k)} (did you mean "${guess}"?)` : quote(k);
  });
  return `unknown ${noun}${keys.length > 1 ? 's' : ''} ${named.join(', ')}${moreKeys(keys)}; ${listing} ${known.join(', ')}`;
}

function moreKeys(keys: readonly string[]): string {
  return keys.length > NAMED_KEYS ? ` and ${keys.length - NAMED_KEYS} more` : '';
}

const NOUNS: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function oneOf(choices: readonly string[]): string {
  return choices.length > 2 ? `one of ${choices.join(', ')}` : choices.join(' or ');
}

function bound(value: number | bigint, inclusive: boolean | undefined, above: boolean): string {
  if (above) return inclusive ? `at least ${value}` : `greater than ${value}`;
  return inclusive ? `at most ${value}` : `less than ${value}`;
}

function lengthRule(origin: string, n: number | bigint, above: boolean): string | undefined {
  if (origin === 'array')
    return above ? `needs at least ${n} entr${n === 1 ? 'y' : 'ies'}` : `has more than ${n} entries`;
  if (origin === 'string') return above ? 'must not be empty' : `must be at most ${n} characters`;
  return undefined;
}

/** The parse-level error map: wording for every issue a schema does not word itself. */
export const issueMessage: z.core.$ZodErrorMap = (issue) => {
  const got = ` (got ${show(issue.input)})`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${NOUNS[issue.expected] ?? issue.expected}${got}`;
    case 'too_small':
      return (
        lengthRule(issue.origin, issue.minimum, true) ??
        `must be ${bound(issue.minimum, issue.inclusive, true)}${got}`
      );
    case 'too_big':
      return (
        lengthRule(issue.origin, issue.maximum, false) ??
        `must be ${bound(issue.maximum, issue.inclusive, false)}${got}`
      );
    case 'invalid_value':
      return `must be ${oneOf(issue.values.map((v) => JSON.stringify(v)))}${got}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.slice(0, NAMED_KEYS).map(quote).join(', ')}${moreKeys(issue.keys)}`;
    case 'invalid_union':
      return issue.input === undefined ? 'is required' : `is not valid here${got}`;
    default:
      return undefined;
  }
};

/** Zod's issues as scenario errors, in the order zod found them. */
export function fromIssues(issues: readonly z.core.$ZodIssue[]): ScenarioError[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}
