// Parameter sweeps: the cartesian product of `--set KEY=V1,V2` settings over a scenario document,
// times `--repeat` seeds, optionally cut into shards so a scheduler can spread them over machines.

export interface SweepSetting {
  /** Dotted path into the scenario file: `policy.knobs.numa_balancing`, `machine.nodes.0.capacity`. */
  key: string;
  values: unknown[];
}

export interface SweepItem {
  /** Position in the whole sweep (before sharding): stable across shards, so files never collide. */
  index: number;
  settings: Record<string, unknown>;
  seed: number;
  document: unknown;
}

/**
 * Settings whose values are names, kept as written: `--set policy.kernel=6.1,6.12` means the
 * versions "6.1" and "6.12", not the numbers 6.1 and 6.12 (which would also make "6.10" 6.1).
 */
const NAME_KEYS: ReadonlySet<string> = new Set(['policy.kernel', 'policy.preset', 'run.engine']);

/**
 * Parses `KEY=V1,V2,...`; each value is JSON when it reads as JSON (numbers, true), else a string,
 * and always a string for a key in NAME_KEYS.
 */
export function parseSetting(text: string): SweepSetting {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new Error(`--set wants KEY=V1,V2,... (got "${text}")`);
  const key = text.slice(0, eq).trim();
  // Each combination's seeds come from --repeat; a swept seed would be overwritten by them.
  if (key === 'run.seed')
    throw new Error(
      "--set run.seed: seeds are not swept with --set; use --repeat N for N seeds from the file's run.seed",
    );
  const values = text
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim())
    .map((v) => {
      if (NAME_KEYS.has(key)) return v;
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return v;
      }
    });
  return { key, values };
}

/** Parses `I/N` with 0 <= I < N (0-based, as Kubernetes' JOB_COMPLETION_INDEX). */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index >= count) throw new Error(`--shard wants I/N with 0 <= I < N (got "${text}")`);
  return { index, count };
}

/** Sets `value` at a dotted path, creating objects on the way; numeric segments index arrays. */
export function setPath(doc: unknown, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = doc as Record<string, unknown>;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    if (node[part] === undefined || node[part] === null) node[part] = /^\d+$/.test(parts[i + 1]!) ? [] : {};
    else if (typeof node[part] !== 'object')
      throw new Error(`${key}: ${parts.slice(0, i + 1).join('.')} is not an object`);
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

/** How a setting reads in an arm's name: a knob by its kernel name, anything else by its path. */
function settingLabel(key: string, value: unknown): string {
  const name = key.startsWith('policy.knobs.') ? key.slice('policy.knobs.'.length) : key;
  return `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

/**
 * The scenario's name with the settings of one arm appended, so the runs of a sweep can be told
 * apart wherever a run is named: `usemem [numa_balancing=2, machine.nodes.0.capacity=1GiB]`.
 */
export function armName(baseName: unknown, combo: Record<string, unknown>): string | undefined {
  const labels = Object.entries(combo).map(([k, v]) => settingLabel(k, v));
  if (labels.length === 0) return typeof baseName === 'string' ? baseName : undefined;
  return `${typeof baseName === 'string' ? baseName : 'sweep'} [${labels.join(', ')}]`;
}

/**
 * Every combination of settings (the first --set varies slowest), each run `repeat` times with
 * consecutive seeds from the document's; with a shard, every count-th item from index on.
 */
export function expandSweep(
  document: unknown,
  baseSeed: number,
  settings: readonly SweepSetting[],
  repeat = 1,
  shard: { index: number; count: number } = { index: 0, count: 1 },
): SweepItem[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const s of settings) combos = combos.flatMap((c) => s.values.map((v) => ({ ...c, [s.key]: v })));
  const items: SweepItem[] = [];
  let index = 0;
  for (const combo of combos) {
    for (let r = 0; r < repeat; r++, index++) {
      if (index % shard.count !== shard.index) continue;
      const doc = structuredClone(document);
      for (const [key, value] of Object.entries(combo)) setPath(doc, key, value);
      const name = armName((document as { name?: unknown }).name, combo);
      if (name !== undefined && !('name' in combo)) setPath(doc, 'name', name);
      const seed = (baseSeed + r) >>> 0;
      setPath(doc, 'run.seed', seed);
      items.push({ index, settings: combo, seed, document: doc });
    }
  }
  return items;
}
