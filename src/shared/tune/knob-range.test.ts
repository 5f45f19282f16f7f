import { describe, expect, it } from 'vitest';
import { KNOBS } from '../scenario/knobs.ts';
import { describeRange, parseKnobRange, parseKnobRanges } from './knob-range.ts';

describe('parseKnobRange', () => {
  it('reads an integer range, on a log scale when it spans a decade or more', () => {
    expect(parseKnobRange('hot_threshold_ms=100..10000')).toEqual({
      knob: 'hot_threshold_ms',
      kind: 'int',
      min: 100,
      max: 10000,
      log: true,
    });
    // 16..150: 150/16 = 9.4 < 10, linear.
    expect(parseKnobRange('numa_balancing_promote_rate_limit_MBps=16..150')).toMatchObject({ log: false });
    // A range from 0 has no ratio: linear.
    expect(parseKnobRange('swappiness=0..200')).toMatchObject({ min: 0, max: 200, log: false });
    expect(describeRange(parseKnobRange('hot_threshold_ms=100..10000'))).toBe('100..10000 (log scale)');
  });

  it('reads value lists by the knob kind, and a bare boolean, enum or choice as all its values', () => {
    expect(parseKnobRange('transparent_hugepage=always,never')).toEqual({
      knob: 'transparent_hugepage',
      kind: 'list',
      values: ['always', 'never'],
    });
    expect(parseKnobRange('demotion_enabled')).toEqual({
      knob: 'demotion_enabled',
      kind: 'list',
      values: [false, true],
    });
    expect(parseKnobRange('numa_balancing=2,3')).toMatchObject({ values: [2, 3] });
    expect(parseKnobRange('numa_balancing')).toMatchObject({ values: [...KNOBS.numa_balancing.values] });
    expect(parseKnobRange('swappiness=10,60,100')).toMatchObject({ kind: 'list', values: [10, 60, 100] });
    expect(parseKnobRange('policy.knobs.swappiness=0..200')).toMatchObject({ knob: 'swappiness' });
  });

  it.each([
    ['no_such_knob=1..2', '--knob no_such_knob: not a knob'],
    ['hot_threshold_ms=0..100', '--knob hot_threshold_ms: 0 is outside 1..3600000'],
    ['hot_threshold_ms=100..4000000', '--knob hot_threshold_ms: 4000000 is outside 1..3600000'],
    ['hot_threshold_ms=1000..100', 'low end first'],
    ['hot_threshold_ms=1.5..100', '--knob hot_threshold_ms: "1.5" is not a whole number'],
    ['hot_threshold_ms', '--knob hot_threshold_ms: wants a range'],
    ['numa_balancing=0..3', '--knob numa_balancing: takes one of 0, 1, 2, 3, 6, not a range'],
    ['numa_balancing=2,4', '--knob numa_balancing: "4" is not a value it takes (one of 0, 1, 2, 3, 6)'],
    [
      'transparent_hugepage=always,sometimes',
      '"sometimes" is not a value it takes (one of always, madvise, never)',
    ],
    ['demotion_enabled=true,yes', '"yes" is not a value it takes (true or false)'],
    ['swappiness=10,10', 'lists a value twice'],
    ['swappiness=10', 'at least two values'],
  ])('refuses %s naming the knob', (text, message) => {
    expect(() => parseKnobRange(text)).toThrow(message);
  });

  it('refuses a knob given twice and no knob at all', () => {
    expect(() => parseKnobRanges(['swappiness=0..10', 'swappiness=0..20'])).toThrow(
      '--knob swappiness: given twice',
    );
    expect(() => parseKnobRanges([])).toThrow('at least one knob');
  });
});
