// sysbench memory (sb_memory.c): each event reads or writes one block-sized buffer, word by word,
// in order (seq) or at random words (rnd); threads run events until the total size is done.
import { ZipfSampler, paretoInt, paretoPower, sysbenchGaussianInt } from '../random/distributions.ts';
import type { Rng } from '../random/rng.ts';
import type { RandType, SysbenchMemoryWorkload } from '../../shared/scenario/resolved.ts';
import { forkRng, pagesFor, regionBase } from './share.ts';
import { SysbenchLaw } from './sysbench-law.ts';
import type { DrawSource, PageLaw, RefSource, RegionSpec, WorkloadModel } from './types.ts';

/** One reference stands for the accesses to one cache line. */
export const CACHE_LINE = 64;
/** sysbench accesses size_t words. */
const WORD = 8;
/** sysbench's --rand-zipfian-exp default; the scenario has no knob for it. */
export const SYSBENCH_ZIPFIAN_EXP = 0.8;

// How a thread picks its next reference: walk the block, or a random word by --rand-type.
const SEQ = 0;
const UNIFORM = 1;
const GAUSSIAN = 2;
const PARETO = 3;
const ZIPFIAN = 4;
type Mode = typeof SEQ | typeof UNIFORM | typeof GAUSSIAN | typeof PARETO | typeof ZIPFIAN;
const RAND_MODE: Record<RandType, Mode> = {
  uniform: UNIFORM,
  gaussian: GAUSSIAN,
  pareto: PARETO,
  zipfian: ZIPFIAN,
};

interface Shape {
  mode: Mode;
  write: boolean;
  linesPerBlock: number;
  wordsPerBlock: number;
  pageSize: number;
  /** Events (block operations) for this thread; Infinity runs until stopped. */
  events: number;
  power: number;
  zipf: ZipfSampler | null;
}

class SysbenchThread implements RefSource {
  readonly draws?: DrawSource;
  private readonly baseRef: number;
  private readonly shape: Shape;
  private readonly linesPerPage: number;
  private readonly wordsPerPage: number;
  private readonly rng: Rng;
  private eventsLeft: number;
  private line = 0;

  constructor(base: number, shape: Shape, rng: Rng, law: PageLaw | null) {
    this.baseRef = base * 2 + (shape.write ? 1 : 0);
    if (law) this.draws = this.rndDraws(law);
    this.shape = shape;
    this.linesPerPage = Math.max(1, shape.pageSize / CACHE_LINE);
    this.wordsPerPage = shape.pageSize / WORD;
    this.rng = rng;
    this.eventsLeft = shape.events;
  }

  fill(buf: Uint32Array, max: number): number {
    const { baseRef, linesPerPage, wordsPerPage } = this;
    const { mode, linesPerBlock } = this.shape;
    let events = this.eventsLeft;
    let line = this.line;
    let n = 0;
    while (n < max && events > 0) {
      const page =
        mode === SEQ ? Math.floor(line / linesPerPage) : Math.floor(this.randomWord(mode) / wordsPerPage);
      buf[n++] = baseRef + 2 * page;
      if (++line === linesPerBlock) {
        line = 0;
        events--;
      }
    }
    this.eventsLeft = events;
    this.line = line;
    return n;
  }

  /** rnd events are independent word draws: each event is linesPerBlock of them. */
  private rndDraws(law: PageLaw): DrawSource {
    return {
      law,
      sequentialLeft: () => 0,
      drawsLeft: () => this.eventsLeft * this.shape.linesPerBlock - this.line,
      takeDraws: (n) => {
        if (this.eventsLeft === Infinity) return;
        const left = Math.max(0, this.eventsLeft * this.shape.linesPerBlock - this.line - n);
        this.eventsLeft = Math.ceil(left / this.shape.linesPerBlock);
        this.line = this.eventsLeft * this.shape.linesPerBlock - left;
      },
    };
  }

  /** sb_rand_default(0, words - 1) under --rand-type, as sysbench master's rnd events call it. */
  private randomWord(mode: Mode): number {
    const { wordsPerBlock, power, zipf } = this.shape;
    if (mode === GAUSSIAN) return sysbenchGaussianInt(this.rng, wordsPerBlock);
    if (mode === PARETO) return paretoInt(this.rng, wordsPerBlock, power);
    if (mode === ZIPFIAN && zipf !== null) return zipf.sample(this.rng);
    return this.rng.int(wordsPerBlock);
  }
}

/**
 * The buffer is one region shared by all threads (scope global) or one per thread (local). Each
 * thread runs floor(total / block / threads) events, sysbench's own per-thread quota; a total of 0
 * means no limit, as in sysbench. Every event is ceil(block / 64) references: seq touches each
 * cache line of the block in order, rnd picks that many random words (sysbench picks block/8 words
 * per event, so we sample one access in eight, each at sysbench's distribution, referencing its
 * page). write writes, read reads; none makes no memory access in sysbench, but is modelled as
 * reads so the run still touches its buffer.
 *
 * sysbench 1.0.x releases pick rnd words uniformly whatever --rand-type says; master uses the
 * --rand-type distribution (with a gaussian bug that returns word 0, which we do not copy).
 */
export function makeSysbenchMemory(
  w: SysbenchMemoryWorkload,
  pageSize: number,
  _totalRamBytes: number,
): WorkloadModel {
  const pages = pagesFor(w.blockSizeBytes, pageSize);
  const nRegions = w.scope === 'global' ? 1 : w.threads;
  const regions: RegionSpec[] = [];
  for (let i = 0; i < nRegions; i++) regions.push({ pages, file: false });
  const wordsPerBlock = Math.max(1, Math.floor(w.blockSizeBytes / WORD));
  const mode = w.accessMode === 'seq' ? SEQ : RAND_MODE[w.randType];
  const shape: Shape = {
    mode,
    write: w.oper === 'write',
    linesPerBlock: Math.max(1, Math.ceil(w.blockSizeBytes / CACHE_LINE)),
    wordsPerBlock,
    pageSize,
    events:
      w.totalSizeBytes > 0
        ? Math.floor(Math.floor(w.totalSizeBytes / w.blockSizeBytes) / w.threads)
        : Infinity,
    power: paretoPower(w.paretoH),
    // Immutable, so one sampler serves every thread.
    zipf: mode === ZIPFIAN ? new ZipfSampler(wordsPerBlock, SYSBENCH_ZIPFIAN_EXP) : null,
  };
  return {
    regions,
    threads: (bases, rng) => {
      const sources: RefSource[] = [];
      const laws = regions.map((_, r) =>
        mode === SEQ
          ? null
          : new SysbenchLaw(
              regionBase(bases, r),
              pages,
              wordsPerBlock,
              pageSize / WORD,
              w.randType,
              shape.power,
              SYSBENCH_ZIPFIAN_EXP,
              shape.write,
            ),
      );
      for (let t = 0; t < w.threads; t++) {
        const region = nRegions === 1 ? 0 : t;
        sources.push(new SysbenchThread(regionBase(bases, region), shape, forkRng(rng), laws[region]!));
      }
      return sources;
    },
  };
}
