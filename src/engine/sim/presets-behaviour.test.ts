import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../shared/result.ts';
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import { presetKnobs, getPreset, resolveKernel } from '../../shared/scenario/presets.ts';
import { ENGINES, runToEnd, twoTierScenario } from '../../../tests/support/engine/scenarios.ts';

// Every behaviour holds in both engines.
describe.each(ENGINES)('%s engine', (engine) => {
  /** Swaps the scenario's policy for a preset with its own knobs, the classic LRU (and optional overrides). */
  function withPreset(
    s: ResolvedScenario,
    name: string,
    knobs: Record<string, unknown> = {},
  ): ResolvedScenario {
    const preset = getPreset(name)!;
    const kernel = resolveKernel(preset, undefined);
    // These behaviours are the classic LRU's: MGLRU (6.12's default) is pinned off.
    s.policy = {
      preset: name,
      knobs: { ...presetKnobs(preset, kernel), lru_gen_enabled: false, ...knobs },
      kernel,
    };
    return s;
  }

  /** DRAM 64 MiB, PMEM 32 MiB, swap: 160 MiB of usemem fills PMEM, then reclaim must choose. */
  function pressure(preset: string): RunResult {
    const s = twoTierScenario({
      nodes: [
        { id: 0, memory: 'dram', capacity: '64MiB', cpus: 1 },
        { id: 1, memory: 'pmem', capacity: '32MiB', cpus: 0 },
      ],
      workload: { size: '160MiB', repeats: 2 },
    });
    s.machine.swap!.capacityBytes = 256 * 2 ** 20;
    return runToEnd(withPreset(s, preset), engine);
  }

  /** A cold filler takes DRAM, then a hot set lands mostly on PMEM; the filler may exit later. */
  function strandedHotSet(
    preset: string,
    knobs: Record<string, unknown> = {},
    fillerStopMs: number | null = null,
  ): RunResult {
    const s = twoTierScenario({
      nodes: [
        { id: 0, memory: 'dram', capacity: '128MiB', cpus: 2 },
        { id: 1, memory: 'pmem', capacity: '512MiB', cpus: 0 },
      ],
      workload: { type: 'usemem', size: '120MiB', repeats: 1 },
      run: { durationMs: 4000 },
    });
    s.workload[0]!.stopMs = fillerStopMs;
    s.workload.push({
      ...s.workload[0]!,
      stopMs: null,
      name: 'hot',
      type: 'hotset',
      sizeBytes: 96 * 2 ** 20,
      distribution: 'hot',
      hotFraction: 0.2,
      hotProbability: 0.95,
      zipfS: 1,
      stddevFraction: 0.1,
      hotPosition: 'head',
      readRatio: 0.8,
      accesses: null,
      phases: [],
      startMs: 200,
    });
    return runToEnd(withPreset(s, preset, { scan_delay_ms: 200, ...knobs }), engine);
  }

  describe('Yang Shi v3 and migrate in lieu of discard', () => {
    it('yang-shi-v3 swaps instead of demoting while the demotion target is contended', () => {
      const yang = pressure('yang-shi-v3');
      const hansen = pressure('hansen-2020');
      expect(yang.vmstat.pgdemote_kswapd! + yang.vmstat.pgdemote_direct!).toBeGreaterThan(0);
      expect(yang.vmstat.pswpout!).toBeGreaterThan(0);
      // Hansen's series tries the full target on every batch; v3 stops trying until it is balanced.
      expect(hansen.vmstat.pgmigrate_fail!).toBeGreaterThan(0);
      expect(yang.vmstat.pgmigrate_fail! * 4).toBeLessThan(hansen.vmstat.pgmigrate_fail!);
    });

    it('yang-shi-v3 demotes anonymous pages only', () => {
      const s = twoTierScenario({ workload: { type: 'grep', corpus: '256MiB', passes: 1 } });
      const r = runToEnd(withPreset(s, 'yang-shi-v3'), engine);
      expect(r.vmstat.pgsteal_file!).toBeGreaterThan(0);
      expect(r.vmstat.pgdemote_kswapd! + r.vmstat.pgdemote_direct!).toBe(0);
      const mainline = runToEnd(
        withPreset(
          twoTierScenario({ workload: { type: 'grep', corpus: '256MiB', passes: 1 } }),
          'linux-tiering',
        ),
        engine,
      );
      expect(mainline.vmstat.pgdemote_kswapd! + mainline.vmstat.pgdemote_direct!).toBeGreaterThan(0);
    });

    it('yang-shi-v3 promotes a referenced page back with NUMA balancing and counts numa_pages_promoted', () => {
      // Mode 1 migrates only into a node with headroom and wakes no kswapd: DRAM must have room.
      // (With watermark boosting, kswapd woken by fragmenting fallbacks would make some.)
      const full = strandedHotSet('yang-shi-v3', { watermark_boost_factor: 0 });
      expect(full.vmstat.numa_pages_promoted!).toBe(0);
      const r = strandedHotSet('yang-shi-v3', {}, 1000);
      expect(r.vmstat.numa_pages_promoted!).toBeGreaterThan(0);
      expect(r.vmstat.pgpromote_success!).toBe(0);
    });

    it('hansen-2020 never promotes: demoted and fallen-back pages stay on the slow tier', () => {
      const r = strandedHotSet('hansen-2020', {}, 1000);
      expect(r.vmstat.pgpromote_success! + r.vmstat.numa_pages_migrated! + r.vmstat.numa_hint_faults!).toBe(
        0,
      );
      expect(r.tasks[1]!.residentPages['1']).toBeGreaterThan(0);
    });
  });

  describe("Fengguang Wu's separate zonelists (patch 10)", () => {
    it('an unbound overcommit spills into PMEM on mainline, but is demoted there by reclaim under wu-2018-daemon', () => {
      // 96 MiB of usemem on 64 MiB DRAM + 128 MiB PMEM: mainline falls back into PMEM at the low
      // watermark without reclaiming; with DRAM's zonelist holding only DRAM, kswapd and direct
      // reclaim must demote to make room, and every page on PMEM got there by migration.
      // Boosting off in both (the series' v4.20 predates it), so only the zonelists differ.
      const run = (preset: string) =>
        runToEnd(
          withPreset(twoTierScenario({ workload: { size: '96MiB' } }), preset, {
            numa_balancing: 0,
            watermark_boost_factor: 0,
          }),
          engine,
        );
      const mainline = run('linux-tiering');
      const wu = run('wu-2018-daemon');
      expect(mainline.vmstat.pgdemote_kswapd! + mainline.vmstat.pgdemote_direct!).toBe(0);
      expect(mainline.tasks[0]!.residentPages['1']).toBeGreaterThan(0);
      const demoted = wu.vmstat.pgdemote_kswapd! + wu.vmstat.pgdemote_direct!;
      expect(demoted).toBeGreaterThan(0);
      expect(wu.vmstat.numa_foreign! + wu.vmstat.numa_miss!).toBe(0);
      expect(wu.tasks[0]!.residentPages['1']).toBeLessThanOrEqual(demoted);
    });

    it("still allocates a task on a DRAM CPU that is bound to PMEM, from the PMEM node's own list", () => {
      const s = twoTierScenario({ workload: { size: '32MiB', mempolicy: { mode: 'bind', nodes: [1] } } });
      const r = runToEnd(withPreset(s, 'wu-2018-daemon', { numa_balancing: 0 }), engine);
      expect(r.vmstat.allocstall_normal!).toBe(0);
      expect(Math.max(...r.tasks[0]!.residency.pages.map((p) => p[1]!))).toBe(8192);
    });
  });

  describe('TPP', () => {
    it('promotes fewer pages than mainline tiering, since a page must be active first', () => {
      const tpp = strandedHotSet('tpp');
      const mainline = strandedHotSet('linux-tiering', { numa_balancing: 3 });
      expect(tpp.vmstat.pgpromote_success!).toBeGreaterThan(0);
      expect(tpp.vmstat.pgpromote_success!).toBeLessThan(mainline.vmstat.pgpromote_success!);
    });

    it('reclaims DRAM up to its demote watermark, ahead of allocation, where mainline stops at high', () => {
      // Without watermark boosting, which would have both reclaim past high by up to 1.5x high.
      const bound = (preset: string) =>
        runToEnd(
          withPreset(
            twoTierScenario({ workload: { size: '96MiB', mempolicy: { mode: 'bind', nodes: [0] } } }),
            preset,
            { numa_balancing: 0, watermark_boost_factor: 0 },
          ),
          engine,
        );
      const tpp = bound('tpp');
      const mainline = bound('linux-tiering');
      const dram = tpp.nodes[0]!;
      const demoteWmark = dram.watermarks.high + Math.floor((dram.capacityPages * 200) / 10000);
      expect(dram.freePages).toBeGreaterThan(demoteWmark);
      expect(mainline.nodes[0]!.freePages).toBeLessThan(demoteWmark);
      expect(tpp.vmstat.pgdemote_kswapd!).toBeGreaterThan(mainline.vmstat.pgdemote_kswapd!);
    });
  });
});
