// pmbench-like hot sets: populate one anonymous region by writing every page, then access it with a
// skewed distribution (uniform, normal, zipf or a hot fraction) and a read ratio; phases move the hot set.
import { NormalSampler, ZipfSampler } from '../random/distributions.ts';
import type { Rng } from '../random/rng.ts';
import type { HotsetWorkload, HotPosition } from '../../shared/scenario/resolved.ts';
import { placeHot } from './hotset-position.ts';
import { forkRng, pagesFor, regionBase, shareOf, sliceStart } from './share.ts';
import { HotsetLaw } from './hotset-law.ts';
import type { DrawSource, PageLaw, RefSource, WorkloadModel } from './types.ts';

const UNIFORM = 0;
const NORMAL = 1;
const ZIPF = 2;
const HOT = 3;
type Dist = typeof UNIFORM | typeof NORMAL | typeof ZIPF | typeof HOT;
const DIST: Record<HotsetWorkload['distribution'], Dist> = {
  uniform: UNIFORM,
  normal: NORMAL,
  zipf: ZIPF,
  hot: HOT,
};

/** What every thread of one hotset workload shares; immutable. */
interface Shape {
  w: HotsetWorkload;
  dist: Dist;
  pages: number;
  pageSize: number;
  hotPages: number;
  stddevPages: number;
  zipf: ZipfSampler | null;
  phases: readonly { atMs: number; hotPosition: HotPosition }[];
}

class HotsetThread implements RefSource, DrawSource {
  readonly draws: DrawSource = this;
  readonly law: PageLaw;
  private readonly base: number;
  private readonly s: Shape;
  private readonly rng: Rng;
  private readonly normal = new NormalSampler();
  /** fill()'s zipf batch: each draw's second random word, until its slot is looked up. */
  private slotDraws = new Uint32Array(0);
  private popNext: number;
  private readonly popEnd: number;
  private accessesLeft: number;
  private nextPhase = 0;
  private hotStart = 0;
  private mean = 0;
  private zipfOrigin = 0;
  private zipfDir = 1;

  constructor(
    base: number,
    s: Shape,
    law: PageLaw,
    rng: Rng,
    popStart: number,
    popEnd: number,
    accesses: number,
  ) {
    this.base = base;
    this.law = law;
    this.s = s;
    this.rng = rng;
    this.popNext = popStart;
    this.popEnd = popEnd;
    // Nothing to access in an empty region.
    this.accessesLeft = s.pages > 0 ? accesses : 0;
    this.place(s.w.hotPosition);
  }

  fill(buf: Uint32Array, max: number, nowMs: number): number {
    this.applyPhases(nowMs);
    const base2 = this.base * 2;
    let n = 0;
    // Populate: one write per page of this thread's slice, in order.
    let pop = this.popNext;
    const popEnd = this.popEnd;
    while (n < max && pop < popEnd) buf[n++] = base2 + 2 * pop++ + 1;
    this.popNext = pop;

    const rng = this.rng;
    const readRatio = this.s.w.readRatio;
    let left = this.accessesLeft;
    const zipf = this.s.zipf;
    if (zipf !== null && n < max && left > 0 && zipf.hasTable()) {
      // pick()'s zipf case in two passes over the batch (the draws in the same order): the alias
      // table is read uniformly, a cache miss a draw, and a pass of loads alone overlaps them.
      if (this.slotDraws.length < buf.length) this.slotDraws = new Uint32Array(buf.length);
      const us = this.slotDraws;
      const first = n;
      while (n < max && left > 0) {
        const write = +(rng.float() >= readRatio); // branch-free: a random branch mispredicts
        buf[n] = 2 * zipf.drawSlot(rng, us, n) + write;
        n++;
        left--;
      }
      const { pages } = this.s;
      const origin = this.zipfOrigin;
      const dir = this.zipfDir;
      for (let j = first; j < n; j++) {
        const slot = buf[j]!;
        const p = origin + dir * zipf.resolve(slot >>> 1, us[j]!);
        buf[j] = base2 + 2 * (p >= pages ? p - pages : p) + (slot & 1);
      }
    }
    while (n < max && left > 0) {
      const write = +(rng.float() >= readRatio);
      buf[n++] = base2 + 2 * this.pick() + write;
      left--;
    }
    this.accessesLeft = left;
    return n;
  }

