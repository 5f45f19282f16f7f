// The rate engine against the exact engine on the quick corpus: every counter and metric agrees
// within the engines' spread over 5 seeds (the rule of agreement.ts). `npm run verify:engines`
// runs the whole corpus.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { RunEngine } from '../../shared/scenario/resolved.ts';
import { runToEnd } from '../../../tests/support/engine/scenarios.ts';
import { compareFigures } from './agreement.ts';
import { quickCorpus } from './quick-corpus.ts';

const SEEDS = [1, 2, 3, 4, 5];

function runs(file: Record<string, unknown>, engine: RunEngine) {
  return SEEDS.map((seed) => {
    const parsed = parseScenario({ ...file, run: { ...(file.run as object), engine, seed } });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return runToEnd(parsed.scenario);
  });
}

describe('the rate engine agrees with the exact engine', () => {
  for (const entry of quickCorpus()) {
    it(entry.name, () => {
      const rows = compareFigures(runs(entry.file, 'exact'), runs(entry.file, 'rate'));
      expect(rows.length).toBeGreaterThan(20);
      expect(rows.filter((r) => !r.pass)).toEqual([]);
    });
  }
});
