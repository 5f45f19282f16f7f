// The nesting limit of a scenario file's JSON, checked first and without recursion: the schema,
// the checks and the error messages all walk the value recursively, so a file nested thousands of
// levels deep is refused here before they see it.
import { formatPath, type ScenarioError } from './errors.ts';
import { MAX_NESTING } from './limits.ts';

/** Path segments shown for a value that nests too deep: as deep as the format's own fields go. */
const SHOWN_SEGMENTS = 5;

interface Visit {
  value: unknown;
  /** Lists and objects from the root down to this value, the value included. */
  depth: number;
  key: string | number;
  parent: Visit | null;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) path.push(v.key);
  return path.reverse();
}

/**
 * The first list or object (in file order) nested more than MAX_NESTING levels deep, as an error
 * at the field that holds it; null when the value is within the limit.
 */
export function nestingError(input: unknown): ScenarioError | null {
  // An explicit stack of parent-linked visits: memory in proportion to the value, not depth squared.
  const stack: Visit[] = [{ value: input, depth: 1, key: '', parent: null }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value, depth } = visit;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_NESTING) {
      return {
        path: formatPath(pathOf(visit).slice(0, SHOWN_SEGMENTS)),
        message:
          `nests lists and objects more than ${MAX_NESTING} levels deep; ` +
          `a scenario file may nest at most ${MAX_NESTING} (its own fields go 5 deep)`,
      };
    }
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v: unknown, i) => [i, v])
      : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, depth: depth + 1, key, parent: visit });
    }
  }
  return null;
}
