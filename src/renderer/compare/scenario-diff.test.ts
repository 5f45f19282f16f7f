import { describe, expect, it } from 'vitest';
import { diffScenarios, flatten, withEffectiveKnobs, withEngineThatRan } from './scenario-diff.ts';

describe('scenario diff', () => {
  it('flattens documents to dotted paths', () => {
    const flat = flatten({ machine: { nodes: [{ id: 0, capacity: '384MiB' }] }, policy: { knobs: {} } });
    expect([...flat]).toEqual([
      ['machine.nodes[0].id', '0'],
      ['machine.nodes[0].capacity', '"384MiB"'],
    ]);
  });

  it('reports the keys that differ, including ones only one side has', () => {
    const rows = diffScenarios([
      { name: 'a', policy: { knobs: { demotion_enabled: true } }, run: { seed: 1 } },
      { name: 'b', policy: { knobs: {} }, run: { seed: 1 } },
    ]);
    const differing = rows.filter((r) => r.differs).map((r) => [r.path, ...r.values]);
    expect(differing).toEqual([
      ['name', '"a"', '"b"'],
      ['policy.knobs.demotion_enabled', 'true', undefined],
    ]);
    expect(rows.find((r) => r.path === 'run.seed')?.differs).toBe(false);
  });
});

describe('effective knobs', () => {
  it('fills in what the preset leaves, so explicit and implicit values compare', () => {
    const preset = (name: string) =>
      name === 'linux' ? { demotion_enabled: false, swappiness: 60 } : undefined;
    const rows = diffScenarios([
      withEffectiveKnobs({ policy: { preset: 'linux', knobs: { demotion_enabled: true } } }, preset),
      withEffectiveKnobs({ policy: { preset: 'linux', knobs: {} } }, preset),
    ]);
    expect(rows.filter((r) => r.differs).map((r) => [r.path, ...r.values])).toEqual([
      ['policy.knobs.demotion_enabled', 'true', 'false'],
    ]);
  });
});

describe('the engine that ran', () => {
  it('shows as a run.engine row, also for a scenario that left it to its default', () => {
    const rows = diffScenarios([
      withEngineThatRan({ run: { seed: 1 } }, 'rate'),
      withEngineThatRan({ run: { engine: 'exact', seed: 1 } }, 'exact'),
    ]);
    expect(rows.filter((r) => r.differs).map((r) => [r.path, ...r.values])).toEqual([
      ['run.engine', '"rate"', '"exact"'],
    ]);
  });

  it('leaves a run without a result as its scenario says', () => {
    expect(withEngineThatRan({ run: { seed: 1 } }, undefined)).toEqual({ run: { seed: 1 } });
  });
});
