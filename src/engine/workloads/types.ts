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
}

export interface WorkloadModel {
  regions: RegionSpec[];
  /** Called once, after the engine placed the regions: bases[i] is region i's first global vpage. */
  threads(bases: readonly number[], rng: Rng): RefSource[];
}

export const encodeRef = (vpage: number, write: boolean): number => vpage * 2 + (write ? 1 : 0);
