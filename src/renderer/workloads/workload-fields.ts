// Every field of every workload type, with the default the parser fills in (shown as placeholder),
// its unit and a one-line help: the table the workload cards are drawn from.
export { TYPE_FIELDS } from './type-fields.ts';

export type FieldKind = 'text' | 'size' | 'int' | 'number' | 'ms' | 'bool' | 'enum' | 'node' | 'position';

export interface WorkloadField {
  key: string;
  label: string;
  kind: FieldKind;
  /** The default as the placeholder shows it; absent for required fields. */
  placeholder?: string;
  /** For bool and enum fields: the default value. */
  default?: string | boolean;
  unit?: string;
  options?: readonly string[];
  help: string;
}

export const COMMON_FIELDS: readonly WorkloadField[] = [
  { key: 'name', label: 'Name', kind: 'text', help: 'Names the task in results; unique per scenario.' },
  {
    key: 'cpu',
    label: 'CPU node',
    kind: 'node',
    placeholder: 'first with CPUs',
    help: 'The node whose CPUs run it.',
  },
  {
    key: 'threads',
    label: 'Threads',
    kind: 'int',
    placeholder: '1',
    help: 'Threads; each does the whole work.',
  },
  {
    key: 'startMs',
    label: 'Start',
    kind: 'ms',
    unit: 'ms',
    placeholder: '0',
    help: 'When it starts (3s, 500ms).',
  },
  {
    key: 'stopMs',
    label: 'Stop',
    kind: 'ms',
    unit: 'ms',
    placeholder: 'when done',
    help: 'Killed here; frees its anon memory.',
  },
  {
    key: 'load',
    label: 'Load',
    kind: 'number',
    placeholder: '1',
    help: 'Share of its time spent on memory references; the rest computes.',
  },
  {
    key: 'dramShare',
    label: 'DRAM share',
    kind: 'number',
    placeholder: 'none',
    help: 'Fast-tier share a placement daemon gives it (per-VM DRAM share).',
  },
  {
    key: 'thp',
    label: 'THP',
    kind: 'bool',
    default: false,
    help: 'madvise(MADV_HUGEPAGE) on its anonymous memory: 2 MiB pages when transparent_hugepage is madvise.',
  },
];

/** A stream antagonist runs no task: of the common fields it has only its name and its times. */
const STREAM_COMMON = new Set(['name', 'startMs', 'stopMs']);

/** The common fields an entry of `type` has (the schema refuses the others). */
export function commonFieldsFor(type: string): readonly WorkloadField[] {
  return type === 'stream' ? COMMON_FIELDS.filter((f) => STREAM_COMMON.has(f.key)) : COMMON_FIELDS;
}

/** Whether an entry of `type` takes a mempolicy: it does when it maps memory. */
export const hasMempolicy = (type: string): boolean => type !== 'stream';

/** Keyed by type name: a type the schema gains before this table does simply shows no own fields. */
export const TYPE_INFO: Readonly<Partial<Record<string, string>>> = {
  usemem: "vm-scalability's usemem: map anonymous memory and walk it.",
  'usemem-stress-numa-compact': "mmtests' usemem-stress-numa-compact: usemem over a fraction of all RAM.",
  'sysbench-memory': 'sysbench memory: a block-sized buffer walked in chunks.',
  grep: 'A recursive grep: page cache streaming past everything else.',
  hotset: 'pmbench-like: a populated region accessed with a skewed distribution; phases move the hot set.',
  trace: 'Replay of a real memory trace (Valgrind lackey), reference by reference.',
  'multi-tenant': 'Several VMs on one host, each a hot set with its own load and DRAM share (fairness).',
  stream:
    "A bandwidth antagonist (STREAM-like): loads one node's memory, in bursts if asked, as Colloid does.",
};

/** A new entry of `type` named so it does not clash with `taken`. */
export function newWorkload(
  type: string,
  taken: readonly string[],
): { name: string; type: string } & Record<string, unknown> {
  const name = uniqueName(
    type === 'usemem-stress-numa-compact' ? 'stress' : type.replace('-memory', ''),
    taken,
  );
  const needs: Partial<Record<string, Record<string, unknown>>> = {
    usemem: { size: '256MiB' },
    grep: { corpus: '1GiB' },
    hotset: { size: '256MiB' },
    trace: { file: '' },
    stream: { node: 0, bandwidthGBps: 10 },
    'multi-tenant': {
      vms: [
        { name: 'vm0', size: '256MiB' },
        { name: 'vm1', size: '256MiB' },
      ],
    },
  };
  return { name, type, ...needs[type] };
}

/** `base`, or `base-2`, `base-3`, ... whichever is not taken. */
export function uniqueName(base: string, taken: readonly string[]): string {
  let name = base;
  for (let i = 2; taken.includes(name); i++) name = `${base}-${i}`;
  return name;
}
