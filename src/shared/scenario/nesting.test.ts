import { describe, expect, it } from 'vitest';
import { nestingError } from './nesting.ts';
import { parseScenario, parseScenarioText } from './parse.ts';
import { editedExample } from '../../../tests/support/shared/scenario.ts';

/** `levels` objects inside each other: {"a": {"a": ... {}}}. */
function nested(levels: number): unknown {
  let value: unknown = {};
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

const TOO_DEEP =
  'nests lists and objects more than 64 levels deep; a scenario file may nest at most 64 (its own fields go 5 deep)';

describe('the nesting limit', () => {
  it('lets a file nest 64 levels and refuses 65, at the field that holds them', () => {
    expect(nestingError(nested(64))).toBeNull();
    expect(nestingError(nested(65))).toEqual({ path: 'a.a.a.a.a', message: TOO_DEEP });
  });

  it('refuses a file nested 100000 levels deep without overflowing the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nestingError(deep)?.path).toBe('[0][0][0][0][0]');
  });

  it('reports only the nesting, before the schema reads anything', () => {
    const p = parseScenario(editedExample([['policy', 'knobs'], nested(6000)], [['name'], 7]));
    expect(!p.ok && p.errors).toEqual([{ path: 'policy.knobs.a.a.a', message: TOO_DEEP }]);
  });

  it('refuses deep text whether or not it is valid JSON', () => {
    const open = '{"a":'.repeat(20_000);
    const valid = parseScenarioText(`${open}{}${'}'.repeat(20_000)}`);
    expect(!valid.ok && valid.errors[0]?.path).toBe('a.a.a.a.a');
    const truncated = parseScenarioText(open);
    expect(!truncated.ok && truncated.errors[0]?.message).toBe(
      'not valid JSON at line 1, column 321: lists and objects nested more than 64 levels deep; a scenario file may nest at most 64',
    );
  });
});
