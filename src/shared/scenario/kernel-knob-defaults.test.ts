import { describe, expect, it } from 'vitest';
import { PRESETS, getPreset, kernelDependentKnobs, presetKnobs } from './presets.ts';
import { kernelDefaultText } from './kernel-knob-defaults.ts';
import { editedExample, resolves } from '../../../tests/support/shared/scenario.ts';

const policy = (p: Record<string, unknown>) => editedExample([['policy'], p]);

describe('defaults that depend on the kernel', () => {
  it('resolves a default linux scenario with MGLRU on 6.12 and the classic LRU on 6.1', () => {
    expect(resolves(policy({ preset: 'linux' })).policy.knobs.lru_gen_enabled).toBe(true);
    expect(resolves(policy({ preset: 'linux', kernel: '6.12' })).policy.knobs.lru_gen_enabled).toBe(true);
    expect(resolves(policy({ preset: 'linux', kernel: '6.1' })).policy.knobs.lru_gen_enabled).toBe(false);
    expect(resolves(policy({ preset: 'linux-tiering' })).policy.knobs.lru_gen_enabled).toBe(true);
  });

  it('lets an explicit lru_gen_enabled win over the kernel default either way', () => {
    const off = policy({ preset: 'linux', kernel: '6.12', knobs: { lru_gen_enabled: false } });
    const on = policy({ preset: 'linux', kernel: '6.1', knobs: { lru_gen_enabled: true } });
    expect(resolves(off).policy.knobs.lru_gen_enabled).toBe(false);
    expect(resolves(on).policy.knobs.lru_gen_enabled).toBe(true);
  });

  it('keeps damon-tiering (its own v6.16) and the presets before MGLRU on the classic LRU', () => {
    for (const preset of PRESETS.filter((p) => p.name !== 'linux' && p.name !== 'linux-tiering')) {
      expect(resolves(policy({ preset: preset.name })).policy.knobs.lru_gen_enabled).toBe(false);
      expect(kernelDependentKnobs(preset)).toEqual([]);
    }
  });

  it('names lru_gen_enabled as kernel-dependent for the presets that choose a kernel only', () => {
    expect(kernelDependentKnobs(getPreset('linux')!)).toEqual(['lru_gen_enabled']);
    expect(kernelDependentKnobs(getPreset('linux-tiering')!)).toEqual(['lru_gen_enabled']);
    expect(presetKnobs(getPreset('damon-tiering')!, null).lru_gen_enabled).toBe(false);
  });

  it('states the default per kernel for the knob table, and nothing for a knob with one default', () => {
    expect(kernelDefaultText('lru_gen_enabled')).toBe('false on 6.1, true on 6.12');
    expect(kernelDefaultText('swappiness')).toBeNull();
  });
});
