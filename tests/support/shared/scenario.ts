// Test helpers: the example scenario with one value changed or removed at a path, as a plain JSON
// value, so tests can write broken files without casting around the file's types.
import { exampleScenarioFile } from '../../../src/shared/scenario/example.ts';
import { parseScenario } from '../../../src/shared/scenario/parse.ts';
import type { ResolvedScenario } from '../../../src/shared/scenario/resolved.ts';
import type { ScenarioError } from '../../../src/shared/scenario/errors.ts';

type Path = readonly (string | number)[];
export type Edit = readonly [Path, unknown];

/** A fresh example file with each `[path, value]` applied; `undefined` removes the field. */
export function editedExample(...edits: Edit[]): unknown {
  const file: unknown = exampleScenarioFile(); // a fresh object on every call
  for (const [path, value] of edits) {
    let at: unknown = file;
    for (const key of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[key];
    const last = path[path.length - 1];
    const target = at as Record<string | number, unknown>;
    if (last === undefined) throw new Error('empty path');
    if (value === undefined) delete target[last];
    else target[last] = value;
  }
  return file;
}

/** The scenario a file resolves to; fails the test with the errors when it does not parse. */
export function resolves(input: unknown): ResolvedScenario {
  const result = parseScenario(input);
  if (!result.ok)
    throw new Error(`expected a valid scenario, got:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.scenario;
}

/** The errors a file yields; fails the test when it parses. */
export function errorsOf(input: unknown): ScenarioError[] {
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected errors, but the scenario parsed');
  return result.errors;
}
