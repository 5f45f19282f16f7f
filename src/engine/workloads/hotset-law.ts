// The probability of each page of a hot set under its distribution and current placement: the
// law HotsetThread.pick() draws from, written out for the rate engine. Worked example, 100 pages,
// 'hot' with hotFraction 0.2 and hotProbability 0.9 at the head: pages 0..19 have 0.9 / 20 = 0.045
// each, pages 20..99 have 0.1 / 80 = 0.00125 each.
import { HarmonicSums, normalMass } from '../random/cdf.ts';
import type { HotPosition, HotsetWorkload } from '../../shared/scenario/resolved.ts';
import { placeHot, type HotPlacement } from './hotset-position.ts';
import { ALIAS_MAX_ITEMS } from '../random/zipf.ts';
import type { PageLaw } from './types.ts';

/** Past ALIAS_MAX_ITEMS pages the zipf table is filled by a recurrence anchored at every this-many ranks. */
const ZIPF_ANCHOR = 4096;

/**
 * (1 + 1/r)^-s = exp(-s log1p(h)), h = 1/r <= 1/ZIPF_ANCHOR: the two series to h^4 and y^4 leave
 * errors below h^5 and y^5 / 120 (about 1e-18), so it costs a few multiplications, not an exp and a log.
 */
function zipfStep(s: number, r: number): number {
  const h = 1 / r;
  const y = -s * h * (1 - h * (0.5 - h * (1 / 3 - h * 0.25)));
  return 1 + y * (1 + y * (0.5 + y * (1 / 6 + y / 24)));
}

export class HotsetLaw implements PageLaw {
  readonly base: number;
  readonly pages: number;
  readonly writeShare: number;
  private readonly w: HotsetWorkload;
  private readonly hotPages: number;
  private readonly pageSize: number;
  private readonly phases: readonly { atMs: number; hotPosition: HotPosition }[];
  private nextPhase = 0;
  private at: HotPlacement;
  /** zipf: 1 / H(pages, s), the normalising constant. */
  private readonly zipfNorm: number;
  /**
   * zipf: p by rank, filled on the first p() (only the rate engine asks): reclaim reads p on every
   * check of a drawn page, and one Math.pow a call was a fifth of a swap-heavy run. Indexed by
   * rank, so a phase that moves the hot set keeps it. Float32 (4 bytes a page, half the alias
   * table the rate engine no longer builds).
   */
  private zipfByRank: Float32Array | null = null;
  /** normal: 1 / P(0 <= X < pages), the truncation's normalising constant, for the current mean. */
  private normalNorm = 1;

  constructor(
    w: HotsetWorkload,
    base: number,
    pages: number,
    hotPages: number,
    pageSize: number,
    phases: readonly { atMs: number; hotPosition: HotPosition }[],
  ) {
    this.w = w;
    this.base = base;
    this.pages = pages;
    this.hotPages = hotPages;
    this.pageSize = pageSize;
    this.phases = phases;
    this.writeShare = 1 - w.readRatio;
    this.zipfNorm =
      w.distribution === 'zipf' && pages > 0 ? 1 / new HarmonicSums(w.zipfS, pages).at(pages) : 0;
    this.at = this.place(w.hotPosition);
  }

  nextChangeMs(): number {
    return this.phases[this.nextPhase]?.atMs ?? Infinity;
  }

  advanceTo(nowMs: number): void {
    for (
      let ph = this.phases[this.nextPhase];
      ph !== undefined && ph.atMs <= nowMs;
      ph = this.phases[this.nextPhase]
    ) {
      this.at = this.place(ph.hotPosition);
      this.nextPhase++;
    }
  }

  p(i: number): number {
    const { pages, hotPages, w, at } = this;
    switch (w.distribution) {
      case 'uniform':
        return 1 / pages;
      case 'hot': {
        const cold = pages - hotPages;
        const hot = i >= at.hotStart && i < at.hotStart + hotPages;
        if (cold === 0) return 1 / hotPages;
        return hot ? w.hotProbability / hotPages : (1 - w.hotProbability) / cold;
      }
      case 'zipf':
        return (this.zipfByRank ?? this.fillZipfByRank())[this.zipfRank(i)]!;
      case 'normal': {
        const sd = w.stddevFraction * pages;
        if (!(sd > 0)) return i === Math.min(pages - 1, Math.max(0, Math.floor(at.mean))) ? 1 : 0;
        return normalMass((i - at.mean) / sd, (i + 1 - at.mean) / sd) * this.normalNorm;
      }
    }
  }

  warmP(i: number): number {
    return this.w.distribution === 'zipf' ? (this.zipfByRank ?? this.fillZipfByRank())[this.zipfRank(i)]! : 0;
  }

  /** pick(): page = origin + dir * rank, wrapping past the end (dir 1 only). */
  private zipfRank(i: number): number {
    const { at, pages } = this;
    if (at.zipfDir !== 1) return at.zipfOrigin - i;
    return i >= at.zipfOrigin ? i - at.zipfOrigin : i - at.zipfOrigin + pages;
  }

  private zipfP(rank: number): number {
    const s = this.w.zipfS;
    return (s === 1 ? 1 / (rank + 1) : Math.pow(rank + 1, -s)) * this.zipfNorm;
  }

  /**
   * The rank table. Up to ALIAS_MAX_ITEMS pages each entry is zipfP(rank); past it (a 600 GiB set
   * has 157 M pages, and a Math.pow each, ~100 ns, was a quarter of its run), every
   * ZIPF_ANCHOR-th rank is and those between follow by (r + 1)^-s = r^-s (1 + 1/r)^-s, from a
   * series accurate to 1e-18 for r >= ZIPF_ANCHOR: well inside Float32's 6e-8.
   */
  private fillZipfByRank(): Float32Array {
    const n = this.pages;
    const table = new Float32Array(n);
    const s = this.w.zipfS;
    let f = 0;
    for (let rank = 0; rank < n; rank++) {
      if (n <= ALIAS_MAX_ITEMS || rank < ZIPF_ANCHOR || rank % ZIPF_ANCHOR === 0) f = this.zipfP(rank);
      else f *= zipfStep(s, rank);
      table[rank] = f;
    }
    this.zipfByRank = table;
    return table;
  }

  private place(position: HotPosition): HotPlacement {
    const at = placeHot(position, this.pages, this.hotPages, this.pageSize);
    const sd = this.w.stddevFraction * this.pages;
    if (this.w.distribution === 'normal' && sd > 0) {
      this.normalNorm = 1 / normalMass((0 - at.mean) / sd, (this.pages - at.mean) / sd);
    }
    return at;
  }
}
