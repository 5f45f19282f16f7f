import { describe, expect, it } from 'vitest';
import { editedExample, errorsOf, resolves, type Edit } from '../../../tests/support/shared/scenario.ts';

const nodes = ['machine', 'nodes'] as const;
const wl0 = ['workload', 0] as const;

/** [what is wrong, the edits, the errors as "path: message"]. */
const CASES: [string, Edit[], string[]][] = [
  [
    'node ids out of order',
    [[[...nodes, 1, 'id'], 2]],
    ['machine.nodes[1].id: must be 1: ids are 0, 1, 2, ... in the order the nodes are listed (got 2)'],
  ],
  [
    'a duplicate node id',
    [[[...nodes, 1, 'id'], 0]],
    ['machine.nodes[1].id: duplicate node id 0; ids are 0, 1, 2, ... in the order the nodes are listed'],
  ],
  [
    'no node with CPUs',
    [
      [[...nodes, 0, 'cpus'], 0],
      [[...wl0, 'cpu'], undefined],
    ],
    [
      'machine.nodes: no node has CPUs; at least one needs "cpus" above 0 to run the workload (a CPU-less node only holds memory, like a PMEM or CXL expander)',
    ],
  ],
  [
    'a capacity below one page',
    [[[...nodes, 1, 'capacity'], 4095]],
    ['machine.nodes[1].capacity: must be at least one page (4KiB) (got 4095 bytes)'],
  ],
  [
    'a capacity below a larger page',
    [
      [['machine', 'pageSize'], '2MiB'],
      [[...nodes, 1, 'capacity'], '1MiB'],
      [[...wl0, 'step'], undefined],
    ],
    ['machine.nodes[1].capacity: must be at least one page (2MiB) (got 1MiB)'],
  ],
  [
    'a page size that is not a power of two',
    [[['machine', 'pageSize'], 3000]],
    ['machine.pageSize: must be a power of two of at least 4KiB (got 3000 bytes)'],
  ],
  [
    'a page size below 4KiB',
    [[['machine', 'pageSize'], '2KiB']],
    ['machine.pageSize: must be a power of two of at least 4KiB (got 2KiB)'],
  ],
  [
    'swap smaller than a page',
    [[['machine', 'swap', 'capacity'], 512]],
    ['machine.swap.capacity: must be at least one page (4KiB) (got 512B)'],
  ],
  [
    'a distance matrix with a missing row',
    [[['machine', 'distances'], [[10, 17]]]],
    ['machine.distances: must be a 2 x 2 matrix, one row per node (got 1 row)'],
  ],
  [
    'a short distance row',
    [[['machine', 'distances', 1], [17]]],
    ['machine.distances[1]: must have 2 entries, one per node (got 1)'],
  ],
  [
    'a local distance other than 10',
    [[['machine', 'distances', 1, 1], 12]],
    ["machine.distances[1][1]: a node's distance to itself must be 10 (got 12)"],
  ],
  [
    'remote distances out of the SLIT range',
    [
      [
        ['machine', 'distances'],
        [
          [10, 10],
          [255, 10],
        ],
      ],
    ],
    [
      'machine.distances[0][1]: a distance between two nodes must be from 11 to 254 (SLIT: 10 is local, 255 unreachable) (got 10)',
      'machine.distances[1][0]: a distance between two nodes must be from 11 to 254 (SLIT: 10 is local, 255 unreachable) (got 255)',
    ],
  ],
  [
    'a loaded-latency curve whose bandwidth does not increase',
    [
      [
        [...nodes, 1, 'loadedLatency'],
        [
          { bandwidthGBps: 3, latencyNs: 400 },
          { bandwidthGBps: 3, latencyNs: 500 },
        ],
      ],
    ],
    [
      "machine.nodes[1].loadedLatency[1].bandwidthGBps: must be above the point before's 3 GB/s: a curve's points go in order of increasing bandwidth (got 3)",
    ],
  ],
  [
    'a loaded-latency curve whose latency falls',
    [
      [
        [...nodes, 1, 'loadedLatency'],
        [
          { bandwidthGBps: 2, latencyNs: 500 },
          { bandwidthGBps: 4, latencyNs: 400 },
        ],
      ],
    ],
    [
      "machine.nodes[1].loadedLatency[1].latencyNs: must be at least the point before's 500 ns: loaded latency never falls as bandwidth rises (got 400)",
    ],
  ],
  [
    'a loaded-latency point at no bandwidth',
    [[[...nodes, 1, 'loadedLatency'], [{ bandwidthGBps: 0, latencyNs: 400 }]]],
    [
      'machine.nodes[1].loadedLatency[0].bandwidthGBps: must be above 0 GB/s: a curve starts from the idle latency at 0 and rises with bandwidth (got 0)',
    ],
  ],
  [
    'a loaded-latency curve that starts below the idle latency',
    [[[...nodes, 0, 'loadedLatency'], [{ bandwidthGBps: 5, latencyNs: 70 }]]],
    [
      "machine.nodes[0].loadedLatency[0].latencyNs: must be at least the node's idle read latency (81 ns): the curve rises from it at 0 GB/s (got 70)",
    ],
  ],
];

describe('the machine checks', () => {
  it.each(CASES)('reject %s', (_what, edits, expected) => {
    expect(errorsOf(editedExample(...edits)).map((e) => `${e.path}: ${e.message}`)).toEqual(expected);
  });

  it('accept an asymmetric distance matrix, as a SLIT may be', () => {
    const distances = [
      [10, 17],
      [28, 10],
    ];
    expect(resolves(editedExample([['machine', 'distances'], distances])).machine.distances).toEqual(
      distances,
    );
  });
});

describe('loaded-latency curves', () => {
  it("give a node without one its kind's shape at its own bandwidth and idle latency", () => {
    // PMEM at 6.6 GB/s and 305 ns: the shape's first point (30%, 1.1x) is (1.98 GB/s, 335.5 ns).
    const pmem = resolves(editedExample()).machine.nodes[1]!;
    expect(pmem.loadedLatency[0]!.bandwidthGBps).toBeCloseTo(1.98, 9);
    expect(pmem.loadedLatency[0]!.latencyNs).toBeCloseTo(335.5, 9);
    expect(pmem.loadedLatency.at(-1)!.bandwidthGBps).toBeCloseTo(6.6, 9);
  });

  it('keep the points a file gives', () => {
    const curve = [
      { bandwidthGBps: 5, latencyNs: 90 },
      { bandwidthGBps: 12, latencyNs: 180 },
    ];
    const s = resolves(editedExample([[...nodes, 0, 'loadedLatency'], curve]));
    expect(s.machine.nodes[0]!.loadedLatency).toEqual(curve);
  });
});

describe('machine size', () => {
  it('refuses more nodes than the engine models', () => {
    const many = Array.from({ length: 33 }, (_, id) => ({
      id,
      memory: 'dram',
      capacity: '64MiB',
      cpus: id === 0 ? 1 : 0,
    }));
    const errors = errorsOf(editedExample([nodes, many], [['machine', 'distances'], undefined]));
    expect(errors.map((e) => e.path)).toContain('machine.nodes');
  });
});
