// Exact LRU for every capacity at once (Mattson's stack distances): a reference's distance is 1 +
// the number of distinct pages referenced since its page's previous reference, and an LRU cache of
// C pages hits exactly the references at distance <= C. A Fenwick tree over recency slots counts them.

export interface LruStack {
  /** Fenwick tree over slots: 1 where a page's most recent reference sits. */
  tree: Int32Array;
  /** Pages seen (live slots). */
  live: number;
  /** hist[d]: references at stack distance d (index 0 unused). */
  hist: Float64Array;
}

export function createLruStack(slots: number): LruStack {
  return { tree: new Int32Array(slots + 1), live: 0, hist: new Float64Array(64) };
}

function fenwickAdd(tree: Int32Array, slot: number, delta: number): void {
  for (let i = slot + 1; i < tree.length; i += i & -i) tree[i]! += delta;
}

function fenwickPrefix(tree: Int32Array, slot: number): number {
  let sum = 0;
  for (let i = slot + 1; i > 0; i -= i & -i) sum += tree[i]!;
  return sum;
}

/** A page's first reference (a cold miss for every capacity) takes `slot`. */
export function stackInsert(s: LruStack, slot: number): void {
  s.live++;
  fenwickAdd(s.tree, slot, 1);
}

/** A page moves from `old` to the newest `slot`; records its stack distance. */
export function stackReuse(s: LruStack, old: number, slot: number): void {
  const d = s.live - fenwickPrefix(s.tree, old) + 1;
  if (d >= s.hist.length) {
    const grown = new Float64Array(Math.max(s.hist.length * 2, d + 1));
    grown.set(s.hist);
    s.hist = grown;
  }
  s.hist[d]!++;
  fenwickAdd(s.tree, old, -1);
  fenwickAdd(s.tree, slot, 1);
}

/** After compaction the live pages hold slots 0..live-1 in recency order. */
export function stackRebuild(s: LruStack, slots: number): void {
  const tree = new Int32Array(slots + 1);
  for (let i = 1; i <= slots; i++) {
    if (i <= s.live) tree[i]! += 1;
    const parent = i + (i & -i);
    if (parent <= slots) tree[parent]! += tree[i]!;
  }
  s.tree = tree;
}

/** Hits of an LRU cache of `capacity` pages, starting empty. */
export function stackHits(s: LruStack, capacity: number): number {
  let hits = 0;
  const top = Math.min(capacity, s.hist.length - 1);
  for (let d = 1; d <= top; d++) hits += s.hist[d]!;
  return hits;
}
