// The bounds a trace sets for any cache of C pages: exact LRU (every C at once) and Belady's MIN (per
// requested C), both starting empty, fed dense page ids in one forward pass. Memory is O(footprint):
// per page its latest position and recency slot (slots are compacted when they run out), per C O(C).
import {
  createLruStack,
  stackHits,
  stackInsert,
  stackRebuild,
  stackReuse,
  type LruStack,
} from './lru-stack.ts';
import { createOptLevels, optFirst, optReuse, type OptLevels } from './opt-levels.ts';
import type { CapacityBound } from './types.ts';

export interface Bounds {
  /** Per dense page id: the recency slot of its latest reference, -1 before its first. */
  slotOf: Int32Array;
  /** Per dense page id: the position of its latest reference. */
  lastAt: Float64Array;
  /** Per slot: the page that was referenced there (stale once the page moved on). */
  idAt: Int32Array;
  /** Next free slot; slots are handed out in reference order. */
  top: number;
  size: number;
  /** References that are not immediate repeats, so far: the position of the next one. */
  position: number;
  pages: number;
  refs: number;
  /** Re-references of the page referenced just before: hits for any C >= 1, and no state change. */
  repeats: number;
  prevId: number;
  readonly lru: LruStack;
  readonly capacities: readonly number[];
  /** MIN per capacity; null for a capacity below 1 page, which never hits. */
  readonly opt: (OptLevels | null)[];
}

const INITIAL_SLOTS = 1024;

/**
 * `optCapacities`: the cache sizes (pages) that Belady's MIN is computed for. `slots` (a power of two)
 * is only the starting size; tests make it tiny so that compaction runs all the time.
 */
export function createBounds(optCapacities: readonly number[], slots = INITIAL_SLOTS): Bounds {
  return {
    slotOf: new Int32Array(slots).fill(-1),
    lastAt: new Float64Array(slots),
    idAt: new Int32Array(slots),
    top: 0,
    size: slots,
    position: 0,
    pages: 0,
    refs: 0,
    repeats: 0,
    prevId: -1,
    lru: createLruStack(slots),
    capacities: [...optCapacities],
    opt: optCapacities.map((c) => (c >= 1 ? createOptLevels(c) : null)),
  };
}

/** Feeds references encoded `id * 2 + write` (the write bit does not matter to either bound). */
export function boundsFeed(b: Bounds, refs: Uint32Array): void {
  b.refs += refs.length;
  const opt = b.opt;
  for (let k = 0; k < refs.length; k++) {
    const id = refs[k]! >>> 1;
    // An immediate repeat shares its predecessor's position and slot: neither bound can tell them apart.
    if (id === b.prevId) {
      b.repeats++;
      continue;
    }
    b.prevId = id;
    if (id >= b.slotOf.length) growIds(b, id);
    if (b.top === b.size) compact(b);
    const old = b.slotOf[id]!;
    const slot = b.top++;
    b.idAt[slot] = id;
    b.slotOf[id] = slot;
    const now = b.position++;
    const oldAt = b.lastAt[id]!;
    b.lastAt[id] = now;
    if (old < 0) {
      b.pages++;
      stackInsert(b.lru, slot);
      for (let i = 0; i < opt.length; i++) if (opt[i]) optFirst(opt[i]!, now);
      continue;
    }
    stackReuse(b.lru, old, slot);
    for (let i = 0; i < opt.length; i++) if (opt[i]) optReuse(opt[i]!, oldAt, now);
  }
}

/** LRU hits for any capacity (not only those MIN was computed for). */
export function boundsLruHits(b: Bounds, capacity: number): number {
  return capacity < 1 ? 0 : stackHits(b.lru, capacity) + b.repeats;
}

/** Per MIN capacity, in the order given to createBounds. Ratios are over all references fed. */
export function boundsResult(b: Bounds): CapacityBound[] {
  return b.capacities.map((capacity, i) => {
    const lruHits = boundsLruHits(b, capacity);
    const o = b.opt[i];
    const optHits = o ? o.hits + b.repeats : 0;
    return {
      pages: capacity,
      lruHits,
      lruHitRatio: b.refs ? lruHits / b.refs : 0,
      optHits,
      optHitRatio: b.refs ? optHits / b.refs : 0,
    };
  });
}

/** One-shot helper: both bounds of a whole reference sequence. */
export function traceBounds(refs: Uint32Array, capacities: readonly number[]): CapacityBound[] {
  const b = createBounds(capacities);
  boundsFeed(b, refs);
  return boundsResult(b);
}

function growIds(b: Bounds, id: number): void {
  const length = Math.max(b.slotOf.length * 2, id + 1);
  const slotOf = new Int32Array(length).fill(-1);
  slotOf.set(b.slotOf);
  b.slotOf = slotOf;
  const lastAt = new Float64Array(length);
  lastAt.set(b.lastAt);
  b.lastAt = lastAt;
}

/**
 * Renumbers the live slots (each page's latest reference) 0..pages-1 in recency order.
 * Postcondition: top === pages, size >= 2 * pages + 2, so the next compaction is >= pages refs away.
 */
function compact(b: Bounds): void {
  const n = b.pages;
  let size = b.size;
  while (size < 2 * n + 2) size *= 2;
  const live = new Int32Array(n);
  let j = 0;
  for (let s = 0; s < b.top; s++) if (b.slotOf[b.idAt[s]!] === s) live[j++] = s;
  // In place is safe: live[j] >= j, so slot j is written only after everything it held was read.
  const idAt = size === b.size ? b.idAt : new Int32Array(size);
  for (j = 0; j < n; j++) {
    const id = b.idAt[live[j]!]!;
    idAt[j] = id;
    b.slotOf[id] = j;
  }
  b.idAt = idAt;
  b.size = size;
  b.top = n;
  stackRebuild(b.lru, size);
}
