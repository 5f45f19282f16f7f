import { describe, expect, it } from 'vitest';
import { example1, makeMachine, makeNode } from '../../../tests/support/engine/machines.ts';
import { nodeStates } from './node-states.ts';
import { buildZonelists, fallbackOrderLog } from './zonelist.ts';

const zonelists = (m: ReturnType<typeof example1>) => buildZonelists(m, nodeStates(m));

describe('build_zonelists fallback order', () => {
  it('starts local and then goes by distance (Example 1 machine)', () => {
    // Node 3: node 2 scores 40 + 1 (below us) = 41, node 0 scores 40 + 1 + 1 (CPUs) = 42.
    expect(zonelists(example1())).toEqual([
      [0, 1, 2, 3],
      [1, 0, 3, 2],
      [2, 0, 3, 1],
      [3, 1, 2, 0],
    ]);
  });

  it("keeps DRAM and PMEM/CXL nodes apart with Wu's patch 10, and a memoryless node keeps the full list", () => {
    const m = makeMachine(
      [
        makeNode(0, 'dram', { cpus: 4 }),
        makeNode(1, 'dram', { cpus: 4 }),
        makeNode(2, 'pmem'),
        makeNode(3, 'cxl'),
        makeNode(4, 'pmem', { cpus: 4, capacityBytes: 0 }),
      ],
      [
        [10, 20, 17, 30, 17],
        [20, 10, 30, 17, 30],
        [17, 30, 10, 30, 10],
        [30, 17, 30, 10, 30],
        [17, 30, 10, 30, 10],
      ],
    );
    expect(buildZonelists(m, nodeStates(m))[0]).toEqual([0, 2, 1, 3]);
    // Separate: DRAM nodes fall back to DRAM only, PMEM and CXL (the series' "PMEM" kind) to each other.
    expect(buildZonelists(m, nodeStates(m), true)).toEqual([
      [0, 1],
      [1, 0],
      [2, 3],
      [3, 2],
      [2, 3],
    ]);
  });

  it('prefers a CPU-less node over a CPU node at the same distance', () => {
    const m = makeMachine(
      [makeNode(0, 'dram', { cpus: 4 }), makeNode(1, 'dram', { cpus: 4 }), makeNode(2, 'cxl')],
      [
        [10, 20, 20],
        [20, 10, 20],
        [20, 20, 10],
      ],
    );
    expect(zonelists(m)[0]).toEqual([0, 2, 1]);
  });

  it('prefers the node above over the node below at the same distance', () => {
    const m = makeMachine(
      [makeNode(0, 'cxl'), makeNode(1, 'dram', { cpus: 4 }), makeNode(2, 'cxl')],
      [
        [10, 20, 20],
        [20, 10, 20],
        [20, 20, 10],
      ],
    );
    expect(zonelists(m)[1]).toEqual([1, 2, 0]);
  });

  it('breaks a full tie by the lower index, as it ignores node_load', () => {
    const m = makeMachine(
      [makeNode(0, 'dram', { cpus: 4 }), makeNode(1, 'cxl'), makeNode(2, 'cxl')],
      [
        [10, 20, 20],
        [20, 10, 20],
        [20, 20, 10],
      ],
    );
    expect(zonelists(m)[0]).toEqual([0, 1, 2]);
  });

  it('leaves memoryless nodes out, and a memoryless node starts at its nearest node', () => {
    const m = makeMachine(
      [
        makeNode(0, 'dram', { cpus: 4 }),
        makeNode(1, 'dram', { cpus: 4, capacityBytes: 0 }),
        makeNode(2, 'cxl'),
      ],
      [
        [10, 20, 30],
        [20, 10, 30],
        [30, 30, 10],
      ],
    );
    expect(zonelists(m)).toEqual([
      [0, 2],
      [0, 2],
      [2, 0],
    ]);
  });

  it('prints the boot log line with a space after each node', () => {
    expect(fallbackOrderLog(3, [3, 1, 2, 0])).toBe('Fallback order for Node 3: 3 1 2 0 ');
  });
});
