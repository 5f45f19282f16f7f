import { describe, expect, it } from 'vitest';
import { ENGINES, twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import { STAT } from '../../shared/vmstat.ts';
import { buildWorld } from './setup.ts';
import { createSimulation } from './simulation.ts';
import { updateLatency } from '../mm/loaded-latency.ts';

const PAGE = 4096;
const LINE = 64;

/** Each node's counters at the end of the run, from the last sample. */
function finalNodes(s: ResolvedScenario) {
  const sim = createSimulation(s);
  sim.advance(s.run.durationMs);
  const batch = sim.takeSamples()!;
  const last = (n: number, name: string) => batch.nodes[n]![name]!.at(-1)!;
  return { last, batch };
}

describe.each(ENGINES)('memory traffic per node (%s engine)', (engine) => {
  it('a write walk counts each page zeroed once and one cache line written per step', () => {
    // usemem 8 MiB, one step per page: 2048 faults, each zeroing the page (4096 bytes) and then
    // writing the stepped word's cache line (64 bytes); nothing is read, nothing lands on PMEM.
    const s = twoTierScenario({
      swap: false,
      workload: { size: '8MiB', repeats: 1 },
      run: { engine, durationMs: 200 },
    });
    const { last } = finalNodes(s);
    expect(last(0, 'mem_write_bytes')).toBe(2048 * (PAGE + LINE));
    expect(last(0, 'mem_read_bytes')).toBe(0);
    expect(last(1, 'mem_write_bytes')).toBe(0);
    expect(last(1, 'mem_read_bytes')).toBe(0);
  });

  it('in a write-only run, every byte read is a migration copy: a page read from its old node', () => {
    // 96 MiB walked twice through 64 MiB of DRAM with demotion on: reclaim demotes to PMEM and
    // the second pass may promote nothing (NUMA balancing off), so migrations are demotions.
    const s = twoTierScenario({ swap: false, run: { engine, durationMs: 1000 } });
    const { last } = finalNodes(s);
    const migrated = last(0, 'pgmigrate_success') + last(1, 'pgmigrate_success');
    expect(migrated).toBeGreaterThan(0);
    expect(last(0, 'mem_read_bytes') + last(1, 'mem_read_bytes')).toBe(migrated * PAGE);
    // Each copy is written once to the node it moves to: PMEM got the demoted pages' bytes.
    expect(last(1, 'mem_write_bytes')).toBeGreaterThanOrEqual(last(0, 'pgdemote_kswapd') * PAGE);
  });
});

describe('loaded latency from a tick of traffic', () => {
  it("sets the next tick's latency from the node's curve at the bandwidth used, and counts the bytes", () => {
    // DRAM at 15 GB/s read, 12 GB/s write, idle 81/86 ns; its curve from the DRAM shape passes
    // (4.5 GB/s, 85.05 ns) and (9 GB/s, 101.25 ns). A 10 ms tick with 45 MB read and 36 MB written:
    // 4.5 GB/s + 3.6 GB/s * 15/12 = 9 GB/s read-equivalent, so 101.25 ns = 1.25x idle, and the
    // write latency is loaded by the same 1.25x: 107.5 ns.
    const k = buildWorld(twoTierScenario()).k;
    k.traffic[0] = 45e6;
    k.traffic[1] = 36e6;
    updateLatency(k, 10e6);
    expect(k.latency[0]).toBeCloseTo(101.25, 9);
    expect(k.latency[1]).toBeCloseTo(107.5, 9);
    expect(k.stats[STAT.mem_read_bytes]).toBe(45e6);
    expect(k.stats[STAT.mem_write_bytes]).toBe(36e6);
    // PMEM moved nothing: idle latency; and the tick's traffic starts again from zero.
    expect(k.latency[2]).toBe(305);
    expect(Array.from(k.traffic)).toEqual([0, 0, 0, 0]);
  });

  it('a later quiet tick brings the latency back to idle while the byte counts keep adding up', () => {
    const k = buildWorld(twoTierScenario()).k;
    k.traffic[0] = 45e6;
    updateLatency(k, 10e6);
    updateLatency(k, 10e6);
    expect(k.latency[0]).toBe(81);
    expect(k.stats[STAT.mem_read_bytes]).toBe(45e6);
  });
});
