// Per-frame flag bits (16 per page frame, bits 13-15 free), named after the kernel's page flags and PTE bits.
// A frame's node is not kept here, unlike page->flags: pageToNid() (mem-state.ts) reads it from the node ranges.

export const PG = {
  /** On an LRU list (PG_lru); cleared while isolated for reclaim or migration. */
  lru: 1,
  /** On the active list (PG_active). */
  active: 2,
  /** Software referenced bit (PG_referenced), set by mark_page_accessed and by reclaim's second look. */
  referenced: 4,
  /** The PTE's hardware accessed bit (young); cleared by folio_referenced() during reclaim scans. */
  young: 8,
  /** A page-cache page (file LRU); otherwise anonymous and swap-backed. */
  file: 16,
  /** Dirty: must be written back (file) or swapped out (anon always is) before it can be freed. */
  dirty: 32,
  /** PTE made PROT_NONE by the NUMA-balancing scanner: the next touch is a NUMA hint fault. */
  protnone: 64,
  /** Arrived here by demotion; used to detect ping-pong and Yang Shi v3's demote-only-once rule. */
  demoted: 128,
  /** Arrived here by promotion (a move to a faster tier, by any mechanism): ping-pong detection. */
  promoted: 256,
  /** PG_idle: set by idle page tracking (page_idle, DAMON, idle_pages); an access clears it. */
  idle: 512,
  /** PG_young: the PTE was young when idle tracking cleared it, kept for reclaim's next look. */
  youngIdle: 1024,
  /**
   * The PTE's hardware dirty bit (pte_dirty): set by every write through the mapping. Only the
   * memory-optimizer's walk reads it (memopt_weigh_dirty), and clears it as it does the accessed
   * bit; that is safe for anon pages (seed 003), whose PG_dirty already stands for the data.
   */
  written: 2048,
  /**
   * The rate engine's PROT_NONE whose hint fault is counted in aggregate (rate/hint-aggregate.ts):
   * the frame stays on the plain path and touchMark holds the draw count of its fault, after which
   * the PTE counts as restored. Its next reader (syncAccessBits) settles it.
   */
  hintPending: 4096,
} as const;

/** What a write reference sets: PG_dirty, and the PTE's dirty bit the daemon's walk may clear. */
export const WRITE_BITS = PG.dirty | PG.written;

/** LRU list indices, as enum lru_list in include/linux/mmzone.h (file lists follow the anon ones). */
export type LruList = 0 | 1 | 2 | 3;
export const LRU_INACTIVE_ANON = 0;
export const LRU_ACTIVE_ANON = 1;
export const LRU_INACTIVE_FILE = 2;
export const LRU_ACTIVE_FILE = 3;
export const NR_LRU_LISTS = 4;
/** for_each_lru(). */
export const LRU_LISTS: readonly LruList[] = [0, 1, 2, 3];

/** is_file_lru(). */
export function isFileLru(lru: LruList): boolean {
  return lru >= LRU_INACTIVE_FILE;
}

export function lruOf(flags: number): LruList {
  return ((flags & PG.file ? LRU_INACTIVE_FILE : LRU_INACTIVE_ANON) + (flags & PG.active ? 1 : 0)) as LruList;
}
