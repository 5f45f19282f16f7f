// Walker/Vose alias table over a page law: draws a page offset with probability p(offset) in O(1).
// HybridTier's PEBS samples are drawn from it (see pebs.ts). Example: p = [0.5, 0.25, 0.25] gives
// prob [1, 0.75, 0.75] with aliases [-, 0, 0]: offset 1 keeps a draw 3/4 of the time, else gives it
// to offset 0, so offset 0 gets 1/3 + 2 * (1/3) * (1/4) = 1/2.
import type { Rng } from '../../random/rng.ts';
import type { PageLaw } from '../../workloads/types.ts';

export interface AliasTable {
  prob: Float64Array;
  alias: Int32Array;
}

export function buildAlias(law: PageLaw): AliasTable {
  const n = law.pages;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += law.p(i);
  const scaled = new Float64Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    scaled[i] = total > 0 ? (law.p(i) * n) / total : 1;
    (scaled[i]! < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large[large.length - 1]!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    if (scaled[l] < 1) small.push(large.pop()!);
  }
  // What is left is 1 up to rounding.
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  return { prob, alias };
}

/** One offset drawn by the table. */
export function drawAlias(t: AliasTable, rng: Rng): number {
  const i = rng.int(t.prob.length);
  return rng.float() < t.prob[i]! ? i : t.alias[i]!;
}
