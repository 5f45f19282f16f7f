import { describe, expect, it } from 'vitest';
import { defaultKnobs, KNOBS } from './knobs.ts';
import { editedExample, errorsOf, resolves, type Edit } from '../../../tests/support/shared/scenario.ts';

/** [what is wrong, the edit, the path of the error, the message]. */
const CASES: [string, Edit, string, string][] = [
  [
    'a knob of the wrong type',
    [['policy', 'knobs', 'demotion_enabled'], 1],
    'policy.knobs.demotion_enabled',
    'must be true or false (got 1)',
  ],
  [
    'a knob out of range',
    [['policy', 'knobs', 'swappiness'], 201],
    'policy.knobs.swappiness',
    'must be a whole number from 0 to 200 (got 201)',
  ],
  [
    'a fractional knob',
    [['policy', 'knobs', 'watermark_scale_factor'], 10.5],
    'policy.knobs.watermark_scale_factor',
    'must be a whole number from 1 to 3000 (got 10.5)',
  ],
  [
    'a negative watermark boost',
    [['policy', 'knobs', 'watermark_boost_factor'], -1],
    'policy.knobs.watermark_boost_factor',
    'must be a whole number from 0 to 2147483647 (got -1)',
  ],
  [
    'a mode the knob does not have',
    [['policy', 'knobs', 'numa_balancing'], 4],
    'policy.knobs.numa_balancing',
    'must be one of 0, 1, 2, 3, 6 (got 4)',
  ],
  [
    'a word the sysfs file does not take',
    [['policy', 'knobs', 'transparent_hugepage'], 'sometimes'],
    'policy.knobs.transparent_hugepage',
    'must be one of "always", "madvise", "never" (got "sometimes")',
  ],
  [
    'a number for a word knob',
    [['policy', 'knobs', 'transparent_hugepage'], 1],
    'policy.knobs.transparent_hugepage',
    'must be one of "always", "madvise", "never" (got 1)',
  ],
  [
    'a defrag word with a space for its plus',
    [['policy', 'knobs', 'transparent_hugepage_defrag'], 'defer madvise'],
    'policy.knobs.transparent_hugepage_defrag',
    'must be one of "always", "defer", "defer+madvise", "madvise", "never" (got "defer madvise")',
  ],
];

describe('the knobs schema', () => {
  it.each(CASES)('rejects %s at the right path', (_what, edit, path, message) => {
    expect(errorsOf(editedExample(edit))).toEqual([{ path, message }]);
  });

  it('rejects unknown knobs by name, pointing to the kernel name meant', () => {
    const [error] = errorsOf(editedExample([['policy', 'knobs', 'numa_balancing_mode'], 2]));
    expect(error?.path).toBe('policy.knobs');
    expect(error?.message).toMatch(
      /^unknown knob "numa_balancing_mode" \(did you mean "numa_balancing"\?\); known knobs: demotion_enabled, /,
    );
  });

  it('lets min_free_kbytes be set back to null, the kernel computing it', () => {
    const s = resolves(editedExample([['policy', 'knobs', 'min_free_kbytes'], null]));
    expect(s.policy.knobs.min_free_kbytes).toBeNull();
  });

  it('accepts every knob at its kernel default and at both ends of its range, and nothing past them', () => {
    expect(resolves(editedExample([['policy', 'knobs'], defaultKnobs()])).policy.knobs).toEqual(
      defaultKnobs(),
    );
    for (const [name, spec] of Object.entries(KNOBS)) {
      if (!('min' in spec)) continue;
      // zone_reclaim_mode's top bit exists only under the RFC presets; use one so the range is the schema's.
      const preset = name === 'zone_reclaim_mode' ? 'hansen-2020' : 'linux';
      const at = (v: number) =>
        editedExample(
          [
            ['policy', 'knobs'],
            {
              demotion_enabled: false,
              damon_min_nr_regions: 1,
              damon_max_nr_regions: 100000,
              hybridtier_alloc_wmark_bp: 1,
              hybridtier_demote_wmark_bp: 10000,
            },
          ],
          [['policy', 'preset'], preset],
          [['policy', 'knobs', name], v],
        );
      expect(resolves(at(spec.min)).policy.knobs).toMatchObject({ [name]: spec.min });
      expect(resolves(at(spec.max)).policy.knobs).toMatchObject({ [name]: spec.max });
      expect(errorsOf(at(spec.min - 1)).map((e) => e.path)).toEqual([`policy.knobs.${name}`]);
      expect(errorsOf(at(spec.max + 1)).map((e) => e.path)).toEqual([`policy.knobs.${name}`]);
    }
  });

  it('refuses a HybridTier demotion start (alloc watermark) above where demotion stops', () => {
    const bad = editedExample(
      [['policy', 'preset'], 'hybridtier'],
      [['policy', 'knobs'], { hybridtier_alloc_wmark_bp: 600, hybridtier_demote_wmark_bp: 500 }],
    );
    expect(errorsOf(bad)).toEqual([
      {
        path: 'policy.knobs.hybridtier_alloc_wmark_bp',
        message: 'must not exceed hybridtier_demote_wmark_bp (500) (got 600)',
      },
    ]);
  });
});
