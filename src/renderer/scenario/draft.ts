// The scenario being composed, kept as close to the file format as possible so that import, export
// and validation need no translation. Fields hold what the user typed until it parses: a size stays
// "1.5 GiB", a latency becomes 305, and unreadable text stays text for the validator to name.

export type DraftRecord = Record<string, unknown>;

export interface DraftNode extends DraftRecord {
  id: number;
  memory: string;
  capacity: string | number;
  cpus: number | string;
}

export interface DraftMachine extends DraftRecord {
  nodes: DraftNode[];
  /** Absent: the kernel's default of 10 local, 20 remote. */
  distances?: (number | string)[][];
  swap?: { capacity: string | number; device: string };
  /** USD per GiB by memory kind; absent: the defaults (shared/memory-cost.ts). */
  memoryPrices?: Record<string, unknown>;
}

export interface DraftWorkload extends DraftRecord {
  name: string;
  type: string;
}

export interface DraftPolicy extends DraftRecord {
  preset: string;
  knobs: Record<string, number | boolean | string | null | undefined>;
}

export interface DraftScenario extends DraftRecord {
  format: string;
  name: string;
  machine: DraftMachine;
  policy: DraftPolicy;
  workload: DraftWorkload[];
  run: DraftRecord;
}

export function isRecord(value: unknown): value is DraftRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function records(value: unknown): DraftRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** A draft from any JSON value (an imported file, a saved scenario); missing parts start empty. */
export function draftFromDocument(doc: unknown): DraftScenario {
  const o = isRecord(doc) ? doc : {};
  const m = isRecord(o.machine) ? o.machine : {};
  const p = isRecord(o.policy) ? o.policy : {};
  return {
    ...o,
    format: typeof o.format === 'string' ? o.format : 'tierlab.scenario/1',
    name: typeof o.name === 'string' ? o.name : '',
    machine: { ...m, nodes: records(m.nodes) as DraftNode[] },
    policy: {
      ...p,
      preset: typeof p.preset === 'string' ? p.preset : 'linux',
      knobs: (isRecord(p.knobs) ? p.knobs : {}) as DraftPolicy['knobs'],
    },
    workload: records(o.workload) as DraftWorkload[],
    run: isRecord(o.run) ? { ...o.run } : {},
  };
}

export function isDraftScenario(value: unknown): value is DraftScenario {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    isRecord(value.machine) &&
    Array.isArray(value.machine.nodes) &&
    isRecord(value.policy) &&
    Array.isArray(value.workload)
  );
}

/** The document to validate, save or export: empty fields (meaning "the default") left out. */
export function documentFromDraft(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(documentFromDraft);
  if (!isRecord(value)) return value;
  const out: DraftRecord = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === '') continue;
    out[k] = documentFromDraft(v);
  }
  return out;
}

/**
 * The JSON a draft of `doc` saves, to compare drafts with what was loaded or stored: `doc` goes
 * through the same draft round trip, so a saved document with no `run` is not "changed" by the
 * empty run settings the editor adds.
 */
export function draftJson(doc: unknown): string {
  return JSON.stringify(documentFromDraft(draftFromDocument(doc)));
}
