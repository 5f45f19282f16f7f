// Which multi-gen LRU rules each kernel has. MGLRU is in 6.1 (off by default) and 6.12, and Yu Zhao's
// v6.14 series "mm/mglru: performance optimizations" reworked how it protects the working set, when
// it ages and which refaults count; the rules below are the parts of that rework Tierlab models, each
// with the release that has it. 6.1 is 6.1.129 as Debian 12 ships it: its stable updates carry 6.8's
// "mm/mglru: fix underprotected page cache", so its placement rules are 6.12's.
import type { KernelVersion } from './kernels.ts';

/** A modelled kernel, or the mainline a research preset runs (damon-tiering: v6.16). */
export type LruGenKernel = KernelVersion | 'mainline';

export interface LruGenRules {
  /**
   * v6.14's workingset protection: refs count after PG_referenced and PG_workingset comes last
   * (lru_tier_from_refs(refs, workingset)); the aging and the rmap walk promote on a folio's second
   * young sighting (PG_referenced the first time); lru_gen_distance() places folios; a folio
   * rejected by eviction is moved off the oldest generation only if it would land there.
   * Without it (6.1, 6.12): PG_referenced, then PG_workingset, then refs (order_base_2(refs + 1));
   * one young sighting promotes; eviction checks references as the two lists do and every
   * rejected folio joins the youngest generation.
   */
  readonly workingsetRework: boolean;
  /**
   * 6.1 and 6.12's should_run_aging(): with MIN_NR_GENS + 1 generations it ages only when the
   * youngest holds over 1/MIN_NR_GENS of the pages or the oldest under 1/(MIN_NR_GENS + 2).
   * Without it (v6.14): it always ages at MIN_NR_GENS + 1.
   */
  readonly agingBySpread: boolean;
  /**
   * v6.14's refault detection (lru_gen_test_recent): a shadow is recent while max_seq is within
   * MAX_NR_GENS of the min_seq it left. Without it (6.1, 6.12): only while min_seq is unchanged,
   * and a refault sets PG_workingset (with full refs) only for a folio that had 3 or more refs.
   */
  readonly refaultByMaxSeq: boolean;
  /**
   * v6.3's reclaim loop: global reclaim walks each node's memcg LRU (lru_gen_shrink_node), the
   * eviction path ages a lruvec out of cold folios (kswapd too) and rotates it, and stops at the
   * watermarks. Without it (6.1): the memcg walk of the two lists (shrink_node_memcgs), kswapd ages
   * every memcg in lru_gen_age_node() unless the last eviction found enough cold folios
   * (memcgs_need_aging), direct reclaim ages and evicts on, and should_abort_scan()'s fairness rules.
   */
  readonly memcgLru: boolean;
}

export interface LruGenRule {
  readonly rule: keyof LruGenRules;
  /** The kernels that have it. */
  readonly in: readonly LruGenKernel[];
  readonly what: string;
  readonly source: string;
}

export const LRU_GEN_RULES: readonly LruGenRule[] = [
  {
    rule: 'workingsetRework',
    in: ['mainline'],
    what:
      'refs count after PG_referenced, PG_workingset last; promotion on the second young sighting; ' +
      'lru_gen_distance() placement; rejected folios leave only the oldest generation',
    source:
      'Yu Zhao, "mm/mglru: rework workingset protection" (6/6 of "mm/mglru: performance optimizations", ' +
      'v3, 2024-12-07), v6.14, with 9cbfd1c3c83b "mm/mglru: clean up workingset" and cc8ec7be78ff ' +
      '"mm/mglru: optimize deactivation"',
  },
  {
    rule: 'agingBySpread',
    in: ['6.1', '6.12'],
    what: 'at MIN_NR_GENS + 1 generations, age only if the youngest is over 1/2 or the oldest under 1/4 of the pages',
    source: 'removed by Yu Zhao, 798c0330c2ca "mm/mglru: rework aging feedback", v6.14',
  },
  {
    rule: 'refaultByMaxSeq',
    in: ['mainline'],
    what: 'a refault counts while max_seq is within MAX_NR_GENS of the min_seq it was evicted from',
    source: 'Yu Zhao, b1a71694fb00 "mm/mglru: rework refault detection", v6.14',
  },
  {
    rule: 'memcgLru',
    in: ['6.12', 'mainline'],
    what:
      'global reclaim walks the memcg LRU and kswapd ages in the eviction path; 6.1: the memcg walk, ' +
      'aging in lru_gen_age_node() (memcgs_need_aging) and should_abort_scan() fairness',
    source:
      'Yu Zhao, "mm: multi-gen LRU: per-node lru_gen_folio lists", "remove aging fairness safeguard" and ' +
      '"remove eviction fairness safeguard" (mm-unstable, 2022-12-21), v6.3',
  },
];

/** The rules `kernel` has; null is a research preset's own mainline release. */
export function lruGenRules(kernel: KernelVersion | null): LruGenRules {
  const k: LruGenKernel = kernel ?? 'mainline';
  const has = (rule: keyof LruGenRules): boolean =>
    LRU_GEN_RULES.some((r) => r.rule === rule && r.in.includes(k));
  return {
    workingsetRework: has('workingsetRework'),
    agingBySpread: has('agingBySpread'),
    refaultByMaxSeq: has('refaultByMaxSeq'),
    memcgLru: has('memcgLru'),
  };
}
