// Belady's MIN for one capacity C in one forward pass, with no look-ahead and O(C) memory: a
// re-reference hits iff its page could have stayed resident since its previous reference, given the
// reuse intervals kept so far. Kept greedily by end time, this packing is optimal: it counts MIN's hits.
//
// (That is the OPTgen construction of Jain & Lin's Hawkeye, ISCA 2016.) Besides the page referenced at
// a position, at most C - 1 kept intervals may cover it. Only R[L], the latest position covered L deep,
// matters (R[0] is the newest position): an interval starting after `old` fits iff R[C-1] <= old, and
// keeping it lifts the levels it covers, which for the sorted multiset of the R values is: remove the
// largest value <= old, add the newest position.
// Worked example, C = 2, trace A B C A B (positions 0..4): after C, R = [2, -1]. A at 3 (old 0): R[1] =
// -1 <= 0, so A hits and R = [3, 2] (C's position is now 1 deep). B at 4 (old 1): R[1] = 2 > 1, so B
// misses, R = [4, 2]. MIN agrees: 1 hit (for C it evicts B, used last, and keeps A).

export interface OptLevels {
  readonly capacity: number;
  hits: number;
  /** The R values in ascending order, with dead entries; exactly `capacity` are live. */
  at: Float64Array;
  /** Union-find towards the left: an entry is live iff it is its own parent. */
  parent: Int32Array;
  len: number;
  /** Index of the smallest live value, R[C-1]. */
  first: number;
}

/** Capacity must be >= 1; the newest position is -1 before the first reference. */
export function createOptLevels(capacity: number): OptLevels {
  const o: OptLevels = {
    capacity,
    hits: 0,
    at: new Float64Array(2 * capacity + 2).fill(-1),
    parent: new Int32Array(2 * capacity + 2),
    len: capacity,
    first: 0,
  };
  for (let i = 0; i < o.parent.length; i++) o.parent[i] = i;
  return o;
}

/** A page seen for the first time at position `now`: a miss, and `now` becomes the newest position. */
export function optFirst(o: OptLevels, now: number): void {
  o.at[o.len - 1] = now;
}

/** A page last referenced at position `old` is referenced again at position `now` (old < now - 1). */
export function optReuse(o: OptLevels, old: number, now: number): void {
  const at = o.at;
  if (at[o.first]! > old) {
    optFirst(o, now);
    return;
  }
  o.hits++;
  // The last entry <= old, then the nearest live one at or before it (there is one: `first`).
  let lo = o.first;
  let hi = o.len - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (at[mid]! <= old) lo = mid;
    else hi = mid - 1;
  }
  const p = o.parent;
  let i = lo;
  while (p[i] !== i) {
    p[i] = p[p[i]!]!;
    i = p[i]!;
  }
  p[i] = i - 1;
  if (i === o.first) while (p[o.first] !== o.first) o.first++;
  if (o.len === at.length) compact(o);
  at[o.len] = now;
  o.len++;
}

/** Drops dead entries. Postcondition: entries 0..capacity-1 are live and ascending, first === 0. */
function compact(o: OptLevels): void {
  let n = 0;
  for (let i = o.first; i < o.len; i++) if (o.parent[i] === i) o.at[n++] = o.at[i]!;
  for (let i = 0; i < o.parent.length; i++) o.parent[i] = i;
  o.len = n;
  o.first = 0;
}
