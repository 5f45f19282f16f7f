// Each workload type's own fields, with the defaults the parser fills in (shown as placeholders):
// the other half of the table the workload cards are drawn from (see ./workload-fields.ts).
import type { WorkloadField } from './workload-fields.ts';

const ENUM = (
  key: string,
  label: string,
  options: readonly string[],
  def: string,
  help: string,
): WorkloadField => ({
  key,
  label,
  kind: 'enum',
  options,
  default: def,
  help,
});

export const TYPE_FIELDS: Readonly<Partial<Record<string, readonly WorkloadField[]>>> = {
  usemem: [
    { key: 'size', label: 'Size', kind: 'size', help: 'Anonymous memory each thread maps and walks.' },
    { key: 'step', label: 'Step', kind: 'size', placeholder: 'page size', help: 'Stride of the walk.' },
    { key: 'repeats', label: 'Repeats', kind: 'int', placeholder: '1', help: 'Passes over the region.' },
    { key: 'readonly', label: 'Read only', kind: 'bool', default: false, help: 'Read instead of write.' },
    {
      key: 'random',
      label: 'Random',
      kind: 'bool',
      default: false,
      help: 'Random order instead of sequential.',
    },
  ],
  'usemem-stress-numa-compact': [
    {
      key: 'fraction',
      label: 'Fraction of RAM',
      kind: 'number',
      placeholder: '0.8',
      help: 'Of all nodes, split across threads.',
    },
    { key: 'loops', label: 'Loops', kind: 'int', placeholder: '60', help: 'usemem loops per iteration.' },
    { key: 'iterations', label: 'Iterations', kind: 'int', placeholder: '7', help: 'As mmtests runs it.' },
  ],
  'sysbench-memory': [
    { key: 'blockSize', label: 'Block size', kind: 'size', placeholder: '1KiB', help: '--memory-block-size' },
    {
      key: 'totalSize',
      label: 'Total size',
      kind: 'size',
      placeholder: '100GiB',
      help: '--memory-total-size',
    },
    ENUM('scope', 'Scope', ['global', 'local'], 'global', '--memory-scope'),
    ENUM('oper', 'Operation', ['read', 'write', 'none'], 'write', '--memory-oper'),
    ENUM('accessMode', 'Access', ['seq', 'rnd'], 'seq', '--memory-access-mode'),
    ENUM('randType', 'Random type', ['uniform', 'gaussian', 'pareto', 'zipfian'], 'uniform', '--rand-type'),
    { key: 'paretoH', label: 'Pareto h', kind: 'number', placeholder: '0.2', help: '--rand-pareto-h' },
  ],
  grep: [
    {
      key: 'corpus',
      label: 'Corpus',
      kind: 'size',
      help: 'Files streamed through the page cache with read().',
    },
    { key: 'passes', label: 'Passes', kind: 'int', placeholder: '1', help: 'Reads of the whole corpus.' },
  ],
  hotset: [
    {
      key: 'size',
      label: 'Size',
      kind: 'size',
      help: 'Region populated by writing each page, then accessed.',
    },
    ENUM('distribution', 'Distribution', ['uniform', 'normal', 'zipf', 'hot'], 'hot', 'Where accesses go.'),
    {
      key: 'hotFraction',
      label: 'Hot fraction',
      kind: 'number',
      placeholder: '0.2',
      help: '"hot": share of the region.',
    },
    {
      key: 'hotProbability',
      label: 'Hot probability',
      kind: 'number',
      placeholder: '0.8',
      help: '"hot": accesses going there.',
    },
    { key: 'zipfS', label: 'Zipf s', kind: 'number', placeholder: '0.99', help: '"zipf" exponent.' },
    {
      key: 'stddevFraction',
      label: 'Std dev',
      kind: 'number',
      placeholder: '0.1',
      help: '"normal": as a fraction of the region.',
    },
    {
      key: 'hotPosition',
      label: 'Hot position',
      kind: 'position',
      placeholder: 'head',
      help: 'head, tail or an offset (64MiB).',
    },
    {
      key: 'readRatio',
      label: 'Read ratio',
      kind: 'number',
      placeholder: '0.8',
      help: 'Share of accesses that read.',
    },
    {
      key: 'accesses',
      label: 'Accesses',
      kind: 'int',
      placeholder: 'until stopped',
      help: 'Total accesses, then it is done.',
    },
  ],
  trace: [
    {
      key: 'file',
      label: 'Trace file',
      kind: 'text',
      help: 'A Valgrind lackey --trace-mem=yes file (plain or gzip) on the lab host.',
    },
    { key: 'repeats', label: 'Repeats', kind: 'int', placeholder: '1', help: 'Replays of the whole trace.' },
  ],
  stream: [
    { key: 'node', label: 'Node', kind: 'node', help: 'The node whose memory it loads.' },
    {
      key: 'bandwidthGBps',
      label: 'Bandwidth',
      kind: 'number',
      unit: 'GB/s',
      help: 'Bytes per second it reads and writes there while on.',
    },
    {
      key: 'readRatio',
      label: 'Read ratio',
      kind: 'number',
      placeholder: '0.667',
      help: 'Share of its bytes read (STREAM triad: 2 reads per write).',
    },
    {
      key: 'onMs',
      label: 'Burst on',
      kind: 'ms',
      unit: 'ms',
      placeholder: 'always on',
      help: 'On for this long, then off for "Burst off", from its start.',
    },
    {
      key: 'offMs',
      label: 'Burst off',
      kind: 'ms',
      unit: 'ms',
      placeholder: 'always on',
      help: 'Off time between bursts; give both or neither.',
    },
  ],
  // multi-tenant: its VMs are a list, edited by ./vms-editor.tsx.
  'multi-tenant': [],
};
