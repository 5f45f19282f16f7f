import { describe, expect, it } from 'vitest';
import { editedExample, errorsOf, resolves, type Edit } from '../../../tests/support/shared/scenario.ts';

const wl0 = ['workload', 0] as const;
const dram = (id: number, cpus = 2) => ({ id, memory: 'dram', capacity: '64MiB', cpus });
const stream = (extra: object) => ({ name: 'bw', type: 'stream', node: 0, bandwidthGBps: 8, ...extra });
const hotset = (extra: object) => ({ name: 'hot', type: 'hotset', size: '64MiB', ...extra });

/** [what is wrong, the edits, the errors as "path: message"]. */
const CASES: [string, Edit[], string[]][] = [
  [
    'thp on a workload with no anonymous memory',
    [[['workload', 1], { name: 'search', type: 'grep', corpus: '1GiB', thp: true }]],
    [
      'workload[1].thp: grep reads files through the page cache; thp (MADV_HUGEPAGE) applies to anonymous memory',
    ],
  ],
  [
    'a workload on a CPU-less node',
    [[[...wl0, 'cpu'], 1]],
    ['workload[0].cpu: node 1 has no CPUs to run "memhog" on; its "cpus" is 0'],
  ],
  [
    'a bind to a missing node',
    [
      [
        [...wl0, 'mempolicy', 'nodes'],
        [0, 2],
      ],
    ],
    ['workload[0].mempolicy.nodes[1]: node 2 does not exist; the machine has nodes 0-1'],
  ],
  [
    'a bind to no node',
    [[[...wl0, 'mempolicy', 'nodes'], []]],
    ['workload[0].mempolicy.nodes: mode "bind" needs at least one node'],
  ],
  [
    'an interleave over no node',
    [[[...wl0, 'mempolicy'], { mode: 'interleave' }]],
    ['workload[0].mempolicy.nodes: mode "interleave" needs at least one node'],
  ],
  [
    'a preferred mempolicy with two nodes',
    [[[...wl0, 'mempolicy'], { mode: 'preferred', nodes: [0, 1] }]],
    ['workload[0].mempolicy.nodes: mode "preferred" takes exactly one node (got 2)'],
  ],
  [
    'a default mempolicy with nodes',
    [[[...wl0, 'mempolicy'], { nodes: [1] }]],
    [
      'workload[0].mempolicy.nodes: must be empty for mode "default", which allocates on the local node first (got 1)',
    ],
  ],
  [
    'a node listed twice',
    [
      [
        [...wl0, 'mempolicy', 'nodes'],
        [0, 0],
      ],
    ],
    ['workload[0].mempolicy.nodes[1]: node 0 is listed twice'],
  ],
  [
    'the numa_balancing flag on a preferred mempolicy',
    [[[...wl0, 'mempolicy'], { mode: 'preferred', nodes: [0], flags: ['numa_balancing'] }]],
    [
      'workload[0].mempolicy.flags[0]: "numa_balancing" needs mode "bind": Linux 6.1 refuses MPOL_F_NUMA_BALANCING with mode "preferred" (EINVAL)',
    ],
  ],
  [
    'the numa_balancing flag on an interleave mempolicy',
    [[[...wl0, 'mempolicy'], { mode: 'interleave', nodes: [0, 1], flags: ['numa_balancing'] }]],
    [
      'workload[0].mempolicy.flags[0]: "numa_balancing" needs mode "bind": Linux 6.1 refuses MPOL_F_NUMA_BALANCING with mode "interleave" (EINVAL)',
    ],
  ],
  [
    'the numa_balancing flag on the default mempolicy',
    [[[...wl0, 'mempolicy'], { flags: ['numa_balancing'] }]],
    [
      'workload[0].mempolicy.flags[0]: "numa_balancing" needs mode "bind": Linux 6.1 refuses MPOL_F_NUMA_BALANCING with mode "default" (EINVAL); the default policy is balanced without it',
    ],
  ],
  [
    'a mempolicy flag listed twice',
    [
      [
        [...wl0, 'mempolicy', 'flags'],
        ['numa_balancing', 'numa_balancing'],
      ],
    ],
    ['workload[0].mempolicy.flags[1]: "numa_balancing" is listed twice'],
  ],
  [
    'a stop before the start',
    [
      [[...wl0, 'startMs'], 500],
      [[...wl0, 'stopMs'], 100],
    ],
    ['workload[0].stopMs: must be later than startMs (500) (got 100)'],
  ],
  [
    'two workloads of one name',
    [[['workload', 1], { name: 'memhog', type: 'grep', corpus: '1GiB' }]],
    ['workload[1].name: duplicate name "memhog" (also workload[0]); results name tasks by it'],
  ],
  [
    'a workload named like the task of a multi-tenant VM',
    [
      [[...wl0, 'name'], 'mt/a'],
      [['workload', 1], { name: 'mt', type: 'multi-tenant', cpu: 0, vms: [{ name: 'a', size: '1GiB' }] }],
    ],
    [
      'workload[1].vms[0].name: duplicate task name "mt/a" (also workload[0].name); results name tasks by it, and each VM of a multi-tenant workload runs as a task named <workload>/<vm>',
    ],
  ],
  [
    'an unnamed VM whose task a later workload names',
    [
      [['workload', 1], { name: 'mt', type: 'multi-tenant', cpu: 0, vms: [{ size: '1GiB' }] }],
      [['workload', 2], { name: 'mt/vm0', type: 'grep', corpus: '1GiB' }],
    ],
    [
      'workload[2].name: duplicate task name "mt/vm0" (also workload[1].vms[0]); results name tasks by it, and each VM of a multi-tenant workload runs as a task named <workload>/<vm>',
    ],
  ],
  [
    'a duplicate name too long to echo whole',
    [
      [['workload', 1], { name: 'memhog', type: 'grep', corpus: '1GiB' }],
      [[...wl0, 'name'], 'n'.repeat(100)],
      [['workload', 1, 'name'], 'n'.repeat(100)],
    ],
    [
      `workload[1].name: duplicate name "${'n'.repeat(60)}"…(100 bytes) (also workload[0]); results name tasks by it`,
    ],
  ],
  [
    'a hot set placed past its region',
    [[['workload', 1], hotset({ hotPosition: '64MiB' })]],
    ['workload[1].hotPosition: must lie inside the 64MiB region (got offset 64MiB)'],
  ],
  [
    'phases out of time order',
    [
      [
        ['workload', 1],
        hotset({
          phases: [
            { atMs: 2000, hotPosition: 'tail' },
            { atMs: 1000, hotPosition: 1 << 30 },
          ],
        }),
      ],
    ],
    [
      'workload[1].phases[1].atMs: phases must be in time order: 1000 comes after 2000',
      'workload[1].phases[1].hotPosition: must lie inside the 64MiB region (got offset 1GiB)',
    ],
  ],
  [
    'an antagonist on a missing node',
    [[['workload', 1], stream({ node: 3 })]],
    ['workload[1].node: node 3 does not exist; the machine has nodes 0-1'],
  ],
  [
    'an antagonist with no bandwidth',
    [[['workload', 1], stream({ bandwidthGBps: 0 })]],
    [
      'workload[1].bandwidthGBps: must be above 0 GB/s: the bandwidth the antagonist drives on its node (got 0)',
    ],
  ],
  [
    'antagonist bursts with an on time but no off time',
    [[['workload', 1], stream({ onMs: 10 })]],
    ['workload[1].offMs: is required with onMs: bursts are on for onMs, then off for offMs, over and over'],
  ],
  [
    'an antagonist given a mempolicy, which it has no pages for',
    [[['workload', 1], stream({ mempolicy: { mode: 'bind', nodes: [0] } })]],
    [
      'workload[1]: unknown field "mempolicy"; a stream workload has: type, name, startMs, stopMs, node, bandwidthGBps, readRatio, onMs, offMs',
    ],
  ],
];

