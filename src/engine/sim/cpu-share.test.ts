import { describe, expect, it } from 'vitest';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { buildWorld } from './setup.ts';
import { createCpuShares, shareCpus } from './cpu-share.ts';
import { TaskState } from './task.ts';

/** A world on DRAM with `cpus` CPUs + CPU-less PMEM, with `running` threads running on DRAM. */
function world(cpus: number, running: number) {
  const nodes = [
    { id: 0, memory: 'dram', capacity: '64MiB', cpus },
    { id: 1, memory: 'pmem', capacity: '128MiB', cpus: 0 },
  ];
  const w = buildWorld(twoTierScenario({ nodes, workload: { size: '8MiB', threads: running } }));
  for (const t of w.tasks) t.state = TaskState.Running;
  return w;
}

describe('sharing the CPUs among tasks and kswapd', () => {
  it('gives each of 4 tasks and an awake kswapd 2/5 of a CPU on a 2-CPU node', () => {
    const w = world(2, 4);
    w.k.kswapd[0]!.awake = true;
    const c = createCpuShares(2);
    shareCpus(c, w.k, w.tasks);
    expect(c.taskSlowdown[0]).toBeCloseTo(2.5, 12);
    expect(c.kswapdShare[0]).toBeCloseTo(0.4, 12);
  });

  it('runs a task and kswapd at full speed while they fit on the CPUs', () => {
    const w = world(2, 1);
    w.k.kswapd[0]!.awake = true;
    const c = createCpuShares(2);
    shareCpus(c, w.k, w.tasks);
    expect(c.taskSlowdown[0]).toBe(1);
    expect(c.kswapdShare[0]).toBe(1);
  });

  it('slows tasks only by each other while kswapd sleeps, and counts kswapd in its own share', () => {
    const w = world(2, 4);
    const c = createCpuShares(2);
    shareCpus(c, w.k, w.tasks);
    expect(c.taskSlowdown[0]).toBe(2);
    expect(c.kswapdShare[0]).toBeCloseTo(0.4, 12); // should its nap end this round: 2 CPUs, 5 threads
  });

  it("spreads a CPU-less node's kswapd over the machine's CPUs", () => {
    const w = world(2, 2);
    w.k.kswapd[1]!.awake = true;
    const c = createCpuShares(2);
    shareCpus(c, w.k, w.tasks);
    // 3 runnable threads on 2 CPUs: each runs 2/3 of the time.
    expect(c.taskSlowdown[0]).toBeCloseTo(1.5, 12);
    expect(c.kswapdShare[1]).toBeCloseTo(2 / 3, 12);
  });
});