  sequentialLeft(): number {
    return this.popEnd - this.popNext;
  }

  drawsLeft(): number {
    return this.accessesLeft;
  }

  takeDraws(n: number): void {
    this.accessesLeft = Math.max(0, this.accessesLeft - n);
  }

  /** A page offset in [0, pages) under the workload's distribution and the current placement. */
  private pick(): number {
    const { dist, pages, hotPages } = this.s;
    const rng = this.rng;
    switch (dist) {
      case NORMAL:
        return Math.floor(this.normal.truncated(rng, this.mean, this.s.stddevPages, 0, pages));
      case ZIPF: {
        const rank = this.s.zipf === null ? 0 : this.s.zipf.sample(rng);
        const p = this.zipfOrigin + this.zipfDir * rank;
        return p >= pages ? p - pages : p;
      }
      case HOT: {
        const cold = pages - hotPages;
        if (cold === 0 || rng.float() < this.s.w.hotProbability) return this.hotStart + rng.int(hotPages);
        const r = rng.int(cold);
        return r < this.hotStart ? r : r + hotPages;
      }
      default:
        return rng.int(pages);
    }
  }

  /** Moves the hot set for every phase whose time has come; only at the start of a fill. */
  private applyPhases(nowMs: number): void {
    const phases = this.s.phases;
    for (let ph = phases[this.nextPhase]; ph !== undefined && ph.atMs <= nowMs; ph = phases[this.nextPhase]) {
      this.place(ph.hotPosition);
      this.nextPhase++;
    }
  }

  private place(position: HotPosition): void {
    const at = placeHot(position, this.s.pages, this.s.hotPages, this.s.pageSize);
    this.hotStart = at.hotStart;
    this.mean = at.mean;
    this.zipfOrigin = at.zipfOrigin;
    this.zipfDir = at.zipfDir;
  }
}

/**
 * One anonymous region shared by all threads. Thread t first writes its own slice of the pages
 * (so the region is populated once, not once per thread), then makes its share of `accesses`
 * (the total is split across threads; null means no end), one reference per access, reading with
 * probability readRatio. See placeHot for where head, tail and offsets put the hot set.
 */
export function makeHotset(w: HotsetWorkload, pageSize: number, _totalRamBytes: number): WorkloadModel {
  const pages = pagesFor(w.sizeBytes, pageSize);
  const dist = DIST[w.distribution];
  const shape: Shape = {
    w,
    dist,
    pages,
    pageSize,
    hotPages: Math.min(pages, Math.max(1, Math.round(w.hotFraction * pages))),
    stddevPages: w.stddevFraction * pages,
    zipf: dist === ZIPF && pages > 0 ? new ZipfSampler(pages, w.zipfS) : null,
    // Sorted by time (stably), so a thread applies them with one cursor.
    phases: [...w.phases].sort((a, b) => a.atMs - b.atMs),
  };
  return {
    regions: [{ pages, file: false }],
    threads: (bases, rng) => {
      const base = regionBase(bases, 0);
      const law = new HotsetLaw(w, base, pages, shape.hotPages, pageSize, shape.phases);
      const sources: RefSource[] = [];
      for (let t = 0; t < w.threads; t++) {
        const accesses = w.accesses === null ? Infinity : shareOf(w.accesses, t, w.threads);
        const popStart = sliceStart(pages, t, w.threads);
        const popEnd = sliceStart(pages, t + 1, w.threads);
        sources.push(new HotsetThread(base, shape, law, forkRng(rng), popStart, popEnd, accesses));
      }
      return sources;
    },
  };
}
