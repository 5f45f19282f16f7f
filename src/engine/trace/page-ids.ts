// Dense ids for a trace's page numbers, first seen first numbered: an open-addressing hash table in
// typed arrays. Unlike a Map it has no 2^24-entry limit and lives outside the JS heap, so a growth
// that does not fit is a RangeError rather than V8 aborting the whole process. 12 bytes a slot, 2 to 4
// slots a page.

/** Marks an empty slot: page numbers are >= 0. */
const EMPTY = -1;
const INITIAL_SLOTS = 1024;

export interface PageIds {
  /** Per slot: the page number there, or EMPTY. Length a power of two. */
  keys: Float64Array;
  /** Per slot: the page's dense id. */
  ids: Int32Array;
  /** Pages held, so also the next id. */
  size: number;
}

export function createPageIds(slots = INITIAL_SLOTS): PageIds {
  return { keys: new Float64Array(slots).fill(EMPTY), ids: new Int32Array(slots), size: 0 };
}

/** Page numbers are integers below 2^53: mix their low and high 32 bits (murmur3's finaliser). */
function slotOf(page: number, mask: number): number {
  let h = (page >>> 0) ^ Math.imul(Math.floor(page / 4294967296), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}

/**
 * The dense id of `page`, giving it the next one (`size` before the call) when it is new.
 * Postcondition: the table is at most half full, so probes stay short.
 */
export function pageIdOf(t: PageIds, page: number): number {
  const mask = t.keys.length - 1;
  for (let s = slotOf(page, mask); ; s = (s + 1) & mask) {
    const key = t.keys[s]!;
    if (key === page) return t.ids[s]!;
    if (key === EMPTY) {
      const id = t.size++;
      t.keys[s] = page;
      t.ids[s] = id;
      if (t.size * 2 > t.keys.length) grow(t);
      return id;
    }
  }
}

/** Every page number, indexed by its id. */
export function pagesById(t: PageIds): Float64Array {
  const pages = new Float64Array(t.size);
  for (let s = 0; s < t.keys.length; s++) if (t.keys[s] !== EMPTY) pages[t.ids[s]!] = t.keys[s]!;
  return pages;
}

function grow(t: PageIds): void {
  const { keys, ids } = t;
  const size = keys.length * 2;
  const mask = size - 1;
  t.keys = new Float64Array(size).fill(EMPTY);
  t.ids = new Int32Array(size);
  for (let s = 0; s < keys.length; s++) {
    const page = keys[s]!;
    if (page === EMPTY) continue;
    let to = slotOf(page, mask);
    while (t.keys[to] !== EMPTY) to = (to + 1) & mask;
    t.keys[to] = page;
    t.ids[to] = ids[s]!;
  }
}
