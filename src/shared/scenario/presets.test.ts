import { describe, expect, it } from 'vitest';
import { getPreset, policyMechanisms, PRESET_NAMES, PRESETS, presetKnobs } from './presets.ts';
import { defaultKnobs } from './knobs.ts';
import { editedExample, resolves } from '../../../tests/support/shared/scenario.ts';

describe('the preset registry', () => {
  it('gives every preset a unique kebab-case name and says what it is and where it comes from', () => {
    expect(new Set(PRESET_NAMES).size).toBe(PRESETS.length);
    for (const preset of PRESETS) {
      expect(preset.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(preset.title.length * preset.summary.length * preset.source.length).toBeGreaterThan(0);
    }
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))(
    'lets a scenario use %s with its own knobs written out',
    (name, preset) => {
      const s = resolves(editedExample([['policy'], { preset: name, knobs: preset.knobs }]));
      // Only the mainline presets run a modelled version (the newer by default); a research
      // preset runs its series' own kernel.
      const kernel = name === 'linux' || name === 'linux-tiering' ? '6.12' : null;
      expect(s.policy).toEqual({ preset: name, knobs: presetKnobs(preset, kernel), kernel });
    },
  );

  it('has linux at the kernel defaults, able to demote and promote once the knobs say so', () => {
    const linux = getPreset('linux');
    expect(linux && presetKnobs(linux, '6.1')).toEqual(defaultKnobs());
    expect(linux && presetKnobs(linux, '6.12')).toEqual({ ...defaultKnobs(), lru_gen_enabled: true });
    expect(linux?.mechanisms).toEqual({ demotion: true, tieringPromotion: true, lruGen: true });
  });

  it('has no-tiering with demotion off and not even available', () => {
    const noTiering = getPreset('no-tiering');
    expect(noTiering?.knobs).toMatchObject({ demotion_enabled: false, numa_balancing: 0 });
    expect(noTiering?.mechanisms).toEqual({ demotion: false, tieringPromotion: false });
  });

  it('tells the engine which mechanisms a resolved policy has', () => {
    const s = resolves(editedExample([['policy'], { preset: 'no-tiering' }]));
    expect(policyMechanisms(s.policy).demotion).toBe(false);
    expect(() => policyMechanisms({ preset: 'tiering-0.8', knobs: defaultKnobs(), kernel: null })).toThrow(
      'unknown policy preset "tiering-0.8"',
    );
  });

  it('finds no preset by a name it does not have', () => {
    expect(getPreset('tiering-0.8')).toBeUndefined();
  });
});
