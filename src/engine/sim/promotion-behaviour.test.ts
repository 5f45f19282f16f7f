import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../shared/result.ts';
import type { Mempolicy, ResolvedScenario } from '../../shared/scenario/resolved.ts';
import { ENGINES, runToEnd, twoTierScenario } from '../../../tests/support/engine/scenarios.ts';

// Every behaviour holds in both engines.
describe.each(ENGINES)('%s engine', (engine) => {
  /** A cold filler takes DRAM first; a hot set starting later lands mostly on PMEM. */
  function promotionScenario(knobs: Record<string, unknown>, durationMs = 4000): ResolvedScenario {
    const s = twoTierScenario({
      nodes: [
        { id: 0, memory: 'dram', capacity: '128MiB', cpus: 2 },
        { id: 1, memory: 'pmem', capacity: '512MiB', cpus: 0 },
      ],
      knobs: { demotion_enabled: true, ...knobs },
      workload: { type: 'usemem', size: '120MiB', repeats: 1 },
      run: { durationMs },
    });
    const hot = structuredClone(s.workload[0]!);
    s.workload.push({
      ...hot,
      name: 'hot',
      type: 'hotset',
      sizeBytes: 192 * 2 ** 20,
      distribution: 'hot',
      hotFraction: 0.1,
      hotProbability: 0.95,
      zipfS: 1,
      stddevFraction: 0.1,
      hotPosition: 'tail',
      readRatio: 0.8,
      accesses: null,
      phases: [],
      startMs: 200,
    });
    return s;
  }

  function promotion(knobs: Record<string, unknown>, durationMs = 4000): RunResult {
    return runToEnd(promotionScenario(knobs, durationMs), engine);
  }

  const promoted = (r: RunResult) => r.vmstat.pgpromote_success!;
  let mode2: RunResult | undefined;
  /** The default tiering run, shared by the tests that only read it. */
  const tiering = (): RunResult => (mode2 ??= promotion({ numa_balancing: 2 }));

  describe('NUMA balancing promotion', () => {
    it('promotes hot slow-tier pages in tiering mode 2 and never in mode 0', () => {
      const off = promotion({ numa_balancing: 0 });
      const on = tiering();
      expect(off.vmstat.numa_hint_faults! + promoted(off)).toBe(0);
      expect(on.vmstat.numa_pte_updates!).toBeGreaterThan(0);
      expect(on.vmstat.numa_hint_faults!).toBeGreaterThan(0);
      expect(promoted(on)).toBeGreaterThan(0);
      expect(on.vmstat.numa_pages_migrated!).toBeGreaterThanOrEqual(promoted(on));
      // Every promotion comes from a hint fault. 6.12 counts the free-space bypass's candidates
      // nowhere (PGPROMOTE_CANDIDATE_NRL came in v6.17), so pgpromote_candidate does not bound them.
      expect(promoted(on)).toBeLessThanOrEqual(on.vmstat.numa_hint_faults!);
      expect(on.vmstat.pgpromote_candidate_nrl).toBeUndefined();
      expect(on.tasks[1]!.residentPages['0']).toBeGreaterThan(off.tasks[1]!.residentPages['0']!);
    });

    it('does not scan top-tier pages in mode 2, so there are no local hint faults', () => {
      expect(tiering().vmstat.numa_hint_faults_local!).toBe(0);
    });

    it('caps promotion at the rate limit per second', () => {
      const limitMBps = 4;
      const r = promotion({ numa_balancing: 2, numa_balancing_promote_rate_limit_MBps: limitMBps });
      const pagesPerSecond = (limitMBps * 2 ** 20) / 4096;
      // One window per second of run, plus the first window's start.
      expect(promoted(r)).toBeGreaterThan(0);
      expect(promoted(r)).toBeLessThanOrEqual(pagesPerSecond * (4 + 1));
    });

    it('promotes fewer pages with a lower hot threshold', () => {
      const loose = tiering();
      const strict = promotion({ numa_balancing: 2, hot_threshold_ms: 5 });
      expect(promoted(strict)).toBeLessThan(promoted(loose));
    });

    it('wakes kswapd on the fast node when promotion finds no headroom, so demotion makes room', () => {
      const r = tiering();
      expect(r.nodes[0]!.vmstat.pgdemote_kswapd!).toBeGreaterThan(0);
      expect(r.tasks[0]!.residentPages['1']).toBeGreaterThan(0);
    });
  });

  describe('which tasks NUMA balancing scans (vma_policy_mof in task_numa_work)', () => {
    /** The mode 2 run with the filler bound to DRAM, so never scanned, and the hot set under `policy`. */
    function hotSetUnder(policy: Mempolicy): RunResult {
      const s = promotionScenario({ numa_balancing: 2 });
      s.workload[0]!.mempolicy = { mode: 'bind', nodes: [0], flags: [] };
      s.workload[1]!.mempolicy = policy;
      return runToEnd(s, engine);
    }

    it('leaves a task bound without MPOL_F_NUMA_BALANCING alone: no PTE updates, hint faults or promotion', () => {
      const r = hotSetUnder({ mode: 'bind', nodes: [0, 1], flags: [] });
      expect(r.tasks[1]!.residentPages['1']).toBeGreaterThan(0);
      expect(r.vmstat.numa_pte_updates! + r.vmstat.numa_hint_faults! + promoted(r)).toBe(0);
    });

    it('leaves preferred and interleave tasks alone too, as set_mempolicy gives them no MPOL_F_MOF', () => {
      const preferred = hotSetUnder({ mode: 'preferred', nodes: [1], flags: [] });
      const interleave = hotSetUnder({ mode: 'interleave', nodes: [0, 1], flags: [] });
      expect(preferred.vmstat.numa_pte_updates! + interleave.vmstat.numa_pte_updates!).toBe(0);
    });

    it('scans a task bound with MPOL_F_NUMA_BALANCING and promotes its hot pages into its nodemask', () => {
      const r = hotSetUnder({ mode: 'bind', nodes: [0, 1], flags: ['numa_balancing'] });
      expect(r.vmstat.numa_pte_updates!).toBeGreaterThan(0);
      expect(r.vmstat.numa_hint_faults!).toBeGreaterThan(0);
      expect(promoted(r)).toBeGreaterThan(0);
      expect(promoted(r)).toBe(r.vmstat.numa_pages_migrated!);
    });

    it("scans a balanced task bound to the slow node but moves nothing: its CPU's node is not in the mask", () => {
      const r = hotSetUnder({ mode: 'bind', nodes: [1], flags: ['numa_balancing'] });
      expect(r.vmstat.numa_hint_faults!).toBeGreaterThan(0);
      expect(r.vmstat.pgpromote_candidate! + promoted(r) + r.vmstat.numa_pages_migrated!).toBe(0);
      expect(r.tasks[1]!.residentPages['0']).toBe(0);
    });
  });

  describe('migration attribution', () => {
    it('attributes every migrated page to a reason, adding up to pgmigrate_success', () => {
      const r = tiering();
      const total = r.migrations.reduce((sum, m) => sum + m.pages, 0);
      expect(total).toBe(r.vmstat.pgmigrate_success!);
      const byReason = (reason: string) =>
        r.migrations.filter((m) => m.reason === reason).reduce((s, m) => s + m.pages, 0);
      expect(byReason('numa_misplaced')).toBe(r.vmstat.numa_pages_migrated!);
      expect(byReason('demotion')).toBe(r.vmstat.pgdemote_kswapd! + r.vmstat.pgdemote_direct!);
      expect(
        r.migrations.filter((m) => m.reason === 'demotion').every((m) => m.from === 0 && m.to === 1),
      ).toBe(true);
    });

    it('counts pages promoted and demoted again within the window as ping-pong', () => {
      const r = tiering();
      expect(r.pingPong.windowMs).toBe(10_000);
      expect(r.pingPong.promotedThenDemoted).toBeGreaterThan(0);
      expect(r.pingPong.promotedThenDemoted).toBeLessThanOrEqual(
        r.vmstat.pgdemote_kswapd! + r.vmstat.pgdemote_direct!,
      );
      expect(promotion({ numa_balancing: 0 }).pingPong).toEqual({
        windowMs: 10_000,
        promotedThenDemoted: 0,
        demotedThenPromoted: 0,
      });
    });

    it("records each task's residency per node over time, ending where the run ends", () => {
      const r = tiering();
      const hot = r.tasks[1]!;
      expect(hot.residency.timesMs).toHaveLength(hot.residency.pages.length);
      expect(hot.residency.pages[0]).toEqual([0, 0]);
      expect(hot.residency.pages.at(-1)).toEqual([hot.residentPages['0'], hot.residentPages['1']]);
    });
  });
});
