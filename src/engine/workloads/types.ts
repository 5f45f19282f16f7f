// What a workload is to the engine: the memory regions it maps, and per thread a source of page
// references. References are encoded as `vpage * 2 + write` in a Uint32Array so the engine's hot loop
// reads plain numbers (vpage is a global virtual page index: region base + page offset).
import type { Rng } from '../random/rng.ts';

export interface RegionSpec {
  pages: number;
  /** File pages live in the page cache and are read with read(): referenced via mark_page_accessed. */
  file: boolean;
}

export interface RefSource {
  /**
   * Writes up to `max` references into `buf` from index 0 and returns how many it wrote.
   * Returns 0 only when the thread's work is done. `nowMs` is simulated time (phase changes use it).
   */
  fill(buf: Uint32Array, max: number, nowMs: number): number;
  /**
   * Present when the thread's references after a sequential part are independent draws from a
   * fixed law (the rate engine plays those by their probabilities instead of one by one).
   */
  readonly draws?: DrawSource;
}

/**
 * A page's probability of being the next reference, over one region: p(offset) sums to 1. Shared
 * by every thread drawing from the region; phase changes move it at set times.
 */
export interface PageLaw {
  /** First global vpage of the region, and its size in pages. */
  readonly base: number;
  readonly pages: number;
  /** Share of references that write. */
  readonly writeShare: number;
  p(offset: number): number;
  /**
   * Reads the memory p(offset) will read, computing nothing, and returns what it read (callers
   * keep it so the load stays): 0 for a law whose p is arithmetic alone.
   */
  warmP(offset: number): number;
  /** Time (ms) of the next change of the law, or Infinity. */
  nextChangeMs(): number;
  /** Applies every change due at nowMs. */
  advanceTo(nowMs: number): void;
}

/** The independent-draw half of a thread: fill() yields its sequential references first. */
export interface DrawSource {
  readonly law: PageLaw;
  /** References fill() still yields before the draws begin (a populate pass). */
  sequentialLeft(): number;
  /** Draws still to make; Infinity until stopped. May be fractional in the rate engine. */
  drawsLeft(): number;
  takeDraws(n: number): void;
}

export interface WorkloadModel {
  regions: RegionSpec[];
  /** Called once, after the engine placed the regions: bases[i] is region i's first global vpage. */
  threads(bases: readonly number[], rng: Rng): RefSource[];
}

export const encodeRef = (vpage: number, write: boolean): number => vpage * 2 + (write ? 1 : 0);
