import { describe, expect, it } from 'vitest';
import { exampleScenarioFile } from './example.ts';
import { documentMutants, nestedObjects, pathsOf } from '../../../tests/support/shared/mutated-corpus.ts';
import { fileMutants, jsonText, utf8 } from '../../../tests/support/shared/mutated-bytes.ts';

const seeds = [{ name: 'example', document: exampleScenarioFile() }];

describe('the mutated-scenario corpus generator', () => {
  it('builds the same mutants, in the same order, every time', () => {
    const names = () => [...documentMutants(seeds), ...fileMutants(seeds)].map((m) => m.name);
    expect(names()).toEqual(names());
    expect(new Set(names()).size).toBe(names().length);
  });

  it('tries wrong types at every field of the seed, and every kind of mistake', () => {
    const mutants = [...documentMutants(seeds), ...fileMutants(seeds)];
    const wrongTyped = new Set(
      mutants.filter((m) => m.kind === 'wrong-type').map((m) => m.name.split(' = ')[0]),
    );
    expect(wrongTyped.size).toBe(pathsOf(exampleScenarioFile()).length - 1);
    expect(new Set(mutants.map((m) => m.kind))).toEqual(
      new Set([
        'wrong-type',
        'out-of-range',
        'cross-field',
        'too-deep',
        'huge-text',
        'truncated',
        'encoding',
      ]),
    );
    expect(mutants.length).toBeGreaterThanOrEqual(200);
  });

  it('writes JSON text as JSON.stringify does, and 100000 levels deep without recursing', () => {
    const doc = { ...exampleScenarioFile(), odd: ['a"b', [], {}, null, 1.5, { 'key with space': [true] }] };
    expect(jsonText(doc)).toBe(JSON.stringify(doc));
    expect(jsonText(nestedObjects(100_000))).toHaveLength(6 * 100_000 - 4);
  });

  it('encodes UTF-8 as TextEncoder does', () => {
    const text = 'a é € 😀';
    expect(utf8(text)).toEqual([...new TextEncoder().encode(text)]);
  });
});
