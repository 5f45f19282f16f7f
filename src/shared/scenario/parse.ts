// Entry points from a file's text or JSON value to the engine's ResolvedScenario, or to the list of
// every problem in it: schema issues first, then the checks that relate fields to each other.
import { checkScenario } from './check.ts';
import { fromIssues, issueMessage, type ScenarioError } from './errors.ts';
import { findJsonSyntaxError } from './json-syntax.ts';
import { nestingError } from './nesting.ts';
import { resolveScenario } from './resolve.ts';
import type { ResolvedScenario } from './resolved.ts';
import { salvage } from './salvage.ts';
import { scenarioFileSchema } from './schema.ts';

export type ParseResult = { ok: true; scenario: ResolvedScenario } | { ok: false; errors: ScenarioError[] };

/** Validates a parsed JSON value as a `tierlab.scenario/1` file, reporting every problem found. */
export function parseScenario(input: unknown): ParseResult {
  const tooDeep = nestingError(input);
  if (tooDeep) return { ok: false, errors: [tooDeep] };
  const file = scenarioFileSchema.safeParse(input, { error: issueMessage });
  const errors = file.success ? [] : fromIssues(file.error.issues);
  errors.push(...checkScenario(salvage(input)));
  if (!file.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, scenario: resolveScenario(file.data) };
}

/** Like parseScenario, from the file's text; a JSON syntax error is reported with its line and column. */
export function parseScenarioText(text: string): ParseResult {
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses; it carries no meaning.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch (error) {
    const found = findJsonSyntaxError(json);
    const message = found
      ? `not valid JSON at line ${found.line}, column ${found.column}: ${found.reason}`
      : `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, errors: [{ path: '', message }] };
  }
  return parseScenario(input);
}
