// NOMAD's shadow pages (Xiang et al., OSDI'24; async_promote_main.c link_shadow_page,
// release_shadow_page, demote_shadow_page_find/breakup, reclaim_shadow_page): a promoted page keeps
// its slow-tier frame as a shadow, linked from the fast frame in a side table (the module's xarray),
// and its PTE is write-protected. Its first write faults and frees the shadow; while it stays clean,
// demotion remaps it to the shadow without a copy; the slow node's reclaim frees shadows first.
import { NR_COUNTERS, STAT } from '../../shared/vmstat.ts';
import { FAULT_BASE_NS } from './costs.ts';
import { count, type Kernel } from './kernel.ts';
import { NIL, pageToNid, putFreeFrame } from './mem-state.ts';
import type { ScanControl } from './scan-control.ts';
import { writeProtected } from './reference-model.ts';

/**
 * Frame flag (bit 15 of page-flags.ts's free bits): the page has a shadow, so its PTE is mapped
 * write-protected (the patch's _PAGE_ORIGINALLY_WRITABLE kept aside) and a write takes the fault
 * that frees the shadow. Set only on top-tier frames, never with PG_dirty's meaning changed.
 */
export const PG_SHADOWED = 1 << 15;

/** Frame flags under which a write reference leaves the plain path (PG_COPYING of nomad-tpm.ts is bit 14). */
export const NOMAD_WRITE_CHECKED = PG_SHADOWED | (1 << 14);

/** A write-protect fault that only breaks the shadow link and restores the write bit: no zeroing, no copy. */
export const WP_FAULT_NS = FAULT_BASE_NS;

export interface NomadShadows {
  /** Per node: index of its first frame in `shadowOf` if it is a top-tier node, else -1. */
  readonly fastBase: Int32Array;
  /** Per top-tier frame: the slow-tier frame holding its shadow, or NIL (4 bytes a fast frame). */
  readonly shadowOf: Uint32Array;
  /** Per slow node: where the next shadow reclaim resumes in `shadowOf` (round robin). */
  readonly reclaimCursor: Uint32Array;
}

export function createNomadShadows(k: Kernel): NomadShadows {
  const nrNodes = k.m.nrNodes;
  const fastBase = new Int32Array(nrNodes).fill(-1);
  let size = 0;
  for (let n = 0; n < nrNodes; n++) {
    if (!k.layout.topTier[n]) continue;
    fastBase[n] = size;
    size += k.m.nodeEnd[n]! - k.m.nodeStart[n]!;
  }
  return { fastBase, shadowOf: new Uint32Array(size).fill(NIL), reclaimCursor: new Uint32Array(nrNodes) };
}

function slotOf(k: Kernel, s: NomadShadows, pfn: number): number {
  const n = pageToNid(k.m, pfn);
  return s.fastBase[n]! + pfn - k.m.nodeStart[n]!;
}

/** link_shadow_page(): fast frame `page` (just promoted, mapped) keeps `shadow`, its old frame. */
export function linkShadow(k: Kernel, page: number, shadow: number): void {
  const s = k.nomad!;
  s.shadowOf[slotOf(k, s, page)] = shadow;
  k.m.flags[page] = k.m.flags[page]! | PG_SHADOWED;
  count(k, pageToNid(k.m, shadow), STAT.nr_nomad_shadow);
  writeProtected(k, k.m.owner[page]!);
}

/** Unlinks `page`'s shadow and returns its frame (still allocated), or NIL if it had none. */
function unlinkShadow(k: Kernel, page: number): number {
  const s = k.nomad!;
  if (!(k.m.flags[page]! & PG_SHADOWED)) return NIL;
  const i = slotOf(k, s, page);
  const shadow = s.shadowOf[i]!;
  s.shadowOf[i] = NIL;
  k.m.flags[page] = k.m.flags[page]! & ~PG_SHADOWED;
  count(k, pageToNid(k.m, shadow), STAT.nr_nomad_shadow, -1);
  return shadow;
}

function freeShadow(k: Kernel, shadow: number): void {
  putFreeFrame(k.m, shadow);
  count(k, pageToNid(k.m, shadow), STAT.pgfree);
}

