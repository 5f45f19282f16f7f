import { describe, expect, it } from 'vitest';
import { editedExample, errorsOf, resolves, type Edit } from '../../../tests/support/shared/scenario.ts';

const node0 = ['machine', 'nodes', 0] as const;
const wl0 = ['workload', 0] as const;

/** [what is wrong, the edit, the path of the error, the message]. */
const CASES: [string, Edit, string, string][] = [
  [
    'a zero capacity',
    [[...node0, 'capacity'], 0],
    'machine.nodes[0].capacity',
    'must be a positive size such as "384MiB" or a number of bytes (got 0)',
  ],
  [
    'a fractional byte count',
    [[...node0, 'capacity'], 1.5],
    'machine.nodes[0].capacity',
    'must be a positive size such as "384MiB" or a number of bytes (got 1.5)',
  ],
  [
    'an unknown unit',
    [[...node0, 'capacity'], '12 parsecs'],
    'machine.nodes[0].capacity',
    'must be a positive size such as "384MiB" or a number of bytes (got "12 parsecs")',
  ],
  [
    'a capacity of the wrong type',
    [[...node0, 'capacity'], true],
    'machine.nodes[0].capacity',
    'must be a positive size such as "384MiB" or a number of bytes (got true)',
  ],
  [
    'a missing capacity',
    [[...node0, 'capacity'], undefined],
    'machine.nodes[0].capacity',
    'is required; it must be a positive size such as "384MiB" or a number of bytes',
  ],
  [
    'a fractional node id',
    [[...node0, 'id'], 0.5],
    'machine.nodes[0].id',
    'must be a whole number (got 0.5)',
  ],
  [
    'an unknown memory kind',
    [[...node0, 'memory'], 'sram'],
    'machine.nodes[0].memory',
    'must be one of "dram", "pmem", "cxl", "hbm" (got "sram")',
  ],
  ['negative CPUs', [[...node0, 'cpus'], -1], 'machine.nodes[0].cpus', 'must be at least 0 (got -1)'],
  [
    'a zero latency',
    [[...node0, 'readLatencyNs'], 0],
    'machine.nodes[0].readLatencyNs',
    'must be greater than 0 (got 0)',
  ],
  [
    'a string for a boolean',
    [[...node0, 'hmat'], 'yes'],
    'machine.nodes[0].hmat',
    'must be true or false (got "yes")',
  ],
  ['no nodes', [['machine', 'nodes'], []], 'machine.nodes', 'needs at least 1 entry'],
  [
    'a distance that is not a whole number',
    [['machine', 'distances', 0, 1], 17.5],
    'machine.distances[0][1]',
    'must be a whole number (got 17.5)',
  ],
  [
    'an unknown swap device',
    [['machine', 'swap', 'device'], 'floppy'],
    'machine.swap.device',
    'must be one of "ssd", "hdd", "zram", "nvme" (got "floppy")',
  ],
  [
    'another format',
    [['format'], 'tierlab.scenario/2'],
    'format',
    'this Tierlab reads "tierlab.scenario/1" files only (got "tierlab.scenario/2"; is it from a newer version?)',
  ],
  [
    'no format',
    [['format'], undefined],
    'format',
    'is required; a scenario file starts with "format": "tierlab.scenario/1"',
  ],
  ['an empty name', [['name'], ''], 'name', 'must not be empty'],
  ['no workload', [['workload'], []], 'workload', 'needs at least 1 entry'],
  [
    'an unknown preset',
    [['policy', 'preset'], 'tiering-0.8'],
    'policy.preset',
    'unknown preset "tiering-0.8"; presets: linux, no-tiering, hansen-2020, yang-shi-v3, wu-2018-daemon, linux-tiering, tpp, damon-tiering, hybridtier, colloid, nomad, memtis',
  ],
  ['a zero tick', [['run', 'tickMs'], 0], 'run.tickMs', 'must be greater than 0 (got 0)'],
  ['a zero duration', [['run', 'durationMs'], 0], 'run.durationMs', 'must be greater than 0 (got 0)'],
  [
    'a seed past 32 bits',
    [['run', 'seed'], 2 ** 32],
    'run.seed',
    'must be at most 4294967295 (got 4294967296)',
  ],
  ['a fractional seed', [['run', 'seed'], 1.5], 'run.seed', 'must be a whole number (got 1.5)'],
  ['an unknown engine', [['run', 'engine'], 'fast'], 'run.engine', 'must be "rate" or "exact" (got "fast")'],
];

describe('the scenario schema', () => {
  it.each(CASES)('rejects %s at the right path', (_what, edit, path, message) => {
    expect(errorsOf(editedExample(edit))).toEqual([{ path, message }]);
  });

  it('names unknown fields, suggests the likely spelling and lists what the object has', () => {
    expect(errorsOf(editedExample([[...node0, 'cpu'], 2]))).toEqual([
      {
        path: 'machine.nodes[0]',
        message:
          'unknown field "cpu" (did you mean "cpus"?); a node has: id, memory, capacity, cpus, readLatencyNs, ' +
          'writeLatencyNs, readBandwidthGBps, writeBandwidthGBps, loadedLatency, adistance, hmat, hotplug',
      },
    ]);
  });

  it('rejects unknown fields at every level', () => {
    const errors = errorsOf(
      editedExample(
        [['comment'], 'hi'],
        [['machine', 'swap', 'size'], '1GiB'],
        [[...wl0, 'mempolicy', 'homeNode'], 1],
        [[...wl0, 'blockSize'], '1KiB'],
        [['run', 'ticks'], 10],
      ),
    );
    expect(errors.map((e) => [e.path, e.message.split(';')[0]])).toEqual([
      ['machine.swap', 'unknown field "size"'],
      ['workload[0].mempolicy', 'unknown field "homeNode"'],
      ['workload[0]', 'unknown field "blockSize"'],
      ['run', 'unknown field "ticks" (did you mean "tickMs"?)'],
      ['', 'unknown field "comment"'],
    ]);
  });

  it('runs the rate engine unless run.engine says otherwise', () => {
    expect(resolves(editedExample()).run.engine).toBe('rate');
    expect(resolves(editedExample([['run', 'engine'], 'exact'])).run.engine).toBe('exact');
  });

  it('accepts sizes as bytes, binary units and fractions of a unit', () => {
    const s = resolves(
      editedExample(
        [[...node0, 'capacity'], 402653184],
        [[...wl0, 'size'], '0.5 GiB'],
        [[...wl0, 'step'], '8k'],
      ),
    );
    expect(s.machine.nodes[0]?.capacityBytes).toBe(384 * 1024 ** 2);
    expect(s.workload[0]).toMatchObject({ sizeBytes: 512 * 1024 ** 2, stepBytes: 8192 });
  });
});
