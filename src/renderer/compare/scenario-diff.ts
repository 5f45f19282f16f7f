// A diff of scenario settings: each document flattened to dotted paths (`machine.nodes[1].capacity`),
// then the paths whose values differ between any two documents.

export type Flat = Map<string, string>;

/**
 * Every leaf of a JSON value by its path; arrays by index, so node and workload order matters.
 * Empty objects and arrays have no leaves: `"knobs": {}` and no knobs at all say the same thing.
 */
export function flatten(value: unknown, path = '', out: Flat = new Map()): Flat {
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else {
    out.set(path, JSON.stringify(value));
  }
  return out;
}

export interface DiffRow {
  path: string;
  /** One per document; undefined where the document does not have the path. */
  values: (string | undefined)[];
  differs: boolean;
}

/** Rows for the union of paths, in first-seen order; `differs` when not every document agrees. */
export function diffScenarios(documents: readonly unknown[]): DiffRow[] {
  const flats = documents.map((d) => flatten(d));
  const paths = [...new Set(flats.flatMap((f) => [...f.keys()]))];
  return paths.map((path) => {
    const values = flats.map((f) => f.get(path));
    return { path, values, differs: values.some((v) => v !== values[0]) };
  });
}

/**
 * The document with every knob's value in effect (the kernel's default, overridden by the preset, then
 * by explicit knobs), so that "demotion_enabled: true" compares against "false", not against nothing.
 */
export function withEffectiveKnobs(
  doc: unknown,
  presetKnobs: (preset: string) => Record<string, unknown> | undefined,
): unknown {
  if (typeof doc !== 'object' || doc === null) return doc;
  const d = doc as { policy?: { preset?: unknown; knobs?: Record<string, unknown> } };
  const preset = typeof d.policy?.preset === 'string' ? d.policy.preset : 'linux';
  const base = presetKnobs(preset);
  if (!base) return doc;
  return { ...d, policy: { ...d.policy, preset, knobs: { ...base, ...d.policy?.knobs } } };
}

/**
 * The document with run.engine set to the engine that ran it (from its result), so a scenario that
 * leaves the engine to its default, or one written before run.engine existed, compares as it ran.
 */
export function withEngineThatRan(doc: unknown, engine: string | undefined): unknown {
  if (typeof doc !== 'object' || doc === null || engine === undefined) return doc;
  const d = doc as { run?: Record<string, unknown> };
  return { ...d, run: { ...d.run, engine } };
}
