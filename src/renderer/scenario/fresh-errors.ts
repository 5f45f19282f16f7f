// Which of the validator's errors still describe the document on screen. An answer is for the
// document as it was when sent; while the next check is on its way, an error whose field has been
// edited since is hidden rather than shown against text it no longer describes.
import type { ScenarioError } from '../../shared/scenario/index.ts';

const STEP = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** The keys of a path as formatPath writes it (`a.b[0]["odd key"]`), or null if it is not one. */
export function pathKeys(path: string): (string | number)[] | null {
  const keys: (string | number)[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < path.length) {
    const m = STEP.exec(path);
    if (!m) return null;
    keys.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string)));
  }
  return keys;
}

/** The value at `keys` inside `doc`, or undefined where the path leads nowhere. */
function valueAt(doc: unknown, keys: readonly (string | number)[]): unknown {
  let v = doc;
  for (const k of keys) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/**
 * The errors of `checked` (the validated document) whose field holds the same value in `current`.
 * An error at a path we cannot read is kept: hiding it could hide the only clue.
 */
export function freshErrors(
  errors: readonly ScenarioError[],
  checked: unknown,
  current: unknown,
): ScenarioError[] {
  return errors.filter((e) => {
    const keys = pathKeys(e.path);
    if (keys === null) return true;
    return JSON.stringify(valueAt(checked, keys)) === JSON.stringify(valueAt(current, keys));
  });
}
