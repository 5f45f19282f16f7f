import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario/parse.ts';
import { memcgEntries, memcgMglruEntries } from './memcg-corpus.ts';

describe('the memcg corpus entries', () => {
  it('are valid scenario files, each with its cgroups', () => {
    for (const e of [...memcgEntries(), ...memcgMglruEntries()]) {
      const parsed = parseScenario(e.file);
      expect(parsed.ok ? [] : parsed.errors, e.name).toEqual([]);
      if (parsed.ok)
        expect(
          parsed.scenario.workload.some((w) => w.cgroup),
          e.name,
        ).toBe(true);
    }
  });

  it('run the MGLRU variants on the multi-gen LRU of kernel 6.12', () => {
    for (const e of memcgMglruEntries()) {
      const parsed = parseScenario(e.file);
      if (!parsed.ok) throw new Error(e.name);
      expect([parsed.scenario.policy.knobs.lru_gen_enabled, parsed.scenario.policy.kernel], e.name).toEqual([
        true,
        '6.12',
      ]);
    }
  });
});
