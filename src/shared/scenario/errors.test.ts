import { describe, expect, it } from 'vitest';
import { closest, formatPath, formatScenarioErrors, showBytes } from './errors.ts';

describe('scenario error wording', () => {
  it('writes paths as a reader would type them into jq', () => {
    expect(formatPath(['machine', 'nodes', 0, 'capacity'])).toBe('machine.nodes[0].capacity');
    expect(formatPath(['machine', 'distances', 1, 0])).toBe('machine.distances[1][0]');
    expect(formatPath(['policy', 'knobs', 'odd key'])).toBe('policy.knobs["odd key"]');
    expect(formatPath([])).toBe('');
  });

  it('prints one line per error, without a path for the whole file', () => {
    expect(
      formatScenarioErrors([
        { path: '', message: 'not valid JSON' },
        { path: 'run.seed', message: 'must be at least 0 (got -1)' },
      ]),
    ).toBe('not valid JSON\nrun.seed: must be at least 0 (got -1)');
  });

  it('suggests a close name only when it is a plausible typo', () => {
    expect(closest('swapiness', ['swappiness', 'numa_balancing'])).toBe('swappiness');
    expect(closest('colour', ['id', 'memory', 'cpus'])).toBeUndefined();
  });

  it('shows bytes with a unit only when the unit is exact', () => {
    expect(showBytes(4096)).toBe('4KiB');
    expect(showBytes(1.5 * 1024 ** 3)).toBe('1.5GiB');
    expect(showBytes(3000)).toBe('3000 bytes');
  });
});
