// MGLRU's reclaim loop on 6.1 against 6.12's, each case worked by hand from v6.1's mm/vmscan.c
// get_nr_to_scan, should_abort_scan, lru_gen_shrink_lruvec, age_lruvec and lru_gen_age_node (and
// v6.12's try_to_shrink_lruvec for the contrast).
import { describe, expect, it } from 'vitest';
import { addMemcgPage, genOf, mglruMemcgKernel } from '../../../tests/support/engine/lru-gen-pages.ts';
import { lruGenRules } from '../../shared/scenario/lru-gen-kernels.ts';
import { STAT } from '../../shared/vmstat.ts';
import { scanControl } from './scan-control.ts';
import { lruvecOf } from './lru.ts';
import { LRU_GEN_ANON, LRU_GEN_FILE } from './lru-gen.ts';
import { tryToShrinkLruvec } from './lru-gen-reclaim.ts';
import { lruGenAgeNodeV61, lruGenShrinkLruvecV61 } from './lru-gen-reclaim-v61.ts';

/**
 * Memcg 1 and 2 on node 0 on 6.1's rules, `n` cold anon pages of memcg 1 in seq 2 (where new anon
 * joins on a fresh lruvec), both memcgs' lruvecs then given seqs 2..maxSeq.
 */
function tenants(n: number, maxSeq: number) {
  const k = mglruMemcgKernel();
  const lg = k.m.lrugen!;
  lg.rules = lruGenRules('6.1');
  const pages = Array.from({ length: n }, (_, v) => addMemcgPage(k, 1, v));
  for (const memcg of [1, 2]) {
    const lv = lruvecOf(k.m, memcg, 0);
    lg.maxSeq[lv] = maxSeq;
    lg.minSeq[lv * 2 + LRU_GEN_ANON] = 2;
    lg.minSeq[lv * 2 + LRU_GEN_FILE] = 2;
  }
  for (const p of pages) expect(genOf(lg, p)).toBe(2);
  return { k, lg, pages, lv: lruvecOf(k.m, 1, 0) };
}

const stat = (k: ReturnType<typeof mglruMemcgKernel>, s: number): number => k.stats[s]!; // node 0;

describe('6.1 get_nr_to_scan(): who ages a lruvec out of cold folios', () => {
  // seqs 2..3: min_seq + MIN_NR_GENS > max_seq, so the eviction must age first.
  it('leaves the aging to lru_gen_age_node() in kswapd: nothing scanned, max_seq unchanged', () => {
    const { k, lg, lv } = tenants(3, 3);
    lruGenShrinkLruvecV61(k, lv, scanControl('kswapd', 32, 0));
    expect([lg.maxSeq[lv], stat(k, STAT.pgscan_kswapd)]).toEqual([3, 0]);
  });

  it('ages in direct reclaim and goes on to evict the generation that is now old enough', () => {
    const { k, lg, pages, lv } = tenants(3, 3);
    lruGenShrinkLruvecV61(k, lv, scanControl('direct', 32, 0));
    // max_seq 4; nr_to_scan was counted before the aging (3 >> 0); the three pages of seq 2 are
    // isolated and reclaimed (demoted to PMEM).
    expect([lg.maxSeq[lv], stat(k, STAT.pgscan_direct), stat(k, STAT.pgsteal_direct)]).toEqual([4, 3, 3]);
    expect(pages.every((p) => k.m.memcg[p] !== 1)).toBe(true);
  });

  it("where 6.12's try_to_shrink_lruvec() ages and skips the lruvec, evicting nothing", () => {
    const { k, lg, lv } = tenants(3, 3);
    lg.rules = lruGenRules('6.12');
    expect(tryToShrinkLruvec(k, lv, scanControl('direct', 32, 0))).toBe(true);
    expect([lg.maxSeq[lv], stat(k, STAT.pgscan_direct)]).toEqual([4, 0]);
  });
});

describe('6.1 lru_gen_age_node() and memcgs_need_aging', () => {
  it("skips the first aging of a balance_pgdat run (scan_control zeroed), then ages every memcg's lruvec", () => {
    const { k, lg } = tenants(3, 3);
    const lvs = [1, 2].map((memcg) => lruvecOf(k.m, memcg, 0));
    const seqs = () => lvs.map((lv) => lg.maxSeq[lv]);
    const before = seqs();
    k.kswapd[0]!.memcgsNeedAging = false;
    lruGenAgeNodeV61(k, 0, scanControl('kswapd', 32, 0), 0);
    expect([seqs(), k.kswapd[0]!.memcgsNeedAging]).toEqual([before, true]);
    lruGenAgeNodeV61(k, 0, scanControl('kswapd', 32, 0), 0);
    // Memcg 1 (seqs 2..3) is out of cold folios: a generation. Memcg 2 is empty, and an empty memcg
    // is below memory.min (mem_cgroup_below_min: emin 0 >= usage 0): age_lruvec() passes it over.
    expect(seqs()).toEqual([4, 3]);
  });

  it('is cleared by a kswapd pass that reclaims MIN_LRU_BATCH pages without needing to age', () => {
    // 200 pages in seq 2 of 2..4: no aging needed (MIN_NR_GENS + 1 generations, old 200 * 4 >= 200).
    const { k, lv } = tenants(200, 4);
    k.kswapd[0]!.memcgsNeedAging = true;
    // priority 1: nr_to_scan 200 >> 1 = 100, a batch of 64 (MIN_LRU_BATCH); the loop asks again:
    // 136 >> 1 = 68, and after a second batch of 64 the 128 scanned pass it. nr_to_reclaim (1000) is
    // never met, so should_abort_scan() does not stop kswapd.
    lruGenShrinkLruvecV61(k, lv, scanControl('kswapd', 1000, 1));
    expect([stat(k, STAT.pgsteal_kswapd), k.kswapd[0]!.memcgsNeedAging]).toEqual([128, false]);
  });
});

describe('6.1 should_abort_scan()', () => {
  it('stops kswapd past nr_to_reclaim at a low priority with the node above its high mark, counting MIN_LRU_BATCH more', () => {
    const { k, lv } = tenants(200, 4);
    const sc = scanControl('kswapd', 32, 0);
    lruGenShrinkLruvecV61(k, lv, sc);
    // The first batch (64) is past 32 and DRAM is nearly free: abort, nr_reclaimed 64 + 64.
    expect([stat(k, STAT.pgsteal_kswapd), sc.nrReclaimed]).toEqual([64, 128]);
  });

  it('keeps kswapd scanning at priorities above DEF_PRIORITY - 2, for fairness', () => {
    const { k, lv } = tenants(4000, 4);
    const sc = scanControl('kswapd', 32, 11);
    lruGenShrinkLruvecV61(k, lv, sc);
    // nr_to_scan 4000 >> 11 = 1: one batch; scanned >= nr_to_scan ends it, with no abort bonus.
    expect(sc.nrReclaimed).toBe(stat(k, STAT.pgsteal_kswapd));
  });
});
