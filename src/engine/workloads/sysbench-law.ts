// The probability of each page of a sysbench rnd buffer: sysbench picks words, so a page's
// probability is the law's mass over the words it holds, F(last word + 1) - F(first word), with F
// the CDF of the word index as randomWord() draws it. Worked example, pareto h = 0.2 (power
// log 0.2 / log 0.8 = 7.21) over a buffer of 10 pages: page 0 gets F(0.1 W) = 0.1^(1/7.21) = 0.727.
import { HarmonicSums, irwinHall12Cdf } from '../random/cdf.ts';
import { SYSBENCH_GAUSSIAN_ITER } from '../random/distributions.ts';
import type { RandType } from '../../shared/scenario/resolved.ts';
import type { PageLaw } from './types.ts';

export class SysbenchLaw implements PageLaw {
  readonly base: number;
  readonly pages: number;
  readonly writeShare: number;
  private readonly words: number;
  private readonly wordsPerPage: number;
  private readonly cdf: (x: number) => number;

  constructor(
    base: number,
    pages: number,
    words: number,
    wordsPerPage: number,
    randType: RandType,
    power: number,
    zipfExp: number,
    write: boolean,
  ) {
    this.base = base;
    this.pages = pages;
    this.words = words;
    this.wordsPerPage = wordsPerPage;
    this.writeShare = write ? 1 : 0;
    this.cdf = wordCdf(randType, words, power, zipfExp);
  }

  p(i: number): number {
    const first = i * this.wordsPerPage;
    if (first >= this.words) return 0;
    return this.cdf(Math.min(this.words, first + this.wordsPerPage)) - this.cdf(first);
  }

  /** p is computed from the CDF: nothing in memory to load ahead. */
  warmP(): number {
    return 0;
  }

  nextChangeMs(): number {
    return Infinity;
  }

  advanceTo(): void {}
}

/** P(word < x) for integer x in [0, words], as SysbenchThread.randomWord() draws words. */
function wordCdf(randType: RandType, words: number, power: number, zipfExp: number): (x: number) => number {
  switch (randType) {
    case 'uniform':
      return (x) => x / words;
    case 'pareto':
      // floor(words * u^power), the top clamped to words - 1.
      return (x) => (x >= words ? 1 : (x / words) ** (1 / power));
    case 'gaussian':
      // floor(words * mean of 12 uniforms): word < x iff the sum of 12 is below 12 x / words.
      return (x) => (x >= words ? 1 : irwinHall12Cdf((SYSBENCH_GAUSSIAN_ITER * x) / words));
    case 'zipfian': {
      const h = new HarmonicSums(zipfExp, words);
      const total = h.at(words);
      return (x) => h.at(x) / total;
    }
  }
}
