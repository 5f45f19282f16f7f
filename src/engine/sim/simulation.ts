// The simulation loop: simulated time advances in ticks; inside a tick, tasks and kswapd threads
// take turns in short rounds so that reclaim runs alongside the allocations that wake it.
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import type { SampleBatch } from '../../shared/samples.ts';
import type { RunResult } from '../../shared/result.ts';
import type { TaskProgress } from '../../shared/progress.ts';
import { updateLatency } from '../mm/loaded-latency.ts';
import { colloidSample } from '../mm/colloid.ts';
import { addStreamTraffic } from '../workloads/stream.ts';
import { runKcompactd } from '../mm/kcompactd.ts';
import { runKswapd } from '../mm/kswapd.ts';
import { taskNumaWork } from '../mm/numa-balancing.ts';
import { hotplugActions, runHotplug } from '../mm/memory-hotplug.ts';
import { memoryReclaimWrites } from './memcg-setup.ts';
import { runMemoryReclaimWrites } from './memory-reclaim-writes.ts';
import { freeWorkloadMemory } from './oom.ts';
import { buildResult } from './result.ts';
import { groupFastTierHits, groupReferences } from './group-counts.ts';
import { createSampler, recordSample, takeSamples } from './sampler.ts';
import { buildWorld, type World } from './setup.ts';
import { runTask, TaskState, type Task } from './task.ts';
import type { MmNumab } from '../mm/numa-balancing-state.ts';
import { planRound, runningTasks, type RoundPlanner } from './rounds.ts';
import { shareCpus } from './cpu-share.ts';

export interface Simulation {
  readonly nowMs: number;
  readonly durationMs: number;
  readonly done: boolean;
  /** Runs ticks until simulated time reaches untilMs (or the end of the run). */
  advance(untilMs: number): void;
  /** Sample rows recorded since the last call, or null. */
  takeSamples(): SampleBatch | null;
  /** Machine-wide counters of the latest sample. */
  latest(): Float64Array;
  /** Page references all tasks have made so far. */
  references(): number;
  /** Each task's references and top-tier hits as of the latest sample, and that sample's time. */
  sampledTasks(): { sampleMs: number; tasks: TaskProgress[] };
  result(wallMs: number): RunResult;
}

/** `plan` is planRound but in tests, which compare it with a planner of finer rounds. */
export function createSimulation(s: ResolvedScenario, plan: RoundPlanner = planRound): Simulation {
  const world = buildWorld(s);
  const sampler = createSampler(world.k);
  const tickNs = s.run.tickMs * 1e6;
  const durationNs = s.run.durationMs * 1e6;
  const sampleEveryTicks = Math.round(s.run.sampleEveryMs / s.run.tickMs);
  let nowNs = 0;
  let ticks = 0;
  const hotplug = hotplugActions(s.machine);
  let nextHotplug = 0;
  const reclaimWrites = memoryReclaimWrites(s);
  let nextReclaimWrite = 0;
  recordSample(sampler, world.k, 0, groupReferences(world), groupFastTierHits(world));
  const sim: Simulation = {
    get nowMs() {
      return nowNs / 1e6;
    },
    durationMs: s.run.durationMs,
    get done() {
      return nowNs >= durationNs;
    },
    advance(untilMs) {
      const until = Math.min(untilMs * 1e6, durationNs);
      while (nowNs < until) {
        const end = Math.min(nowNs + tickNs, durationNs);
        // Memory comes and goes at the start of the tick it falls in, in both engines alike.
        nextHotplug = runHotplug(world.k, hotplug, nextHotplug, end);
        nextReclaimWrite = runMemoryReclaimWrites(world.k, reclaimWrites, nextReclaimWrite, end);
        tick(world, s, plan, nowNs, end);
        nowNs = end;
        ticks++;
        if (ticks % sampleEveryTicks === 0 || nowNs >= durationNs)
          recordSample(sampler, world.k, nowNs / 1e6, groupReferences(world), groupFastTierHits(world));
      }
    },
    takeSamples: () => takeSamples(sampler, world.k),
    latest: () => sampler.latest,
    references: () => Math.round(world.tasks.reduce((sum, t) => sum + t.references, 0)),
    sampledTasks: () => {
      const references = sampler.references.at(-1) ?? [];
      const hits = sampler.fastTierHits.at(-1) ?? [];
      return {
        sampleMs: sampler.residencyTimes.at(-1) ?? 0,
        tasks: world.names.map((name, g) => ({
          name,
          references: references[g] ?? 0,
          fastTierHits: hits[g] ?? 0,
        })),
      };
    },
    result: (wallMs) => buildResult(world, s, sampler, nowNs / 1e6, wallMs),
  };
  return sim;
}

function tick(world: World, s: ResolvedScenario, plan: RoundPlanner, t0: number, t1: number): void {
  const { k } = world;
  startAndStopTasks(world, s, t0);
  if (k.knobs.numa_balancing) numaScan(world, t0);
  const cpu = world.cpu;
  for (let start = t0; start < t1;) {
    // A kswapd woken during the tasks' turns may end the round early (cutRound).
    const step = plan(world, start, t1);
    // The round's threads share the CPUs as they are now: a kswapd awake takes its share.
    shareCpus(cpu, k, world.tasks);
    const running = runningTasks(world);
    for (let sub = start; sub < k.round.endNs;) {
      sub = Math.min(sub + step, k.round.endNs);
      runTasks(world, sub, cpu.taskSlowdown);
      // A thread that ended changes how the CPUs are shared: fine rounds would share them anew here.
      if (sub < k.round.endNs && runningTasks(world) !== running) k.round.endNs = sub;
    }
    const end = k.round.endNs;
    for (let n = 0; n < k.m.nrNodes; n++) runKswapd(k, n, end, cpu.kswapdShare[n]);
    for (let n = 0; n < k.m.nrNodes; n++) runKcompactd(k, n, end);
    for (const mover of k.movers) mover.run(k, end);
    start = end;
  }
  addStreamTraffic(k.traffic, world.streams, t0, t1);
  colloidSample(k, t1 - t0, t1 / 1e6);
  updateLatency(k, t1 - t0);
}

