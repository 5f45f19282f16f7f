import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax.ts';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a": 1,\n "b": }', { line: 2, column: 7, reason: 'unexpected "}"; expected a value' }],
    ['{"a": 1\n', { line: 2, column: 1, reason: "the text ends; expected ',' or '}'" }],
    ['[1, 2,]', { line: 1, column: 6, reason: "a trailing comma before ']' (JSON allows none)" }],
    [
      "{'a': 1}",
      { line: 1, column: 2, reason: 'unexpected "\'"; expected a property name in double quotes' },
    ],
    ['{"a" 1}', { line: 1, column: 6, reason: 'unexpected "1"; expected \':\' after the property name' }],
    ['{\n  "a": tru\n}', { line: 2, column: 8, reason: 'unexpected "t"; expected a value' }],
    [
      '{"a": "b\nc"}',
      { line: 1, column: 9, reason: 'a control character inside a string; escape it, e.g. \\n' },
    ],
    ['"\\x"', { line: 1, column: 2, reason: 'an invalid escape sequence in a string' }],
    ['"abc', { line: 1, column: 5, reason: 'the text ends inside a string' }],
    ['{} {}', { line: 1, column: 4, reason: 'unexpected "{" after the end of the JSON value' }],
    ['', { line: 1, column: 1, reason: 'the text ends; expected a value' }],
  ])('locates the error in %j', (text, expected) => {
    expect(findJsonSyntaxError(text)).toEqual(expected);
  });

  it('agrees with JSON.parse on which texts are valid', () => {
    const texts = [
      '{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}}',
      ' [ ] ',
      '0',
      '01',
      '-',
      '1.',
      '.5',
      '1e',
      '"\\u12"',
      '[1,,2]',
      '{"a":1,}',
      'nul',
      '{"a":{"b":[{}]}}',
    ];
    for (const text of texts) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect([text, findJsonSyntaxError(text) === null]).toEqual([text, valid]);
    }
  });

  it('stops at 64 levels instead of recursing through a deep, broken text', () => {
    expect(findJsonSyntaxError('['.repeat(100_000))).toEqual({
      line: 1,
      column: 65,
      reason: 'lists and objects nested more than 64 levels deep; a scenario file may nest at most 64',
    });
    expect(findJsonSyntaxError(`${'['.repeat(64)}${']'.repeat(64)}`)).toBeNull();
  });
});
