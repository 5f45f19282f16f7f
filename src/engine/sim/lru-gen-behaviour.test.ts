import { describe, expect, it } from 'vitest';
import { ENGINES, runToEnd, twoTierScenario } from '../../../tests/support/engine/scenarios.ts';

const bind0 = { mempolicy: { mode: 'bind', nodes: [0] } };
const mglru = (knobs: Record<string, unknown> = {}) => ({ lru_gen_enabled: true, ...knobs });

// Every behaviour holds in both engines.
describe.each(ENGINES)('the multi-gen LRU, %s engine', (engine) => {
  it('demotes a 1.5x DRAM overcommit bound to DRAM from kswapd, without swapping while PMEM has room', () => {
    const r = runToEnd(twoTierScenario({ knobs: mglru(), workload: { size: '96MiB', ...bind0 } }), engine);
    expect(r.vmstat.pgdemote_kswapd!).toBeGreaterThan(0);
    expect(r.vmstat.pswpout!).toBe(0);
    expect(r.vmstat.pgmigrate_success!).toBe(r.vmstat.pgdemote_kswapd! + r.vmstat.pgdemote_direct!);
    // Eviction isolates into shrink_folio_list, so every page stolen was demoted, and scanned first.
    expect(r.vmstat.pgsteal_kswapd! + r.vmstat.pgsteal_direct!).toBe(
      r.vmstat.pgdemote_kswapd! + r.vmstat.pgdemote_direct!,
    );
    expect(r.vmstat.pgscan_kswapd!).toBeGreaterThanOrEqual(r.vmstat.pgsteal_kswapd!);
    expect(r.tasks[0]!.finished).toBe(true);
  });

  it('swaps the same overcommit when demotion is off', () => {
    const r = runToEnd(
      twoTierScenario({ knobs: mglru({ demotion_enabled: false }), workload: { size: '96MiB', ...bind0 } }),
      engine,
    );
    expect(r.vmstat.pgdemote_kswapd! + r.vmstat.pgdemote_direct!).toBe(0);
    expect(r.vmstat.pswpout!).toBeGreaterThan(0);
    expect(r.tasks[0]!.finished).toBe(true);
  });

  it('OOM-kills from kswapd when the oldest generation is younger than min_ttl_ms, and not without it', () => {
    // The generations are born at boot (0 ms); kswapd first runs well inside the 1 s run, so with
    // min_ttl_ms 10000 lru_gen_age_node finds nothing old enough and calls the OOM killer.
    const over = { workload: { size: '96MiB', ...bind0 }, knobs: mglru({ demotion_enabled: false }) };
    const protectedRun = runToEnd(
      twoTierScenario({ ...over, knobs: { ...over.knobs, lru_gen_min_ttl_ms: 10000 } }),
      engine,
    );
    expect(protectedRun.vmstat.oom_kill).toBe(1);
    const kill = protectedRun.events.find((e) => e.kind === 'oom_kill');
    expect(kill?.detail).toContain('min_ttl_ms (10000 ms)');
    expect(protectedRun.tasks[0]!.oomKilled).toBe(true);
    expect(runToEnd(twoTierScenario(over), engine).vmstat.oom_kill).toBe(0);
  });
});
