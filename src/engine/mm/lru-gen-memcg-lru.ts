// The memcg LRU of each node (pgdat->memcg_lru, mm/vmscan.c lru_gen_rotate_memcg,
// lru_gen_online_memcg; v6.3): memcgs in MEMCG_NR_GENS generations of MEMCG_NR_BINS bins each,
// which global reclaim walks oldest generation first (shrink_many). A memcg reclaim made progress
// in moves to the young generation; one it could not reclaim from goes to the tail, once.
// Example: seq 0, memcgs A and B in gen 0; shrink_one(A) succeeds: A to gen 1 (young). B succeeds
// too: gen 0 is empty, so seq becomes 1 and gen 1 (A, B) is the old one the next walk starts in.
import type { Rng } from '../random/rng.ts';

export const MEMCG_NR_GENS = 3;
export const MEMCG_NR_BINS = 8;
/** What shrink_one() asks for: nothing, the head or the tail of its bin, or the old or young generation. */
export const MEMCG_LRU_NOP = 0;
export const MEMCG_LRU_HEAD = 1;
export const MEMCG_LRU_TAIL = 2;
export const MEMCG_LRU_OLD = 3;
export const MEMCG_LRU_YOUNG = 4;

export interface MemcgLru {
  nrNodes: number;
  /** pgdat->memcg_lru.seq per node. */
  seq: Float64Array;
  /** fifo[node][gen][bin]: memcg ids in list order, head first. */
  fifo: number[][][][];
  /** lrugen->gen and lrugen->seg of each lruvec (memcg * nrNodes + node). */
  gen: Uint8Array;
  seg: Uint8Array;
  /** nr_memcgs[gen] per node: [node * MEMCG_NR_GENS + gen]. */
  nrMemcgs: Float64Array;
}

/** get_memcg_gen(). */
export function memcgGen(seq: number): number {
  return seq % MEMCG_NR_GENS;
}

/** Empty: memcgs join by lruGenOnlineMemcg. */
export function createMemcgLru(nrNodes: number, nrMemcgs: number): MemcgLru {
  return {
    nrNodes,
    seq: new Float64Array(nrNodes),
    fifo: Array.from({ length: nrNodes }, () =>
      Array.from({ length: MEMCG_NR_GENS }, () => Array.from({ length: MEMCG_NR_BINS }, () => [])),
    ),
    gen: new Uint8Array(nrMemcgs * nrNodes),
    seg: new Uint8Array(nrMemcgs * nrNodes),
    nrMemcgs: new Float64Array(nrNodes * MEMCG_NR_GENS),
  };
}

/** lru_gen_online_memcg(): one random bin for memcg, at the tail of the current generation on every node. */
export function lruGenOnlineMemcg(lru: MemcgLru, memcg: number, rng: Rng): void {
  const bin = rng.int(MEMCG_NR_BINS);
  for (let node = 0; node < lru.nrNodes; node++) {
    const gen = memcgGen(lru.seq[node]!);
    lru.gen[memcg * lru.nrNodes + node] = gen;
    lru.fifo[node]![gen]![bin]!.push(memcg);
    lru.nrMemcgs[node * MEMCG_NR_GENS + gen]!++;
  }
}

function removeFrom(list: number[], memcg: number): void {
  const i = list.indexOf(memcg);
  if (i >= 0) list.splice(i, 1);
}

/**
 * lru_gen_rotate_memcg(): HEAD and TAIL keep the generation and mark the segment, OLD moves to the
 * current (old) generation's head, YOUNG to the next one's tail, each into a random bin; when the
 * old generation empties, seq moves on. Postcondition: memcg is in exactly one bin on node.
 */
export function lruGenRotateMemcg(lru: MemcgLru, memcg: number, node: number, op: number, rng: Rng): void {
  const bin = rng.int(MEMCG_NR_BINS);
  const lv = memcg * lru.nrNodes + node;
  const old = lru.gen[lv]!;
  let next = old;
  let seg = 0;
  if (op === MEMCG_LRU_HEAD) seg = MEMCG_LRU_HEAD;
  else if (op === MEMCG_LRU_TAIL) seg = MEMCG_LRU_TAIL;
  else if (op === MEMCG_LRU_OLD) next = memcgGen(lru.seq[node]!);
  else if (op === MEMCG_LRU_YOUNG) next = memcgGen(lru.seq[node]! + 1);
  lru.seg[lv] = seg;
  lru.gen[lv] = next;
  const gens = lru.fifo[node]!;
  for (const b of gens[old]!) removeFrom(b, memcg);
  if (op === MEMCG_LRU_HEAD || op === MEMCG_LRU_OLD) gens[next]![bin]!.unshift(memcg);
  else gens[next]![bin]!.push(memcg);
  lru.nrMemcgs[node * MEMCG_NR_GENS + old]!--;
  lru.nrMemcgs[node * MEMCG_NR_GENS + next]!++;
  if (!lru.nrMemcgs[node * MEMCG_NR_GENS + old] && old === memcgGen(lru.seq[node]!)) lru.seq[node]!++;
}
