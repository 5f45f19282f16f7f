import { describe, expect, it } from 'vitest';
import { editedExample, errorsOf, resolves, type Edit } from '../../../tests/support/shared/scenario.ts';

const wl0 = ['workload', 0] as const;
const second = (entry: object): Edit => [['workload', 1], { name: 'second', ...entry }];

/** [what is wrong, the edit, the path of the error, the message]. */
const CASES: [string, Edit, string, string][] = [
  [
    'an unknown workload type',
    [[...wl0, 'type'], 'fio'],
    'workload[0].type',
    'unknown workload type "fio"; types: usemem, usemem-stress-numa-compact, sysbench-memory, grep, hotset, trace, multi-tenant, stream',
  ],
  [
    'a workload without a type',
    [[...wl0, 'type'], undefined],
    'workload[0].type',
    "is required; a workload's type is one of usemem, usemem-stress-numa-compact, sysbench-memory, grep, hotset, trace, multi-tenant, stream",
  ],
  [
    'a usemem without a size',
    [[...wl0, 'size'], undefined],
    'workload[0].size',
    'is required; it must be a positive size such as "384MiB" or a number of bytes',
  ],
  ['zero threads', [[...wl0, 'threads'], 0], 'workload[0].threads', 'must be at least 1 (got 0)'],
  [
    'a thp that is not a boolean',
    [[...wl0, 'thp'], 'yes'],
    'workload[0].thp',
    'must be true or false (got "yes")',
  ],
  ['a negative start', [[...wl0, 'startMs'], -1], 'workload[0].startMs', 'must be at least 0 (got -1)'],
  [
    'an unknown mempolicy mode',
    [[...wl0, 'mempolicy', 'mode'], 'local'],
    'workload[0].mempolicy.mode',
    'must be one of "default", "bind", "preferred", "interleave", "weighted_interleave" (got "local")',
  ],
  [
    'a misspelt workload type',
    [[...wl0, 'type'], 'sysbench-mem'],
    'workload[0].type',
    'unknown workload type "sysbench-mem" (did you mean "sysbench-memory"?); types: usemem, usemem-stress-numa-compact, sysbench-memory, grep, hotset, trace, multi-tenant, stream',
  ],
  [
    'a sysbench operation it does not have',
    second({ type: 'sysbench-memory', oper: 'copy' }),
    'workload[1].oper',
    'must be one of "read", "write", "none" (got "copy")',
  ],
  [
    'a hot set in the middle',
    second({ type: 'hotset', size: '1GiB', hotPosition: 'middle' }),
    'workload[1].hotPosition',
    'must be "head", "tail" or an offset such as "64MiB" or a number of bytes (got "middle")',
  ],
  [
    'a phase without a time',
    second({ type: 'hotset', size: '1GiB', phases: [{ hotPosition: 'tail' }] }),
    'workload[1].phases[0].atMs',
    'is required',
  ],
  [
    'a stress run over none of RAM',
    second({ type: 'usemem-stress-numa-compact', fraction: 0 }),
    'workload[1].fraction',
    'must be greater than 0 (got 0)',
  ],
  [
    'a grep without a corpus',
    second({ type: 'grep' }),
    'workload[1].corpus',
    'is required; it must be a positive size such as "384MiB" or a number of bytes',
  ],
];

describe('the workload schema', () => {
  it.each(CASES)('rejects %s at the right path', (_what, edit, path, message) => {
    expect(errorsOf(editedExample(edit))).toEqual([{ path, message }]);
  });

  it('fills the defaults of every workload type', () => {
    const common = {
      cpu: 0,
      startMs: 0,
      stopMs: null,
      threads: 1,
      mempolicy: { mode: 'default', nodes: [], flags: [] },
      load: 1,
      dramShare: null,
    };
    const file = editedExample([
      ['workload'],
      [
        { name: 'u', type: 'usemem', size: '1MiB' },
        { name: 's', type: 'usemem-stress-numa-compact' },
        { name: 'b', type: 'sysbench-memory' },
        { name: 'g', type: 'grep', corpus: '1GiB' },
        { name: 'h', type: 'hotset', size: '1GiB' },
      ],
    ]);
    expect(resolves(file).workload).toEqual([
      {
        ...common,
        name: 'u',
        type: 'usemem',
        sizeBytes: 1 << 20,
        stepBytes: 4096,
        repeats: 1,
        readonly: false,
        random: false,
      },
      { ...common, name: 's', type: 'usemem-stress-numa-compact', fraction: 0.8, loops: 60, iterations: 7 },
      {
        ...common,
        name: 'b',
        type: 'sysbench-memory',
        blockSizeBytes: 1024,
        totalSizeBytes: 100 * 1024 ** 3,
        scope: 'global',
        oper: 'write',
        accessMode: 'seq',
        randType: 'uniform',
        paretoH: 0.2,
      },
      { ...common, name: 'g', type: 'grep', corpusBytes: 1024 ** 3, passes: 1 },
      {
        ...common,
        name: 'h',
        type: 'hotset',
        sizeBytes: 1024 ** 3,
        distribution: 'hot',
        hotFraction: 0.2,
        hotProbability: 0.8,
        zipfS: 0.99,
        stddevFraction: 0.1,
        hotPosition: 'head',
        readRatio: 0.8,
        accesses: null,
        phases: [],
      },
    ]);
  });

  it('reads hot set positions and phases as head, tail or byte offsets', () => {
    const s = resolves(
      editedExample(
        second({
          type: 'hotset',
          size: '1GiB',
          hotPosition: '512MiB',
          phases: [
            { atMs: 1000, hotPosition: 'tail' },
            { atMs: 2000, hotPosition: 4096 },
          ],
        }),
      ),
    );
    expect(s.workload[1]).toMatchObject({
      hotPosition: 512 * 1024 ** 2,
      phases: [
        { atMs: 1000, hotPosition: 'tail' },
        { atMs: 2000, hotPosition: 4096 },
      ],
    });
  });

  it('gives every parsed workload its own phase list, so editing one leaves the others alone', () => {
    const s = resolves(
      editedExample([
        ['workload'],
        [
          { name: 'a', type: 'hotset', size: '1MiB' },
          { name: 'b', type: 'hotset', size: '1MiB' },
        ],
      ]),
    );
    const [a, b] = s.workload;
    if (a?.type !== 'hotset' || b?.type !== 'hotset') throw new Error('expected two hot sets');
    a.phases.push({ atMs: 1, hotPosition: 'tail' });
    expect(b.phases).toEqual([]);
  });
});
