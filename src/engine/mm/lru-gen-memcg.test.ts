// MGLRU under memory cgroups as 6.12 has it, worked by hand from mm/vmscan.c lru_gen_rotate_memcg,
// shrink_one and lru_gen_shrink_lruvec: one lrugen per memcg and node, the memcg LRU global reclaim
// walks, and memcg reclaim on the target's own lruvec.
import { describe, expect, it } from 'vitest';
import { addMemcgPage, genOf, mglruMemcgKernel } from '../../../tests/support/engine/lru-gen-pages.ts';
import type { Rng } from '../random/rng.ts';
import { PG } from './page-flags.ts';
import { scanControl } from './scan-control.ts';
import { lruvecOf } from './lru.ts';
import { LRU_GEN_ANON, LRU_GEN_FILE } from './lru-gen.ts';
import { MEMCG_EVENT, MEMCG_STAT, NR_MEMCG_EVENTS, NR_MEMCG_MEMORY_EVENTS } from './memcg-state.ts';
import { tryToFreeMemCgroupPages } from './memcontrol.ts';
import { shrinkOne } from './lru-gen-memcg.ts';
import {
  createMemcgLru,
  lruGenOnlineMemcg,
  lruGenRotateMemcg,
  MEMCG_LRU_OLD,
  MEMCG_LRU_TAIL,
  MEMCG_LRU_YOUNG,
} from './lru-gen-memcg-lru.ts';

/** An Rng whose int(n) gives the next of `bins`: where each memcg lands is the test's choice. */
function binsOf(...bins: number[]): Rng {
  let i = 0;
  return { int: () => bins[i++ % bins.length]! } as unknown as Rng;
}

describe('the memcg LRU (lru_gen_online_memcg, lru_gen_rotate_memcg)', () => {
  it('moves a memcg that aged to the young generation, and seq on once the old one is empty', () => {
    const lru = createMemcgLru(1, 3);
    const rng = binsOf(2, 5, 0, 0);
    lruGenOnlineMemcg(lru, 1, rng); // gen 0, bin 2
    lruGenOnlineMemcg(lru, 2, rng); // gen 0, bin 5
    expect([lru.fifo[0]![0]![2], lru.fifo[0]![0]![5]]).toEqual([[1], [2]]);
    lruGenRotateMemcg(lru, 1, 0, MEMCG_LRU_YOUNG, rng); // to gen (0 + 1) % 3, bin 0
    expect([lru.gen[1], lru.seq[0], lru.fifo[0]![1]![0]]).toEqual([1, 0, [1]]);
    lruGenRotateMemcg(lru, 2, 0, MEMCG_LRU_YOUNG, rng);
    // gen 0 is empty and it is the old one: seq 1, and gen 1 (both memcgs) is the old generation now.
    expect([lru.gen[2], lru.seq[0], lru.fifo[0]![1]![0]]).toEqual([1, 1, [1, 2]]);
    expect([lru.nrMemcgs[0], lru.nrMemcgs[1]]).toEqual([0, 2]);
  });

  it('keeps the generation for the tail, marking the segment, and puts an old memcg at the head', () => {
    const lru = createMemcgLru(1, 3);
    const rng = binsOf(4);
    lruGenOnlineMemcg(lru, 1, rng);
    lruGenOnlineMemcg(lru, 2, rng);
    lruGenRotateMemcg(lru, 1, 0, MEMCG_LRU_TAIL, rng);
    expect([lru.gen[1], lru.seg[1], lru.fifo[0]![0]![4]]).toEqual([0, MEMCG_LRU_TAIL, [2, 1]]);
    lruGenRotateMemcg(lru, 1, 0, MEMCG_LRU_OLD, rng);
    expect([lru.seg[1], lru.fifo[0]![0]![4]]).toEqual([0, [1, 2]]);
  });
});

