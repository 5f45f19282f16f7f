import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import type { RunResult } from '../../shared/result.ts';
import { ENGINES, runToEnd } from '../../../tests/support/engine/scenarios.ts';

type Json = Record<string, unknown>;
const MiB = 2 ** 20;
const PAGE = 4096;

/**
 * DRAM 64 MiB (1 CPU) + PMEM 128 MiB, 64 MiB of swap, the given workloads on node 0, the classic LRU
 * (memory.low under MGLRU, 6.12's default, is the lru-gen tests' own: shrink_one skips a memcg once).
 */
function scenario(
  workload: Json[],
  over: { preset?: string; knobs?: Json; swap?: boolean } = {},
): ResolvedScenario {
  const file = {
    format: 'tierlab.scenario/1',
    name: 'memcg',
    machine: {
      pageSize: '4KiB',
      nodes: [
        { id: 0, memory: 'dram', capacity: '64MiB', cpus: 1 },
        { id: 1, memory: 'pmem', capacity: '128MiB', cpus: 0 },
      ],
      ...(over.swap === false ? {} : { swap: { capacity: '64MiB', device: 'ssd' } }),
    },
    policy: { preset: over.preset ?? 'linux', knobs: { lru_gen_enabled: false, ...over.knobs } },
    workload: workload.map((w) => ({ cpu: 0, ...(w.type ? {} : { type: 'usemem', repeats: 2 }), ...w })),
    run: { durationMs: 1000, tickMs: 10, sampleEveryMs: 100, seed: 7 },
  };
  const parsed = parseScenario(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

function cgroup(r: RunResult, name: string) {
  const c = r.cgroups?.find((g) => g.name === name);
  if (!c) throw new Error(`no cgroup ${name}`);
  return c;
}

describe.each(ENGINES)('%s engine', (engine) => {
  describe('memory.max', () => {
    const capped = { name: 'box', max: '32MiB' };

    it('reclaims a 48 MiB usemem in its 32 MiB cgroup by swapping, though the machine has room', () => {
      const r = runToEnd(
        scenario([{ name: 'hog', size: '48MiB', cgroup: capped }], { knobs: { demotion_enabled: false } }),
        engine,
      );
      const c = cgroup(r, 'box');
      expect(c.current).toBeLessThanOrEqual(32 * MiB);
      expect(c.events.max).toBeGreaterThan(0);
      expect(c.stat.pgsteal_direct).toBeGreaterThan(0);
      expect(c.stat.pswpout).toBe(r.vmstat.pswpout!);
      // The cgroup reclaimed itself: kswapd never had to run on the half-empty machine.
      expect(r.vmstat.pgscan_kswapd!).toBe(0);
      expect(r.vmstat.pgsteal_direct!).toBe(c.stat.pgsteal_direct);
      expect(c.events.oom_kill).toBe(0);
    });

    it('demotes in memcg reclaim under mainline tiering (the 6.0 revert), and still keeps to the limit', () => {
      const r = runToEnd(
        scenario([{ name: 'hog', size: '48MiB', cgroup: capped }], { preset: 'linux-tiering' }),
        engine,
      );
      const c = cgroup(r, 'box');
      expect(c.stat.pgdemote_direct).toBeGreaterThan(0);
      expect(c.stat.pgdemote_direct).toBe(r.vmstat.pgdemote_direct!);
      // Demoted pages stay charged: the cgroup is brought under max by swapping too.
      expect(c.current).toBeLessThanOrEqual(32 * MiB);
      expect(c.stat.pswpout).toBeGreaterThan(0);
      expect(c.numaStat.anon[1]).toBeGreaterThan(0);
    });

    it('never demotes in memcg reclaim under hansen-2020 ("don\'t demote for memcg reclaim")', () => {
      const r = runToEnd(
        scenario([{ name: 'hog', size: '48MiB', cgroup: capped }], { preset: 'hansen-2020' }),
        engine,
      );
      const c = cgroup(r, 'box');
      expect(c.stat.pgsteal_direct).toBeGreaterThan(0);
      expect(r.vmstat.pgdemote_direct! + r.vmstat.pgdemote_kswapd!).toBe(0);
      expect(c.numaStat.anon[1]).toBe(0);
    });

    it('OOM-kills inside the cgroup when it cannot reclaim, and leaves the other workload alone', () => {
      const s = scenario(
        [
          { name: 'boxed', size: '48MiB', cgroup: { name: 'box', max: '16MiB' } },
          { name: 'free', size: '16MiB' },
        ],
        { swap: false, knobs: { demotion_enabled: false } },
      );
      const r = runToEnd(s, engine);
      const c = cgroup(r, 'box');
      expect(c.events.oom_kill).toBe(1);
      expect(r.vmstat.oom_kill!).toBe(1);
      expect(r.events.filter((e) => e.kind === 'oom_kill').map((e) => e.task)).toEqual(['boxed']);
      expect(r.tasks.find((t) => t.name === 'free')!.finished).toBe(true);
    });
  });

  describe('the global OOM killer', () => {
    it("counts its kill in the victim's memory.events, though the cgroup had no limit", () => {
      const bind0 = { mempolicy: { mode: 'bind', nodes: [0] } };
      const s = scenario([{ name: 'hog', size: '96MiB', cgroup: 'open', ...bind0 }], {
        swap: false,
        knobs: { demotion_enabled: false },
      });
      const c = cgroup(runToEnd(s, engine), 'open');
      expect(c.events.oom_kill).toBe(1);
      expect(c.events.oom + c.events.max).toBe(0);
    });
  });

  describe('memory.high', () => {
    it('holds a cgroup near its high limit by reclaim on return to user, without OOM', () => {
      const s = scenario([{ name: 'hog', size: '48MiB', cgroup: { name: 'soft', high: '32MiB' } }], {
        knobs: { demotion_enabled: false },
      });
      const r = runToEnd(s, engine);
      const c = cgroup(r, 'soft');
      expect(c.events.high).toBeGreaterThan(0);
      expect(c.events.max + c.events.oom).toBe(0);
      // High is checked once per charge batch (64 pages), and the handler stops reclaiming once
      // the penalty is at most HZ / 100 = 2 jiffies: overage^2 * 250 / 2^34 <= 2, i.e. usage at most
      // high * sqrt(2 * 2^34 / 250) / 2^20 = 1.118% over it.
      const high = 32 * MiB;
      expect(c.current).toBeLessThanOrEqual(
        high * (1 + Math.sqrt((2 * 2 ** 34) / 250) / 2 ** 20) + 64 * PAGE,
      );
      expect(c.stat.pgsteal_direct).toBeGreaterThan(0);
    });
  });

  describe('memory.low and memory.min in global reclaim', () => {
    const bind0 = { mempolicy: { mode: 'bind', nodes: [0] } };
    const tenants = (protection: Json) => [
      {
        name: 'kept',
        type: 'hotset',
        size: '24MiB',
        distribution: 'uniform',
        cgroup: { name: 'kept', ...protection },
        ...bind0,
      },
      { name: 'hog', size: '56MiB', cgroup: 'other', ...bind0 },
    ];
    const noDemotion = { knobs: { demotion_enabled: false } };

    it('leaves a tenant within memory.low alone while another can be reclaimed', () => {
      const r = runToEnd(scenario(tenants({ low: '32MiB' }), noDemotion), engine);
      const kept = cgroup(r, 'kept');
      expect(cgroup(r, 'other').stat.pgsteal_kswapd + cgroup(r, 'other').stat.pgsteal_direct).toBeGreaterThan(
        0,
      );
      expect(kept.stat.pgscan_kswapd + kept.stat.pgscan_direct).toBe(0);
      expect(kept.current).toBe(24 * MiB);
    });

    it('reclaims the same tenant without the protection', () => {
      const r = runToEnd(scenario(tenants({}), noDemotion), engine);
      const kept = cgroup(r, 'kept');
      expect(kept.stat.pgscan_kswapd + kept.stat.pgscan_direct).toBeGreaterThan(0);
      expect(kept.events.low).toBe(0);
    });

    it('protects with memory.min as with low when others can give', () => {
      const r = runToEnd(scenario(tenants({ min: '32MiB' }), noDemotion), engine);
      expect(cgroup(r, 'kept').current).toBe(24 * MiB);
    });
  });

  describe('memory.reclaim', () => {
    const sized = (reclaim: Json[]) => [
      { name: 'idle', size: '32MiB', repeats: 1, cgroup: { name: 'job', reclaim } },
    ];

    it('reclaims at least what was written, counted as direct reclaim in vmstat and memory.stat, as 6.1 and 6.12 count it', () => {
      const r = runToEnd(
        scenario(sized([{ atMs: 500, size: '8MiB' }]), { knobs: { demotion_enabled: false } }),
        engine,
      );
      const c = cgroup(r, 'job');
      const asked = (8 * MiB) / PAGE;
      expect(c.stat.pgsteal_direct).toBeGreaterThanOrEqual(asked);
      expect(c.stat.pgsteal_direct).toBe(r.vmstat.pgsteal_direct!);
      expect(r.vmstat.pgscan_direct!).toBeGreaterThanOrEqual(r.vmstat.pgsteal_direct!);
      expect(r.vmstat.pgsteal_kswapd!).toBe(0);
      // 6.12 prints no pgsteal_proactive (6.15): the run does not record it.
      expect(r.vmstat.pgsteal_proactive).toBeUndefined();
      expect(c.current).toBeLessThanOrEqual(24 * MiB);
      const e = r.events.find((x) => x.kind === 'memory_reclaim')!;
      expect(e.atMs).toBe(500);
      expect(e.detail).toContain('job: memory.reclaim 8192 kB');
    });

    it('demotes under tiering, counted as pgdemote_direct, and demoted pages stay charged', () => {
      const r = runToEnd(scenario(sized([{ atMs: 500, size: '8MiB' }]), { preset: 'linux-tiering' }), engine);
      const c = cgroup(r, 'job');
      expect(c.stat.pgdemote_direct).toBeGreaterThan(0);
      expect(r.vmstat.pgdemote_direct!).toBe(c.stat.pgdemote_direct);
      // Demotions count as reclaimed (shrink_folio_list adds nr_demoted to nr_reclaimed) ...
      expect(c.stat.pgsteal_direct).toBeGreaterThanOrEqual((8 * MiB) / PAGE);
      expect(c.stat.pgsteal_direct).toBe(c.stat.pgdemote_direct + c.stat.pswpout);
      // ... but only the pages swapped out left the cgroup.
      expect(c.current).toBe(32 * MiB - c.stat.pswpout * PAGE);
    });

    it("fails with -EAGAIN on nodes= that hold none of the cgroup's pages", () => {
      const r = runToEnd(
        scenario(sized([{ atMs: 500, size: '8MiB', nodes: [1] }]), { knobs: { demotion_enabled: false } }),
        engine,
      );
      expect(r.vmstat.pgsteal_direct!).toBe(0);
      expect(r.events.find((x) => x.kind === 'memory_reclaim')!.detail).toMatch(
        /nodes=1: 0 kB reclaimed \(-EAGAIN\)/,
      );
    });
  });
});

describe('determinism with cgroups', () => {
  it('gives byte-identical results for the same scenario, seed and engine', () => {
    const s = scenario([
      {
        name: 'a',
        size: '48MiB',
        cgroup: { name: 'box', max: '32MiB', reclaim: [{ atMs: 300, size: '4MiB' }] },
      },
      { name: 'b', type: 'hotset', size: '24MiB', cgroup: { name: 'gold', low: '16MiB' } },
    ]);
    for (const engine of ENGINES)
      expect(JSON.stringify(runToEnd(s, engine))).toBe(JSON.stringify(runToEnd(s, engine)));
  });
});
