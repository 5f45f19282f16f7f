import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario/parse.ts';
import { memcgEntries } from './memcg-corpus.ts';

describe('the memcg corpus entries', () => {
  it('are valid scenario files, each with its cgroups', () => {
    for (const e of memcgEntries()) {
      const parsed = parseScenario(e.file);
      expect(parsed.ok ? [] : parsed.errors, e.name).toEqual([]);
      if (parsed.ok)
        expect(
          parsed.scenario.workload.some((w) => w.cgroup),
          e.name,
        ).toBe(true);
    }
  });
});