/** The page in fast frame `page` is going away (freed, swapped out): its shadow is freed with it. */
export function releaseShadow(k: Kernel, page: number): void {
  const shadow = unlinkShadow(k, page);
  if (shadow !== NIL) freeShadow(k, shadow);
}

/**
 * The write-protect fault on a shadowed page (release_shadow_page in the fault): the shadow no
 * longer matches, so it is freed and the PTE made writable again. Adds the fault's time to k.chargedNs.
 */
export function shadowWriteFault(k: Kernel, page: number): void {
  const shadow = unlinkShadow(k, page);
  if (shadow === NIL) return;
  count(k, pageToNid(k.m, shadow), STAT.nomad_shadow_wp_free);
  count(k, pageToNid(k.m, page), STAT.pgfault);
  freeShadow(k, shadow);
  k.chargedNs += WP_FAULT_NS;
}

/**
 * demote_shadow_page_find(): the frame a clean shadowed page demotes into without a copy (its
 * shadow, unlinked and handed to the caller), or NIL. A page with a shadow is clean: it is
 * write-protected, and its first write would have freed the shadow.
 */
export function takeShadowForDemotion(k: Kernel, page: number): number {
  const shadow = unlinkShadow(k, page);
  if (shadow !== NIL) count(k, pageToNid(k.m, page), STAT.nomad_shadow_demote);
  return shadow;
}

/**
 * migrate_folio() of a shadowed page (compaction, hot-plug, move_pages, a demotion that did not
 * use the shadow): within the top tier the link follows the page; out of it the shadow is freed.
 */
export function nomadMigrating(k: Kernel, src: number, dst: number): void {
  if (!(k.m.flags[src]! & PG_SHADOWED)) return;
  const s = k.nomad!;
  if (s.fastBase[pageToNid(k.m, dst)]! < 0) {
    releaseShadow(k, src);
    return;
  }
  const shadow = unlinkShadow(k, src);
  s.shadowOf[slotOf(k, s, dst)] = shadow;
  count(k, pageToNid(k.m, shadow), STAT.nr_nomad_shadow);
  k.m.flags[src] = k.m.flags[src]! | PG_SHADOWED; // migrateFolio carries the flag to dst
  writeProtected(k, k.m.owner[src]!);
}

/**
 * reclaim_shadow_page(nid, nr_to_reclaim) at the start of a slow node's shrink_node: shadow memory
 * is given back before any page is scanned, and counts as reclaimed. Walks the links round robin
 * from where the last call stopped (the module walks its xarray from the lowest struct page each
 * time: the same shadows, in a different order). Returns how many were freed.
 */
export function reclaimShadows(k: Kernel, node: number, sc: ScanControl): number {
  const s = k.nomad!;
  const want = Math.min(nrShadows(k, node), sc.nrToReclaim - sc.nrReclaimed);
  if (!(want > 0)) return 0;
  const size = s.shadowOf.length;
  let i = s.reclaimCursor[node]!;
  let freed = 0;
  for (let seen = 0; seen < size && freed < want; seen++, i = i + 1 === size ? 0 : i + 1) {
    const shadow = s.shadowOf[i]!;
    if (shadow === NIL || pageToNid(k.m, shadow) !== node) continue;
    s.shadowOf[i] = NIL;
    const page = fastFrameOf(k, s, i);
    k.m.flags[page] = k.m.flags[page]! & ~PG_SHADOWED; // writable again: exclusive from now on
    count(k, node, STAT.nr_nomad_shadow, -1);
    count(k, node, STAT.nomad_shadow_reclaim);
    freeShadow(k, shadow);
    freed++;
  }
  s.reclaimCursor[node] = i;
  sc.nrReclaimed += freed;
  return freed;
}

/** Shadow pages node `node` holds (the nr_nomad_shadow gauge). */
export function nrShadows(k: Kernel, node: number): number {
  return k.stats[node * NR_COUNTERS + STAT.nr_nomad_shadow]!;
}

/** The fast frame whose link is slot i of shadowOf. */
function fastFrameOf(k: Kernel, s: NomadShadows, i: number): number {
  for (let n = 0; n < s.fastBase.length; n++) {
    const base = s.fastBase[n]!;
    if (base >= 0 && i >= base && i - base < k.m.nodeEnd[n]! - k.m.nodeStart[n]!)
      return k.m.nodeStart[n]! + i - base;
  }
  return NIL;
}
