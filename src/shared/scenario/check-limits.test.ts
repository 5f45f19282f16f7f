import { describe, expect, it } from 'vitest';
import { editedExample, errorsOf, resolves, type Edit } from '../../../tests/support/shared/scenario.ts';

const nodes = ['machine', 'nodes'] as const;
const wl0 = ['workload', 0] as const;
const FRAMES = '(at most 2147483646 page frames = 8TiB less 8KiB at 4KiB pages)';
const VPAGES = '(at most 2147483648 virtual pages = 8TiB at 4KiB pages, over all workloads)';
const tenants = (vms: unknown[], threads = 1): Edit => [
  ['workload', 1],
  { name: 'host', type: 'multi-tenant', cpu: 0, threads, vms },
];

/** [what is wrong, the edits, the errors as "path: message"]. */
const CASES: [string, Edit[], string[]][] = [
  [
    'a node past the page-frame encoding',
    [[[...nodes, 1, 'capacity'], '16TiB']],
    [`machine.nodes[1].capacity: 16TiB is more than the engine can hold ${FRAMES}`],
  ],
  [
    'nodes that fit alone but not together',
    [
      [[...nodes, 0, 'capacity'], '5TiB'],
      [[...nodes, 1, 'capacity'], '5TiB'],
    ],
    [
      `machine.nodes: together the nodes hold 2684354560 page frames (10TiB), more than the engine can hold ${FRAMES}`,
    ],
  ],
  [
    'a workload past the virtual-page encoding',
    [[[...wl0, 'size'], '1024TiB']],
    [`workload[0].size: 1024TiB is more than the engine can hold ${VPAGES}`],
  ],
  [
    'usemem threads that map too much between them',
    [
      [[...wl0, 'size'], '3TiB'],
      [[...wl0, 'threads'], 4],
    ],
    [`workload[0].size: 3TiB in each of 4 threads is more than the engine can hold ${VPAGES}`],
  ],
  [
    'workloads that fit alone but not together',
    [
      [[...wl0, 'size'], '5TiB'],
      [['workload', 1], { name: 'cat', type: 'grep', corpus: '5TiB' }],
    ],
    [
      `workload: together the workloads map 2684354560 virtual pages (10TiB), more than the engine can hold ${VPAGES}`,
    ],
  ],
  [
    'VMs past the virtual-page encoding',
    [tenants([{ size: '6TiB' }, { size: '6TiB' }])],
    [`workload[1].vms: the VMs' 12TiB is more than the engine can hold ${VPAGES}`],
  ],
  [
    'a billion threads',
    [[[...wl0, 'threads'], 1e9]],
    [
      'workload[0].threads: 1000000000 is more than the engine runs (at most 4096 threads over all workloads)',
    ],
  ],
  [
    'threads in every VM of a multi-tenant host',
    [tenants([{ size: '1GiB' }, { size: '1GiB' }, { size: '1GiB' }], 2000)],
    [
      'workload[1].threads: 2000 in each VM, 6000 in all, is more than the engine runs (at most 4096 threads over all workloads)',
    ],
  ],
  [
    'threads that fit per workload but not together',
    [
      [[...wl0, 'threads'], 4000],
      [[...wl0, 'size'], '4KiB'],
      [['workload', 1], { name: 'cat', type: 'grep', corpus: '1GiB', threads: 100 }],
    ],
    ['workload: together the workloads run 4100 threads; the engine runs at most 4096'],
  ],
  [
    'a tick so short the run has more than 1e8 of them',
    [[['run', 'tickMs'], 1e-9]],
    [
      'run.tickMs: a 60000 ms run in ticks of 1e-9 ms is 6e13 ticks; the engine runs at most 1e8, each a pass over every task and node (make tickMs longer or durationMs shorter)',
    ],
  ],
  [
    'samples that would not fit in memory',
    [
      [['run', 'durationMs'], 1e9],
      [['run', 'tickMs'], 100],
    ],
    [
      'run.sampleEveryMs: a 1000000000 ms run sampled every 100 ms is 1e7 samples of 2 nodes; the engine keeps at most 1e6 node rows of 1072 bytes (1072 MB) (make sampleEveryMs longer or durationMs shorter)',
    ],
  ],
  [
    'a run longer than 32-bit milliseconds',
    [[['run', 'durationMs'], 1e12]],
    [
      'run.durationMs: must be at most 4294967295 (about 49.7 days): pages keep times as 32-bit milliseconds (got 1000000000000)',
    ],
  ],
  [
    'an adistance past the kernel int',
    [[[...nodes, 1, 'adistance'], 1e15]],
    [
      'machine.nodes[1].adistance: must be at most 2147483647: adistance is an int in the kernel, and its tier (adistance >> 7) runs from memory_tier0 to memory_tier16777215 (got 1000000000000000)',
    ],
  ],
  [
    'a latency and a bandwidth past what HMAT reports',
    [
      [[...nodes, 1, 'readLatencyNs'], 2 ** 53],
      [[...nodes, 1, 'writeBandwidthGBps'], 1e300],
    ],
    [
      'machine.nodes[1].readLatencyNs: must be at most 4294967295 ns, what HMAT reports in an unsigned int (got 9007199254740992)',
      'machine.nodes[1].writeBandwidthGBps: must be at most 4294967.295 GB/s, what HMAT reports as an unsigned int of MB/s (got 1e+300)',
    ],
  ],
  [
    'a page larger than 1GiB',
    [[['machine', 'pageSize'], '2GiB']],
    [
      'machine.pageSize: must be at most 1GiB, the largest page x86-64 maps; the engine shifts page sizes as 32-bit ints (got 2GiB)',
    ],
  ],
];

describe('the engine limit checks', () => {
  it.each(CASES)('reject %s', (_what, edits, expected) => {
    expect(errorsOf(editedExample(...edits)).map((e) => `${e.path}: ${e.message}`)).toEqual(expected);
  });

  it.each<[string, Edit[]]>([
    [
      'nodes of exactly the most page frames',
      [[[...nodes, 0, 'capacity'], (2 ** 31 - 2) * 4096 - 768 * 1024 ** 2]],
    ],
    ['a workload of exactly the most virtual pages', [[[...wl0, 'size'], '8TiB']]],
    [
      'the most threads',
      [
        [[...wl0, 'threads'], 4096],
        [[...wl0, 'size'], '4KiB'],
      ],
    ],
    ['the largest adistance', [[[...nodes, 1, 'adistance'], 2 ** 31 - 1]]],
    ['the most ticks', [[['run'], { durationMs: 781250, tickMs: 2 ** -7, sampleEveryMs: 3.125 }]]],
    ['the most sample rows', [[['run'], { durationMs: 999998, tickMs: 1, sampleEveryMs: 2 }]]],
    ['the longest run', [[['run'], { durationMs: 2 ** 32 - 1, tickMs: 100, sampleEveryMs: 10000 }]]],
    [
      'the largest page',
      [
        [['machine', 'pageSize'], '1GiB'],
        [[...nodes, 0, 'capacity'], '2GiB'],
        [[...nodes, 1, 'capacity'], '2GiB'],
      ],
    ],
  ])('accept %s', (_what, edits) => {
    expect(resolves(editedExample(...edits)).name).toBeTruthy();
  });
});
