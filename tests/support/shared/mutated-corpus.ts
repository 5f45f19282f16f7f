// A deterministic corpus of broken scenario files made from valid ones, for the test that each is
// refused cleanly or runs: wrong types and out-of-range values at every field, cross-field
// mistakes, nesting too deep and huge names. Text and byte mutants are in ./mutated-bytes.ts.

export type MutantKind =
  'wrong-type' | 'out-of-range' | 'cross-field' | 'too-deep' | 'huge-text' | 'truncated' | 'encoding';

/** A broken file as a JSON value, as text, or as bytes (for what only the file reader sees). */
export type Mutant = { kind: MutantKind; name: string } & (
  { document: unknown } | { text: string } | { bytes: Uint8Array }
);

export interface Seed {
  name: string;
  document: unknown;
}

type Path = (string | number)[];
type Json = Record<string | number, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** Every path in a value, containers before what they hold, in key order. */
export function pathsOf(value: unknown, path: Path = []): Path[] {
  if (!isObject(value)) return [path];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [path, ...keys.flatMap((k) => pathsOf(value[k], [...path, k]))];
}

const at = (doc: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), doc);

/** A copy of `doc` with `value` at `path` (undefined deletes it); missing parents are created. */
export function edited(doc: unknown, ...edits: [Path, unknown][]): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(doc));
  for (const [path, value] of edits) {
    let parent = copy as Json;
    for (const k of path.slice(0, -1)) {
      if (!isObject(parent[k])) parent[k] = {};
      parent = parent[k] as Json;
    }
    const last = path[path.length - 1]!;
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}

export const showPath = (path: Path): string =>
  path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('') || '(root)';

/** Values of other JSON types than the one found: three per field. */
function wrongTypes(value: unknown): unknown[] {
  if (typeof value === 'string') return [7, null, {}];
  if (typeof value === 'number') return [String(value), true, []];
  if (typeof value === 'boolean') return [String(value), 1, null];
  if (Array.isArray(value)) return [{}, 'list', 1];
  if (isObject(value)) return [[], 'object', null];
  return ['null', 0, false];
}

const SIZE_TEXT = /^\d+(\.\d+)?\s*[KMGT]i?B$/i;
const NUMBERS = [-1, 0, 0.5, 1e300, 2 ** 53, 'NaN'];
const SIZES = ['0', '-1MiB', '1e300', '16TiB', '1024TiB', 'NaN'];

function outOfRange(value: unknown): unknown[] {
  if (typeof value === 'number') return NUMBERS;
  if (typeof value === 'string' && SIZE_TEXT.test(value)) return SIZES;
  return [];
}

