import { describe, expect, it } from 'vitest';
import { MACHINE_PRESETS } from './machine-presets.ts';
import { addNode, changeKind, removeNode, setDistance } from './machine-edits.ts';

const optane = () => MACHINE_PRESETS.find((p) => p.id === 'optane-2s')!.machine();

describe('machine edits', () => {
  it('adds a node with the next id and grows the distance matrix', () => {
    const m = addNode(optane(), 'cxl');
    expect(m.nodes.map((n) => n.id)).toEqual([0, 1, 2, 3, 4]);
    expect(m.nodes[4]).toMatchObject({ memory: 'cxl', cpus: 0 });
    expect(m.distances).toHaveLength(5);
    expect(m.distances![4]).toEqual([20, 20, 20, 20, 10]);
    expect(m.distances![0]).toEqual([10, 21, 17, 28, 20]);
  });

  it('removes a node, renumbers the rest and drops its row and column', () => {
    const m = removeNode(optane(), 1);
    expect(m.nodes.map((n) => [n.id, n.memory])).toEqual([
      [0, 'dram'],
      [1, 'pmem'],
      [2, 'pmem'],
    ]);
    expect(m.distances).toEqual([
      [10, 17, 28],
      [17, 10, 28],
      [28, 28, 10],
    ]);
  });

  it('leaves a machine without a matrix without one', () => {
    const m = addNode({ nodes: [{ id: 0, memory: 'dram', capacity: '1GiB', cpus: 1 }] }, 'pmem');
    expect(m.distances).toBeUndefined();
  });

  it('moves default performance figures along with the kind, keeping tuned ones', () => {
    const node = {
      id: 1,
      memory: 'pmem',
      capacity: '1GiB',
      cpus: 0,
      readLatencyNs: 305,
      writeLatencyNs: 120,
    };
    expect(changeKind(node, 'cxl')).toEqual({
      id: 1,
      memory: 'cxl',
      capacity: '1GiB',
      cpus: 0,
      writeLatencyNs: 120,
    });
  });

  it('mirrors a distance when the matrix is symmetric', () => {
    const m = setDistance(
      [
        [10, 20],
        [20, 10],
      ],
      0,
      1,
      17,
      true,
    );
    expect(m).toEqual([
      [10, 17],
      [17, 10],
    ]);
  });
});
