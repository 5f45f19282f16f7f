// One arm as a scenario document: the file with the arm's knob values set and its name saying them,
// as `tierlab sweep` names its arms, so tune runs read as ordinary runs everywhere.
import { armName, setPath } from '../sweep/expand.ts';
import type { Settings } from './design.ts';

/** The scenario's knob settings by their file path, as a sweep's `--set policy.knobs.NAME` are. */
function asPaths(settings: Settings): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [`policy.knobs.${k}`, v]));
}

/** The engine a tune runs with: `rate` for speed, unless the file asks for `exact`. */
export function tuneEngine(document: unknown): 'rate' | 'exact' {
  const run = (document as { run?: { engine?: unknown } }).run;
  return run?.engine === 'exact' ? 'exact' : 'rate';
}

export function armDocument(document: unknown, settings: Settings): { name: string; document: unknown } {
  const doc = structuredClone(document);
  const paths = asPaths(settings);
  for (const [key, value] of Object.entries(paths)) setPath(doc, key, value);
  setPath(doc, 'run.engine', tuneEngine(document));
  const name = armName((document as { name?: unknown }).name, paths) ?? 'tune';
  setPath(doc, 'name', name);
  return { name, document: doc };
}