function runTasks(world: World, untilNs: number, slowdown: Float64Array): void {
  const { k } = world;
  for (const t of world.tasks) {
    if (t.state !== TaskState.Running) continue;
    runTask(k, t, untilNs, slowdown[t.cpuNode]!, world.rate);
    if (t.state === TaskState.Done) {
      k.events.push({
        atMs: t.endNs / 1e6,
        kind: 'task_exit',
        task: world.names[t.group]!,
        detail: `thread ${t.id} finished its work`,
      });
    }
  }
}

function startAndStopTasks(world: World, s: ResolvedScenario, t0: number): void {
  const { k, tasks, names } = world;
  for (const t of tasks) {
    const w = s.workload[t.group]!;
    if (t.state === TaskState.Waiting && t.startNs < t0 + 1) {
      t.state = TaskState.Running;
      t.clockNs = Math.max(t.clockNs, t0);
      k.events.push({
        atMs: t.clockNs / 1e6,
        kind: 'task_start',
        task: names[t.group]!,
        detail: `thread ${t.id} started`,
      });
    }
    if (
      w.stopMs !== null &&
      t0 >= w.stopMs * 1e6 &&
      (t.state === TaskState.Running || t.state === TaskState.Done)
    ) {
      if (t.state === TaskState.Running) t.endNs = t0;
      t.state = TaskState.Stopped;
      if (
        !tasks.some(
          (o) => o.group === t.group && o.state !== TaskState.Stopped && o.state !== TaskState.Killed,
        )
      ) {
        k.nowNs = t0;
        freeWorkloadMemory(k, t.group);
        k.events.push({
          atMs: t0 / 1e6,
          kind: 'task_exit',
          task: names[t.group]!,
          detail: 'stopped; memory freed',
        });
      }
    }
  }
  streamEvents(world, t0, t0 + s.run.tickMs * 1e6);
  for (const w of s.workload) {
    if (w.type !== 'hotset') continue;
    for (const p of w.phases) {
      if (p.atMs * 1e6 >= t0 && p.atMs * 1e6 < t0 + s.run.tickMs * 1e6) {
        k.events.push({
          atMs: p.atMs,
          kind: 'phase_change',
          task: w.name,
          detail: `hot set moves to ${String(p.hotPosition)}`,
        });
      }
    }
  }
}

/** An antagonist starting or stopping in [t0, t1) is an event on the timeline. */
function streamEvents(world: World, t0: number, t1: number): void {
  const within = (ms: number | null) => ms !== null && ms * 1e6 >= t0 && ms * 1e6 < t1;
  for (const w of world.streams) {
    const what = `${w.bandwidthGBps} GB/s on node ${w.node}`;
    if (within(w.startMs)) {
      world.k.events.push({ atMs: w.startMs, kind: 'task_start', task: w.name, detail: `streams ${what}` });
    }
    if (within(w.stopMs)) {
      world.k.events.push({ atMs: w.stopMs!, kind: 'task_exit', task: w.name, detail: `stopped ${what}` });
    }
  }
}

/**
 * task_tick_numa(): each workload whose scan is due has its scanner run by one running thread,
 * which pays for it in time. The kernel's winner pushes its own next turn back (node_stamp += 2
 * ticks) so the threads take turns; on 6.12 whose turn it is decides which VMAs are scanned (the
 * scanner's pid, numaScanner), on 6.1 only whose clock pays, so there the first thread scans.
 */
function numaScan(world: World, nowNs: number): void {
  const { k, tasks } = world;
  k.mms.forEach((mm, g) => {
    const st = k.numab.mm[g]!;
    const t = numaScanner(tasks, g, st);
    if (!t) return;
    k.nowNs = nowNs;
    const nowMs = nowNs / 1e6;
    if (st.vmas !== null && nowMs >= st.nextScanMs) st.lastScanner = t.id;
    t.clockNs += taskNumaWork(k, mm, st, nowMs, t.cpuNode, t.id, st.vmas === null ? 1 : nrThreads(tasks, g));
  });
}

/** get_nr_threads(): the live threads of workload g (one not yet started is not forked yet). */
function nrThreads(tasks: readonly Task[], g: number): number {
  let n = 0;
  for (const x of tasks) if (x.group === g && x.state === TaskState.Running) n++;
  return n;
}

/** The running thread of workload g that scans: the first, or on 6.12 the next after the last scanner. */
function numaScanner(tasks: readonly Task[], g: number, st: MmNumab): Task | undefined {
  let first: Task | undefined;
  for (const x of tasks) {
    if (x.group !== g || x.state !== TaskState.Running) continue;
    if (st.vmas === null) return x;
    if (x.id > st.lastScanner) return x;
    first ??= x;
  }
  return first;
}
