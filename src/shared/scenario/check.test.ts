import { describe, expect, it } from 'vitest';
import { editedExample, errorsOf, resolves, type Edit } from '../../../tests/support/shared/scenario.ts';

/** [what is wrong, the edits, the errors as "path: message"]. */
const CASES: [string, Edit[], string[]][] = [
  [
    'samples between ticks',
    [[['run', 'sampleEveryMs'], 15]],
    ['run.sampleEveryMs: must be a whole number of ticks, a multiple of tickMs (10) (got 15)'],
  ],
  [
    'samples faster than ticks',
    [[['run', 'sampleEveryMs'], 5]],
    ['run.sampleEveryMs: must be a whole number of ticks, a multiple of tickMs (10) (got 5)'],
  ],
  [
    'demotion on a kernel without it',
    [[['policy'], { preset: 'no-tiering', knobs: { demotion_enabled: true } }]],
    [
      'policy.knobs.demotion_enabled: preset "no-tiering" models a kernel without demotion in reclaim, so this must stay false; use preset "linux" to demote',
    ],
  ],
  [
    'tiering promotion on a kernel without it',
    [[['policy'], { preset: 'no-tiering', knobs: { numa_balancing: 3 } }]],
    [
      'policy.knobs.numa_balancing: preset "no-tiering" models a kernel without NUMA balancing\'s memory-tiering mode (2), so this may be 0 or 1 (got 3)',
    ],
  ],
  [
    "Colloid's numa_balancing mode on a kernel without it",
    [[['policy'], { preset: 'linux-tiering', knobs: { numa_balancing: 6 } }]],
    [
      'policy.knobs.numa_balancing: mode 6 (bit 4, NUMA_BALANCING_COLLOID) exists only in Colloid\'s kernel (preset "colloid"), not in preset "linux-tiering"',
    ],
  ],
  [
    'the multi-gen LRU on a kernel before it',
    [[['policy'], { preset: 'tpp', knobs: { lru_gen_enabled: true } }]],
    [
      'policy.knobs.lru_gen_enabled: preset "tpp" models a kernel before the multi-gen LRU (v6.1), so this must stay false; use preset "linux", "linux-tiering" or "damon-tiering" for MGLRU',
    ],
  ],
];

describe('the policy and run checks', () => {
  it.each(CASES)('reject %s', (_what, edits, expected) => {
    expect(errorsOf(editedExample(...edits)).map((e) => `${e.path}: ${e.message}`)).toEqual(expected);
  });

  it('accept a sampling interval that is a multiple of a fractional tick', () => {
    const s = resolves(editedExample([['run', 'tickMs'], 0.1], [['run', 'sampleEveryMs'], 0.3]));
    expect(s.run.sampleEveryMs).toBe(0.3);
  });

  it('accept NUMA balancing mode 1 on a kernel before tiering', () => {
    const s = resolves(editedExample([['policy'], { preset: 'no-tiering', knobs: { numa_balancing: 1 } }]));
    expect(s.policy.knobs.numa_balancing).toBe(1);
  });
});

describe('checkScenario', () => {
  it('reports every problem at once, from the machine to the run', () => {
    const errors = errorsOf(
      editedExample(
        [['machine', 'nodes', 1, 'id'], 3],
        [['machine', 'distances', 0, 0], 0],
        [['workload', 0, 'cpu'], 9],
        [['workload', 0, 'mempolicy', 'mode'], 'preferred'],
        [['run', 'sampleEveryMs'], 25],
      ),
    );
    expect(errors.map((e) => e.path)).toEqual([
      'machine.nodes[1].id',
      'machine.distances[0][0]',
      'workload[0].cpu',
      'run.sampleEveryMs',
    ]);
  });
});
