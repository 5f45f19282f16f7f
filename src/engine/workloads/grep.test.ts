import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.ts';
import type { GrepWorkload } from '../../shared/scenario/resolved.ts';
import { makeGrep } from './grep.ts';
import { baseFields, drain } from '../../../tests/support/engine/workloads.ts';

const PAGE = 4096;

const grep = (over: Partial<GrepWorkload>): GrepWorkload => ({
  ...baseFields,
  type: 'grep',
  corpusBytes: 5 * PAGE,
  passes: 1,
  ...over,
});

describe('makeGrep', () => {
  it('maps the corpus as one file region', () => {
    expect(makeGrep(grep({ corpusBytes: 5 * PAGE + 1 }), PAGE, 0).regions).toEqual([
      { pages: 6, file: true },
    ]);
  });

  it('reads every page once per pass, in file order', () => {
    const [t] = makeGrep(grep({ passes: 2 }), PAGE, 0).threads([50], createRng(1));
    const out = drain(t!);
    expect(out.vpages).toEqual([50, 51, 52, 53, 54, 50, 51, 52, 53, 54]);
    expect(out.writes.some(Boolean)).toBe(false);
  });

  it('gives each of several threads its own contiguous slice of the corpus', () => {
    const threads = makeGrep(grep({ corpusBytes: 10 * PAGE, threads: 2 }), PAGE, 0).threads(
      [0],
      createRng(1),
    );
    expect(threads.map((t) => drain(t).vpages)).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
    ]);
  });
});