/** Objects nested `levels` deep: {"a": {"a": ... {}}}. */
export function nestedObjects(levels: number): unknown {
  let value: unknown = {};
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

/** Out-of-range values for fields the seeds may leave out, so they are tried too. */
const ABSENT_OUT_OF_RANGE: [Path, unknown][] = [
  [['machine', 'nodes', 1, 'adistance'], 1e15],
  [['machine', 'nodes', 1, 'adistance'], -1],
  [['workload', 0, 'threads'], 1e9],
  [['workload', 0, 'threads'], 0],
  [['machine', 'pageSize'], '2GiB'],
  [['run', 'tickMs'], 1e-9],
];

function fieldMutants(seed: Seed): Mutant[] {
  const absent = ABSENT_OUT_OF_RANGE.map(([path, v]): Mutant => ({
    kind: 'out-of-range',
    name: `${seed.name} out-of-range ${showPath(path)} = ${JSON.stringify(v)}`,
    document: edited(seed.document, [path, v]),
  }));
  const present = pathsOf(seed.document)
    .filter((path) => path.length > 0)
    .flatMap((path): Mutant[] => {
      const value = at(seed.document, path);
      const mutant = (kind: MutantKind) => (v: unknown) => ({
        kind,
        name: `${seed.name} ${kind} ${showPath(path)} = ${JSON.stringify(v)}`,
        document: edited(seed.document, [path, v]),
      });
      return [
        ...wrongTypes(value).map(mutant('wrong-type')),
        ...outOfRange(value).map(mutant('out-of-range')),
      ];
    });
  return [...present, ...absent];
}

/** Mistakes only visible from two fields at once, on the seed's own machine and first workload. */
function crossFieldEdits(doc: unknown): [string, [Path, unknown][]][] {
  const nodes = (at(doc, ['machine', 'nodes']) as Json[] | undefined) ?? [];
  const cpuless = nodes.findIndex((n) => n.cpus === 0);
  const tick = (at(doc, ['run', 'tickMs']) as number | undefined) ?? 10;
  const name = at(doc, ['workload', 0, 'name']);
  // New entries go after the seed's own, at n and n + 1.
  const n = (at(doc, ['workload']) as unknown[] | undefined)?.length ?? 0;
  const small = { type: 'grep', corpus: '4KiB', cpu: 0 };
  return [
    ['cpu on a CPU-less node', [[['workload', 0, 'cpu'], cpuless < 0 ? nodes.length : cpuless]]],
    ['bind to a missing node', [[['workload', 0, 'mempolicy'], { mode: 'bind', nodes: [nodes.length] }]]],
    [
      'NUMA balancing asked of a preferred policy',
      [[['workload', 0, 'mempolicy'], { mode: 'preferred', nodes: [0], flags: ['numa_balancing'] }]],
    ],
    ['duplicate node ids', [[['machine', 'nodes', 1, 'id'], 0]]],
    ['no node with CPUs', nodes.map((_, i): [Path, unknown] => [['machine', 'nodes', i, 'cpus'], 0])],
    ['sample interval below the tick', [[['run', 'sampleEveryMs'], tick / 2]]],
    ['sample interval not a whole number of ticks', [[['run', 'sampleEveryMs'], tick * 1.5]]],
    ['a 1 x 1 distance matrix', [[['machine', 'distances'], [[10]]]]],
    [
      'stop before start',
      [
        [['workload', 0, 'startMs'], 500],
        [['workload', 0, 'stopMs'], 100],
      ],
    ],
    ['two workloads of one name', [[['workload', n], { ...small, name }]]],
    [
      'a workload named like a VM task',
      [
        [['workload', n], { name: 'mt', type: 'multi-tenant', cpu: 0, vms: [{ name: 'a', size: '4KiB' }] }],
        [['workload', n + 1], { ...small, name: 'mt/a' }],
      ],
    ],
    [
      'nodes too large together',
      nodes.map((_, i): [Path, unknown] => [['machine', 'nodes', i, 'capacity'], '5TiB']),
    ],
    [
      'workloads too large together',
      [
        [['workload', n], { ...small, name: 'big1', corpus: '5TiB' }],
        [['workload', n + 1], { ...small, name: 'big2', corpus: '5TiB' }],
      ],
    ],
    [
      'threads too many together',
      [
        [['workload', n], { ...small, name: 't1', threads: 3000 }],
        [['workload', n + 1], { ...small, name: 't2', threads: 3000 }],
      ],
    ],
    [
      'a demotion knob on a kernel without demotion',
      [[['policy'], { preset: 'no-tiering', knobs: { demotion_enabled: true } }]],
    ],
    [
      'damon regions min above max',
      [
        [['policy', 'knobs', 'damon_min_nr_regions'], 500],
        [['policy', 'knobs', 'damon_max_nr_regions'], 10],
      ],
    ],
  ];
}

/** Cross-field mistakes, deep nesting and huge names, per seed. */
function structuralMutants(seed: Seed): Mutant[] {
  const out: Mutant[] = crossFieldEdits(seed.document).map(([what, edits]) => ({
    kind: 'cross-field',
    name: `${seed.name} cross-field ${what}`,
    document: edited(seed.document, ...edits.filter(([p]) => p.length > 0)),
  }));
  const deepAt: Path[] = [
    ['policy', 'knobs'],
    ['name'],
    ['machine', 'nodes', 0],
    ['workload', 0, 'mempolicy'],
    ['run'],
  ];
  for (const path of deepAt) {
    for (const levels of [65, 6000]) {
      out.push({
        kind: 'too-deep',
        name: `${seed.name} too-deep ${showPath(path)} ${levels} levels`,
        document: edited(seed.document, [path, nestedObjects(levels)]),
      });
    }
  }
  const huge = 'x'.repeat(10 * 1024 * 1024);
  const hugeEdits: [string, Path, unknown][] = [
    ['10 MB knob name', ['policy', 'knobs'], { [huge]: 1 }],
    ['10 MB field name in a node', ['machine', 'nodes', 0, huge], true],
    ['10 MB preset name', ['policy', 'preset'], huge],
    ['10 MB workload type', ['workload', 0, 'type'], huge],
    ['1 MB capacity text', ['machine', 'nodes', 0, 'capacity'], huge.slice(0, 1 << 20)],
    [
      '100000 unknown knobs',
      ['policy', 'knobs'],
      Object.fromEntries(Array.from({ length: 1e5 }, (_, i) => [`k${i}`, i])),
    ],
  ];
  for (const [what, path, value] of hugeEdits) {
    out.push({
      kind: 'huge-text',
      name: `${seed.name} huge-text ${what}`,
      document: edited(seed.document, [path, value]),
    });
  }
  return out;
}

/** Every document-level mutant of every seed, in a fixed order. */
export function documentMutants(seeds: readonly Seed[]): Mutant[] {
  return seeds.flatMap((seed) => [...fieldMutants(seed), ...structuralMutants(seed)]);
}
