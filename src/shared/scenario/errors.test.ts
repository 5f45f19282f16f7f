import { describe, expect, it } from 'vitest';
import {
  closest,
  formatPath,
  formatScenarioErrors,
  quote,
  show,
  showBytes,
  unknownKeysMessage,
} from './errors.ts';

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

  it('echoes a long name by its first 60 characters and its size', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    expect(quote(huge)).toBe(`"${'x'.repeat(60)}"…(10.5 MB)`);
    expect(show('é'.repeat(600))).toBe(`"${'é'.repeat(60)}"…(1.2 KB)`);
    expect(quote('swappiness')).toBe('"swappiness"');
    expect(formatPath(['policy', 'knobs', huge])).toBe(`policy.knobs["${'x'.repeat(60)}"…(10.5 MB)]`);
  });

  it('answers a 10 MB misspelling at once, without a guess', () => {
    const huge = 'swappiness'.repeat(1024 * 1024);
    const started = performance.now();
    expect(closest(huge, ['swappiness', 'numa_balancing'])).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('names the first five unknown keys and counts the rest', () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(unknownKeysMessage(keys, ['memory'], 'field', 'a node has:')).toBe(
      'unknown fields "a", "b", "c", "d", "e" and 2 more; a node has: memory',
    );
  });
});
