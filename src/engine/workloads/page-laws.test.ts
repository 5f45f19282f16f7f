// The laws the rate engine draws from must be the laws the samplers draw from: each law's p(page)
// is checked against the frequencies of the real sampler's references (and against hand-worked
// values), bin by bin, within 5 standard errors of the empirical frequency.
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.ts';
import type { HotsetWorkload, SysbenchMemoryWorkload } from '../../shared/scenario/resolved.ts';
import { makeHotset } from './hotset.ts';
import { makeSysbenchMemory } from './sysbench-memory.ts';
import { baseFields, drain } from '../../../tests/support/engine/workloads.ts';
import type { PageLaw, RefSource } from './types.ts';

const PAGE = 4096;
const DRAWS = 400_000;

function hotset(over: Partial<HotsetWorkload>): HotsetWorkload {
  return {
    ...baseFields,
    type: 'hotset',
    sizeBytes: 200 * PAGE,
    distribution: 'hot',
    hotFraction: 0.2,
    hotProbability: 0.9,
    zipfS: 1,
    stddevFraction: 0.1,
    hotPosition: 'head',
    readRatio: 0.8,
    accesses: DRAWS,
    phases: [],
    ...over,
  };
}

function sysbench(randType: SysbenchMemoryWorkload['randType']): SysbenchMemoryWorkload {
  return {
    ...baseFields,
    type: 'sysbench-memory',
    blockSizeBytes: 200 * PAGE,
    totalSizeBytes: 200 * PAGE * 128,
    scope: 'global',
    oper: 'write',
    accessMode: 'rnd',
    randType,
    paretoH: 0.2,
  };
}

/** The first thread's law, and the pages of its first DRAWS references after `skip` (its populate). */
function sample(source: RefSource, skip: number): { law: PageLaw; pages: number[] } {
  const out = drain(source, skip + DRAWS, 4096);
  return { law: source.draws!.law, pages: out.vpages.slice(skip) };
}

/** Every bin of `binPages` pages: law mass against the sampled share, within 5 SE (+1e-4). */
function expectLawMatches(law: PageLaw, pages: number[], binPages = 10): void {
  let total = 0;
  for (let i = 0; i < law.pages; i++) total += law.p(i);
  expect(total).toBeCloseTo(1, 6); // erfc is good to 1.2e-7 relative
  const counts = new Float64Array(Math.ceil(law.pages / binPages));
  for (const v of pages) counts[Math.floor((v - law.base) / binPages)]!++;
  counts.forEach((c, b) => {
    let mass = 0;
    for (let i = b * binPages; i < Math.min(law.pages, (b + 1) * binPages); i++) mass += law.p(i);
    const se = Math.sqrt((mass * (1 - mass)) / pages.length);
    expect(Math.abs(c / pages.length - mass)).toBeLessThanOrEqual(5 * se + 1e-4);
  });
}

describe('page laws', () => {
  it('give a hot set the probabilities worked out by hand (20 of 100 pages hot at 0.9)', () => {
    const [t] = makeHotset(hotset({ sizeBytes: 100 * PAGE }), PAGE, 0).threads([0], createRng(1));
    const law = t!.draws!.law;
    expect(law.p(0)).toBeCloseTo(0.045, 12);
    expect(law.p(19)).toBeCloseTo(0.045, 12);
    expect(law.p(20)).toBeCloseTo(0.00125, 12);
    expect(law.writeShare).toBeCloseTo(0.2, 12);
  });

  for (const distribution of ['uniform', 'hot', 'zipf', 'normal'] as const) {
    for (const hotPosition of ['head', 'tail', 150 * PAGE] as const) {
      it(`match the hot set sampler: ${distribution} at ${String(hotPosition)}`, () => {
        const w = hotset({ distribution, hotPosition });
        const [t] = makeHotset(w, PAGE, 0).threads([7], createRng(3));
        const { law, pages } = sample(t!, 200);
        expectLawMatches(law, pages);
      });
    }
  }

  it('give zipf s 0.99 the mass worked out by hand (rank r gets (r + 1)^-0.99 / H(pages, 0.99))', () => {
    const w = hotset({ distribution: 'zipf', zipfS: 0.99, sizeBytes: 10 * PAGE, hotPosition: 'head' });
    const [t] = makeHotset(w, PAGE, 0).threads([0], createRng(1));
    const law = t!.draws!.law;
    let h = 0;
    for (let r = 1; r <= 10; r++) h += r ** -0.99;
    // Float32 a rank: 7 significant digits.
    for (const i of [0, 1, 9]) expect(law.p(i) / ((i + 1) ** -0.99 / h)).toBeCloseTo(1, 6);
  });

  it('give a zipf set past the alias-table bound (4 Mi pages) (r + 1)^-s / H at every rank, to Float32', () => {
    const pages = 5 << 20; // 20 GiB at 4 KiB pages: p is tabulated by a recurrence between anchors
    const w = hotset({ distribution: 'zipf', zipfS: 0.99, sizeBytes: pages * PAGE, hotPosition: 'head' });
    const [t] = makeHotset(w, PAGE, 0).threads([0], createRng(1));
    const law = t!.draws!.law;
    let h = 0;
    for (let r = pages; r >= 1; r--) h += r ** -0.99; // smallest first, so the sum keeps its digits
    let sum = 0;
    let worst = 0;
    for (let i = 0; i < pages; i++) {
      const p = law.p(i);
      sum += p;
      if (i % 997 === 0 || i > pages - 5000)
        worst = Math.max(worst, Math.abs(p / ((i + 1) ** -0.99 / h) - 1));
    }
    expect(worst).toBeLessThan(1.2e-7); // Float32's half ulp is 6e-8
    expect(sum).toBeCloseTo(1, 6);
  });

  it('follow a phase change when told the time', () => {
    const w = hotset({ phases: [{ atMs: 100, hotPosition: 'tail' }] });
    const [t] = makeHotset(w, PAGE, 0).threads([0], createRng(1));
    const law = t!.draws!.law;
    expect(law.nextChangeMs()).toBe(100);
    law.advanceTo(100);
    expect(law.nextChangeMs()).toBe(Infinity);
    expect(law.p(199)).toBeCloseTo(0.9 / 40, 12);
    expect(law.p(0)).toBeCloseTo(0.1 / 160, 12);
  });

  it('give sysbench pareto the mass worked out by hand (h 0.2: page 0 of 10 gets 0.1^(1/7.21))', () => {
    const w = { ...sysbench('pareto'), blockSizeBytes: 10 * PAGE };
    const [t] = makeSysbenchMemory(w, PAGE, 0).threads([0], createRng(1));
    const power = Math.log(0.2) / Math.log(0.8);
    expect(t!.draws!.law.p(0)).toBeCloseTo(0.1 ** (1 / power), 12);
  });

  for (const randType of ['uniform', 'gaussian', 'pareto', 'zipfian'] as const) {
    it(`match the sysbench rnd sampler: ${randType}`, () => {
      const [t] = makeSysbenchMemory(sysbench(randType), PAGE, 0).threads([0], createRng(5));
      const { law, pages } = sample(t!, 0);
      expectLawMatches(law, pages);
    });
  }

  it('leave sysbench seq without draws: it is played reference by reference', () => {
    const [t] = makeSysbenchMemory({ ...sysbench('uniform'), accessMode: 'seq' }, PAGE, 0).threads(
      [0],
      createRng(1),
    );
    expect(t!.draws).toBeUndefined();
  });
});