describe('the workload checks', () => {
  it.each(CASES)('reject %s', (_what, edits, expected) => {
    expect(errorsOf(editedExample(...edits)).map((e) => `${e.path}: ${e.message}`)).toEqual(expected);
  });

  it('resolve a stream antagonist with no thread and a STREAM triad read ratio', () => {
    const w = resolves(editedExample([['workload', 1], stream({ onMs: 5, offMs: 15 })])).workload[1];
    expect(w).toMatchObject({ type: 'stream', node: 0, bandwidthGBps: 8, threads: 0, onMs: 5, offMs: 15 });
    expect(w?.type === 'stream' && w.readRatio).toBeCloseTo(2 / 3, 12);
  });

  it('run a workload that names no CPU node on the first node with CPUs', () => {
    const s = resolves(
      editedExample(
        [
          ['machine', 'nodes'],
          [dram(0, 0), dram(1, 0), dram(2, 4)],
        ],
        [['machine', 'distances'], undefined],
        [[...wl0, 'cpu'], undefined],
        [[...wl0, 'mempolicy'], undefined],
      ),
    );
    expect(s.workload[0]?.cpu).toBe(2);
  });

  it('take the numa_balancing flag on a bind mempolicy, as set_mempolicy(MPOL_BIND | MPOL_F_NUMA_BALANCING) does', () => {
    const s = resolves(editedExample([[...wl0, 'mempolicy', 'flags'], ['numa_balancing']]));
    expect(s.workload[0]?.mempolicy).toEqual({ mode: 'bind', nodes: [0], flags: ['numa_balancing'] });
  });
});
