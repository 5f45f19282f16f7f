import { describe, expect, it } from 'vitest';
import { editedExample, errorsOf, resolves, type Edit } from '../../../tests/support/shared/scenario.ts';

// The example's node 1 is 768MiB of CPU-less PMEM: six 128MiB memory blocks.
const hotplug = ['machine', 'nodes', 1, 'hotplug'] as const;

/** [what is wrong, the edits, the errors as "path: message"]. */
const CASES: [string, Edit[], string[]][] = [
  [
    'a node offlined that was never online',
    [[hotplug, { offlineAtMs: 500 }]],
    [
      'machine.nodes[1].hotplug.offlineAtMs: node 1 is offlined at 500 ms but never onlined; set hotplug.onlineAtMs before it',
    ],
  ],
  [
    'an offline before the online',
    [[hotplug, { onlineAtMs: 500, offlineAtMs: 400 }]],
    [
      'machine.nodes[1].hotplug.offlineAtMs: must be after hotplug.onlineAtMs (500): memory goes offline only once it is online (got 400)',
    ],
  ],
  [
    'a time past the run',
    [[hotplug, { onlineAtMs: 60000 }]],
    ["machine.nodes[1].hotplug.onlineAtMs: is past the run's end (run.durationMs 60000) (got 60000)"],
  ],
  [
    'a block size that is not a power-of-two multiple of the page size',
    [
      [hotplug, { onlineAtMs: 10 }],
      [['machine', 'memoryBlockSize'], '96MiB'],
    ],
    [
      'machine.memoryBlockSize: must be a power-of-two multiple of the page size (4KiB) and at least a pageblock (2MiB), as sysfs memory blocks are (got 96MiB)',
    ],
  ],
  [
    'a capacity that is not whole memory blocks',
    [
      [hotplug, { onlineAtMs: 10 }],
      [['machine', 'nodes', 1, 'capacity'], '200MiB'],
    ],
    [
      'machine.nodes[1].capacity: must be a whole number of memory blocks (128MiB) for a hot-plugged node; dax/kmem only adds whole blocks (got 200MiB)',
    ],
  ],
  [
    'a hot-plugged node with CPUs',
    [
      [hotplug, { onlineAtMs: 10 }],
      [['machine', 'nodes', 1, 'cpus'], 2],
    ],
    [
      "machine.nodes[1].cpus: must be 0 for a hot-plugged node: dax/kmem adds a device's memory to a CPU-less node (got 2)",
    ],
  ],
  [
    'an unknown online mode',
    [[hotplug, { onlineAtMs: 10, mode: 'offline' }]],
    ['machine.nodes[1].hotplug.mode: must be "online" or "online_movable" (got "offline")'],
  ],
];

describe('the hot-plug checks', () => {
  it.each(CASES)('refuse %s', (_what, edits, expected) => {
    expect(errorsOf(editedExample(...edits)).map((e) => `${e.path}: ${e.message}`)).toEqual(expected);
  });

  it('accept a node onlined movable and offlined later, in 16MiB blocks', () => {
    const s = resolves(
      editedExample(
        [hotplug, { onlineAtMs: 100, offlineAtMs: 900 }],
        [['machine', 'memoryBlockSize'], '16MiB'],
      ),
    );
    expect(s.machine.nodes[1]!.hotplug).toEqual({
      onlineAtMs: 100,
      offlineAtMs: 900,
      mode: 'online_movable',
    });
    expect(s.machine.memoryBlockBytes).toBe(16 * 2 ** 20);
  });
});
