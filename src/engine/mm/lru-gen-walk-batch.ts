// The page-table walk's batched generation sizes (mm/vmscan.c update_batch_size, reset_batch_size):
// a folio the aging or a kswapd look-around promotes only has its gen bits changed; its pages move
// between the generations' nr_pages once, when the walk ends, as lru_gen_mm_walk->nr_pages has them.
import { folioNrPages } from './folio.ts';
import { folioType, listIndex, MAX_NR_GENS, type LruGen } from './lru-gen.ts';
import type { MemState } from './mem-state.ts';

/** lru_gen_mm_walk->nr_pages[gen][type] (no zones): the pages owed to each generation. */
const nrPages = new Float64Array(MAX_NR_GENS * 2);
/** walk->batched: folios moved since the sizes were last applied. */
let batched = 0;

/** update_batch_size(): folio pfn's pages move from oldGen to newGen when the batch is applied. */
export function updateBatchSize(m: MemState, pfn: number, oldGen: number, newGen: number): void {
  const type = folioType(m, pfn);
  const delta = folioNrPages(m, pfn);
  batched++;
  nrPages[oldGen * 2 + type]! -= delta;
  nrPages[newGen * 2 + type]! += delta;
}

/**
 * reset_batch_size(): adds the batch to lruvec's generation sizes and empties it. The sizes are
 * whole pages, so the sums are exact: the same totals as moving each folio's pages at once.
 */
export function resetBatchSize(lg: LruGen, lruvec: number): void {
  if (!batched) return;
  batched = 0;
  for (let gen = 0; gen < MAX_NR_GENS; gen++) {
    for (let type = 0; type < 2; type++) {
      const delta = nrPages[gen * 2 + type]!;
      if (!delta) continue;
      nrPages[gen * 2 + type] = 0;
      lg.nrPages[listIndex(lruvec, gen, type)]! += delta;
    }
  }
}
