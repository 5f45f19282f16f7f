// How the scheduler shares CPUs among runnable threads: the tasks, and each kswapd while awake.
// kswapd is a kernel thread bound to its node's CPUs (kswapd() sets cpumask_of_node); a CPU-less
// node's mask is empty, so its kswapd runs on any CPU of the machine. CFS gives every runnable
// thread an equal share, at most one CPU: R threads on C CPUs each run min(1, C / R) of the time.
// Example: a node with 2 CPUs, 4 allocating threads and its kswapd awake has R = 5, so each runs
// 2/5 of the time: the tasks go 2.5x slower and kswapd reclaims at 0.4 of its speed, while the
// allocations it should keep up with slow only 2.5x; with 1 thread (R = 2) both run at full speed.
// More allocating threads than CPUs thus starve kswapd, and direct reclaim takes over its share.
import type { Kernel } from '../mm/kernel.ts';
import { TaskState, type Task } from './task.ts';

export interface CpuShares {
  /** Per node: how much slower a task whose CPU is on the node runs (1 / its share, at least 1). */
  taskSlowdown: Float64Array;
  /** Per node: the share of one CPU the node's kswapd gets while awake (0..1]. */
  kswapdShare: Float64Array;
  /** Per node: runnable threads on its CPUs (scratch). */
  runnable: Float64Array;
}

export function createCpuShares(nrNodes: number): CpuShares {
  return {
    taskSlowdown: new Float64Array(nrNodes).fill(1),
    kswapdShare: new Float64Array(nrNodes).fill(1),
    runnable: new Float64Array(nrNodes),
  };
}

/**
 * Shares every node's CPUs among the running tasks and the awake kswapds, for one round of turns.
 * A floating kswapd (CPU-less node) counts on each node in proportion to its CPUs, as load
 * balancing would spread it, and gets the machine-wide share.
 */
export function shareCpus(c: CpuShares, k: Kernel, tasks: readonly Task[]): void {
  const nodes = k.machine.nodes;
  const runnable = c.runnable;
  runnable.fill(0);
  let totalCpus = 0;
  let floating = 0;
  for (let n = 0; n < nodes.length; n++) {
    totalCpus += nodes[n]!.cpus;
    if (!k.kswapd[n]!.awake) continue;
    if (nodes[n]!.cpus > 0) runnable[n]!++;
    else floating++;
  }
  let total = floating;
  for (const t of tasks) {
    if (t.state !== TaskState.Running) continue;
    runnable[t.cpuNode]!++;
    total++;
  }
  for (let n = 0; n < nodes.length; n++) total += nodes[n]!.cpus > 0 && k.kswapd[n]!.awake ? 1 : 0;
  for (let n = 0; n < nodes.length; n++) {
    const cpus = nodes[n]!.cpus;
    const r = runnable[n]! + (totalCpus > 0 ? (floating * cpus) / totalCpus : 0);
    c.taskSlowdown[n] = Math.max(1, r / Math.max(1, cpus));
    // A kswapd asleep now counts itself too, for when its short nap ends inside the round.
    const self = k.kswapd[n]!.awake ? 0 : 1;
    c.kswapdShare[n] =
      cpus > 0 ? Math.min(1, cpus / (r + self)) : totalCpus > 0 ? Math.min(1, totalCpus / (total + self)) : 1;
  }
}
