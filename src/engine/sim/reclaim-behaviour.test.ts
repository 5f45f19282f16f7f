import { describe, expect, it } from 'vitest';
import { ENGINES, runToEnd, twoTierScenario } from '../../../tests/support/engine/scenarios.ts';

// Every behaviour holds in both engines.
describe.each(ENGINES)('%s engine', (engine) => {
  const bind0 = { mempolicy: { mode: 'bind', nodes: [0] } };

  describe('reclaim and demotion on a DRAM + PMEM machine', () => {
    it('never reclaims when the workload fits in DRAM', () => {
      const r = runToEnd(twoTierScenario({ workload: { size: '32MiB', ...bind0 } }), engine);
      const vm = r.vmstat;
      expect(vm.pgscan_kswapd! + vm.pgscan_direct! + vm.pgsteal_kswapd! + vm.pgsteal_direct!).toBe(0);
      expect(vm.pgdemote_kswapd! + vm.pswpout! + vm.allocstall_normal!).toBe(0);
      expect(r.tasks[0]!.residentPages).toEqual({ '0': 8192, '1': 0 });
    });

    it('demotes a 1.5x DRAM overcommit bound to DRAM and does not swap while PMEM has room', () => {
      const r = runToEnd(twoTierScenario({ workload: { size: '96MiB', ...bind0 } }), engine);
      expect(r.vmstat.pgdemote_kswapd! + r.vmstat.pgdemote_direct!).toBeGreaterThan(0);
      expect(r.vmstat.pswpout!).toBe(0);
      expect(r.vmstat.pgmigrate_success!).toBe(r.vmstat.pgdemote_kswapd! + r.vmstat.pgdemote_direct!);
      expect(r.tasks[0]!.residentPages['1']).toBeGreaterThan(0);
      expect(r.tasks[0]!.finished).toBe(true);
    });

    it('counts demotion on the source node only', () => {
      const r = runToEnd(twoTierScenario({ workload: { size: '96MiB', ...bind0 } }), engine);
      const [dram, pmem] = r.nodes;
      expect(dram!.vmstat.pgdemote_kswapd! + dram!.vmstat.pgdemote_direct!).toBeGreaterThan(0);
      expect(pmem!.vmstat.pgdemote_kswapd! + pmem!.vmstat.pgdemote_direct!).toBe(0);
    });

    it('swaps the same overcommit when demotion is off', () => {
      const r = runToEnd(
        twoTierScenario({ knobs: { demotion_enabled: false }, workload: { size: '96MiB', ...bind0 } }),
        engine,
      );
      expect(r.vmstat.pgdemote_kswapd! + r.vmstat.pgdemote_direct!).toBe(0);
      expect(r.vmstat.pswpout!).toBeGreaterThan(0);
      expect(r.tasks[0]!.residentPages['1']).toBe(0);
    });

    it('reads ahead on swap-in, and a sequential walk back finds the neighbours in the swap cache', () => {
      const swapping = { knobs: { demotion_enabled: false }, workload: { size: '96MiB', ...bind0 } };
      const r = runToEnd(twoTierScenario(swapping), engine);
      expect(r.vmstat.swap_ra!).toBeGreaterThan(0);
      expect(r.vmstat.swap_ra_hit!).toBeGreaterThan(0);
      // Every page read from swap is a major fault's own page or one read ahead with it.
      expect(r.vmstat.pswpin!).toBe(r.vmstat.pgmajfault! + r.vmstat.swap_ra!);
      const none = runToEnd(
        twoTierScenario({ ...swapping, knobs: { demotion_enabled: false, page_cluster: 0 } }),
        engine,
      );
      expect(none.vmstat.swap_ra! + none.vmstat.swap_ra_hit!).toBe(0);
      expect(none.vmstat.pswpin!).toBe(none.vmstat.pgmajfault!);
    });

    it('keeps pages a read-only workload swapped back in in the swap cache, within the swap in use', () => {
      const w = { type: 'hotset', size: '96MiB', readRatio: 1, distribution: 'uniform', ...bind0 };
      const s = twoTierScenario({ knobs: { demotion_enabled: false }, workload: w });
      // 256 MiB of swap stays under half full (vm_swap_full would take the slots back on swap-in).
      const swap = { ...s.machine.swap!, capacityBytes: 256 * 2 ** 20 };
      const r = runToEnd({ ...s, machine: { ...s.machine, swap } }, engine);
      expect(r.vmstat.pswpin!).toBeGreaterThan(0);
      expect(r.vmstat.nr_swapcached!).toBeGreaterThan(0);
      expect(r.vmstat.nr_swapcached!).toBeLessThanOrEqual(r.vmstat.nr_swap_used!);
    });

    it('hands more of the reclaim to direct reclaim when more threads allocate than CPUs run them', () => {
      // The same 96 MiB, bound to DRAM with 1 CPU, by 1 thread or by 4: kswapd gets 1/2 or 1/5 of it.
      const direct = (threads: number) => {
        const w = { size: `${96 / threads}MiB`, threads, ...bind0 };
        const vm = runToEnd(twoTierScenario({ workload: w }), engine).vmstat;
        return vm.pgdemote_direct! / (vm.pgdemote_direct! + vm.pgdemote_kswapd!);
      };
      expect(direct(4)).toBeGreaterThan(direct(1));
    });

    it('OOM-kills the task when demotion is off and there is no swap', () => {
      const r = runToEnd(
        twoTierScenario({
          swap: false,
          knobs: { demotion_enabled: false },
          workload: { size: '96MiB', ...bind0 },
        }),
        engine,
      );
      expect(r.vmstat.oom_kill!).toBe(1);
      expect(r.tasks[0]!.oomKilled).toBe(true);
      expect(r.events.some((e) => e.kind === 'oom_kill' && e.task === 'hog')).toBe(true);
      // The victim's memory is freed: DRAM is free again but for what was never used.
      expect(r.nodes[0]!.anonPages).toBe(0);
    });

    it('overflows an unbound overcommit to PMEM through the zonelist fallback, kswapd asleep without boosting', () => {
      const r = runToEnd(
        twoTierScenario({
          knobs: { demotion_enabled: false, watermark_boost_factor: 0 },
          workload: { size: '96MiB' },
        }),
        engine,
      );
      expect(r.vmstat.numa_miss!).toBeGreaterThan(0);
      expect(r.nodes[1]!.vmstat.numa_miss!).toBe(r.vmstat.numa_miss!);
      expect(r.nodes[0]!.vmstat.numa_foreign!).toBe(r.vmstat.numa_miss!);
      expect(r.tasks[0]!.residentPages['1']).toBeGreaterThan(0);
      // The fast path finds PMEM above its low mark, so nothing ever wakes DRAM's kswapd.
      expect(r.vmstat.pageoutrun! + r.vmstat.pswpout! + r.vmstat.pgscan_kswapd!).toBe(0);
    });

    it('wakes kswapd on the spilling overcommit once fallbacks boost the watermark, and it demotes a little', () => {
      // Page tables take a pageblock of DRAM; once DRAM has no free pageblock left, movable pages
      // fall back into it and page tables back into movable ones: each fragmenting fallback boosts
      // DRAM's marks by a pageblock (512 pages; 1.5 x high = 328 is less) and wakes kswapd, which
      // then demotes until DRAM is above high + boost.
      const run = (factor: number) =>
        runToEnd(
          twoTierScenario({ knobs: { watermark_boost_factor: factor }, workload: { size: '96MiB' } }),
          engine,
        );
      const boosted = run(15000);
      const dram = boosted.nodes[0]!.vmstat;
      expect(dram.nr_page_table_pages).toBeGreaterThan(0);
      expect(dram.pageoutrun).toBeGreaterThan(0);
      expect(dram.pgdemote_kswapd).toBeGreaterThan(0);
      expect(boosted.vmstat.numa_miss!).toBeGreaterThan(0); // it still spills
      expect(boosted.vmstat.allocstall_normal! + boosted.vmstat.pswpout!).toBe(0);
      const flat = run(0);
      expect(flat.vmstat.pageoutrun! + flat.vmstat.pgdemote_kswapd!).toBe(0);
    });

    it('keeps kswapd balancing to the high watermark after the workload is done', () => {
      const s = twoTierScenario({ workload: { size: '96MiB', ...bind0 } });
      const r = runToEnd(s, engine);
      const dram = r.nodes[0]!;
      expect(dram.freePages).toBeGreaterThan(dram.watermarks.high);
    });

    it('a pre-2019 kernel cannot demote even with the knob on', () => {
      const s = twoTierScenario({ workload: { size: '96MiB', ...bind0 } });
      s.policy.preset = 'no-tiering';
      const r = runToEnd(s, engine);
      expect(r.vmstat.pgdemote_kswapd! + r.vmstat.pgdemote_direct!).toBe(0);
      expect(r.vmstat.pswpout!).toBeGreaterThan(0);
    });
  });
});