/** Three anon pages of each of memcg 1 and 2 on node 0, in the oldest of three generations. */
function twoTenants(b: Record<string, unknown> = {}) {
  const k = mglruMemcgKernel(b);
  const lg = k.m.lrugen!;
  const a = [0, 1, 2].map((v) => addMemcgPage(k, 1, v));
  const other = [0, 1, 2].map((v) => addMemcgPage(k, 2, 4096 + v));
  for (const memcg of [1, 2]) {
    const lv = lruvecOf(k.m, memcg, 0);
    lg.maxSeq[lv] = 4; // new anon joined max_seq - 1 = 2, now the oldest of seqs 2..4
    lg.minSeq[lv * 2 + LRU_GEN_ANON] = 2;
    lg.minSeq[lv * 2 + LRU_GEN_FILE] = 2;
  }
  return { k, lg, a, other };
}

const memcgStat = (k: ReturnType<typeof mglruMemcgKernel>, memcg: number, stat: number): number =>
  k.memcg.stats[memcg * NR_MEMCG_EVENTS + stat]!;
const memcgEvent = (k: ReturnType<typeof mglruMemcgKernel>, memcg: number, event: number): number =>
  k.memcg.events[memcg * NR_MEMCG_MEMORY_EVENTS + event]!;

describe('memcg reclaim under MGLRU (lru_gen_shrink_lruvec)', () => {
  it("reclaims the target's lruvec only, leaving the other memcg's generations alone", () => {
    const { k, lg, a, other } = twoTenants();
    tryToFreeMemCgroupPages(k, 1, 3, { maySwap: true, proactive: false, nodemask: null, local: 0 });
    // Memcg 1's three cold pages are demoted (node 0 demotes to PMEM), none of memcg 2's is scanned.
    expect(memcgStat(k, 1, MEMCG_STAT.pgsteal_direct)).toBe(3);
    expect(memcgStat(k, 2, MEMCG_STAT.pgscan_direct)).toBe(0);
    expect(a.every((p) => !(k.m.flags[p]! & PG.lru) || k.m.memcg[p] !== 1)).toBe(true);
    expect(other.map((p) => [k.m.flags[p]! & PG.lru, genOf(lg, p)])).toEqual([
      [PG.lru, 2],
      [PG.lru, 2],
      [PG.lru, 2],
    ]);
  });
});

describe('memory.min and memory.low in global reclaim under MGLRU (shrink_one)', () => {
  it('passes over a memcg below memory.min and rotates it young', () => {
    const { k } = twoTenants({ minBytes: 2 ** 20 }); // 256 pages >= its 3
    const sc = scanControl('kswapd', 32, 0);
    expect(shrinkOne(k, 2, 0, sc)).toBe(MEMCG_LRU_YOUNG);
    expect(memcgStat(k, 2, MEMCG_STAT.pgscan_kswapd)).toBe(0);
  });

  it('skips a memcg below memory.low once, to the tail, then reclaims it with a low event', () => {
    const { k, lg } = twoTenants({ lowBytes: 2 ** 20 });
    const sc = scanControl('kswapd', 32, 0);
    expect(shrinkOne(k, 2, 0, sc)).toBe(MEMCG_LRU_TAIL);
    expect([memcgStat(k, 2, MEMCG_STAT.pgscan_kswapd), memcgEvent(k, 2, MEMCG_EVENT.low)]).toEqual([0, 0]);
    lruGenRotateMemcg(lg.memcgLru, 2, 0, MEMCG_LRU_TAIL, k.rng);
    const op = shrinkOne(k, 2, 0, sc);
    expect(memcgEvent(k, 2, MEMCG_EVENT.low)).toBe(1);
    expect(memcgStat(k, 2, MEMCG_STAT.pgsteal_kswapd)).toBe(3);
    // Its three pages gone, only MIN_NR_GENS generations are left, so get_nr_to_scan() aged it
    // (try_to_shrink_lruvec() true): young.
    expect(op).toBe(MEMCG_LRU_YOUNG);
  });
});
