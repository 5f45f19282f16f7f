// The run's result (tierlab.result/1): final counters under kernel names, per-node state as the
// kernel derived it, and per-task work done, from the world as it stands at the end.
import { NR_COUNTERS, STAT, recordedCounters, type CounterName } from '../../shared/vmstat.ts';
import type { ResolvedScenario, TraceData } from '../../shared/scenario/resolved.ts';
import { boundsFeed, boundsResult, createBounds } from '../trace/bounds.ts';
import {
  RESULT_FORMAT,
  type MigrationFlow,
  type NodeResult,
  type RunResult,
  type TaskResult,
  type TraceReport,
} from '../../shared/result.ts';
import { MIGRATE_REASON_NAMES, PING_PONG_WINDOW_MS } from '../mm/migrate.ts';
import { ENGINE_VERSION } from '../version.ts';
import { groupHitsByNode } from './group-counts.ts';
import { heatmapOf } from './heat-log.ts';
import { readNodeCounters, type Sampler } from './sampler.ts';
import { sumOverNodes } from '../../shared/samples.ts';
import { effectiveDemotion } from '../machine/memory-tiers.ts';
import type { World } from './setup.ts';
import { TaskState } from './task.ts';
import { readCgroupStats } from './memcg-stat.ts';
import { idleProfile } from './fleet-snapshot.ts';
import {
  nullIfNaN,
  slowTierAccessRatio,
  slowTierResidencyRatio,
  type FleetMetrics,
} from '../../shared/fleet-metrics.ts';
import { memoryCost, memoryPrices } from '../../shared/memory-cost.ts';

/** The counters of `names` from a row laid out in COUNTERS order. */
function named(row: Float64Array, names: readonly CounterName[]): Partial<Record<CounterName, number>> {
  const out: Partial<Record<CounterName, number>> = {};
  for (const name of names) out[name] = row[STAT[name]]!;
  return out;
}

export function buildResult(
  world: World,
  s: ResolvedScenario,
  sampler: Sampler,
  simulatedMs: number,
  wallMs: number,
): RunResult {
  const { k } = world;
  const rows = new Float64Array(s.machine.nodes.length * NR_COUNTERS);
  const nodes: NodeResult[] = s.machine.nodes.map((node, n) => {
    const row = rows.subarray(n * NR_COUNTERS, (n + 1) * NR_COUNTERS);
    readNodeCounters(k, n, row);
    return {
      id: node.id,
      memory: node.memory,
      tier: k.layout.tierOf[n]!,
      adistance: k.layout.adistance[n]!,
      topTier: k.layout.topTier[n]!,
      demotionTargets: effectiveDemotion(k.mechanisms, k.layout.demotion[n]!),
      watermarks: k.layout.watermarks[n]!,
      capacityPages: k.layout.managedPages[n]!,
      freePages: row[STAT.nr_free_pages]!,
      anonPages: row[STAT.nr_anon_pages]!,
      filePages: row[STAT.nr_file_pages]!,
      vmstat: named(row, recordedCounters(k.kernel, 'node')),
    };
  });
  const total = sumOverNodes(rows, s.machine.nodes.length, new Float64Array(NR_COUNTERS));
  const tasks = taskResults(world, s, simulatedMs, sampler);
  return {
    format: RESULT_FORMAT,
    name: s.name,
    seed: s.run.seed,
    engineVersion: ENGINE_VERSION,
    engine: s.run.engine,
    kernel: s.policy.kernel,
    simulatedMs,
    wallMs,
    vmstat: named(total, recordedCounters(k.kernel, 'machine')),
    nodes,
    tasks,
    fleet: {
      ...runFleet(world, tasks, sampler, simulatedMs),
      cost: memoryCost(s.machine.nodes, memoryPrices(s.machine.memoryPrices)),
    },
    events: k.events,
    migrations: migrationFlows(world),
    pingPong: { windowMs: PING_PONG_WINDOW_MS, ...k.pingPong },
    ...(k.memcg.names.length > 1 ? { cgroups: readCgroupStats(k) } : {}),
  };
}

/** Over every task: working sets summed per sample, residency and hits summed, percentiles over all pages. */
function runFleet(world: World, tasks: TaskResult[], sampler: Sampler, simulatedMs: number): FleetMetrics {
  const { k } = world;
  const nrNodes = k.m.nrNodes;
  const pages = sampler.residency.map((row) =>
    Array.from({ length: nrNodes }, (_, n) => tasks.reduce((sum, _t, g) => sum + row[g * nrNodes + n]!, 0)),
  );
  const byGroup = tasks.map((_, g) => groupHitsByNode(world, g));
  const hits = Array.from({ length: nrNodes }, (_, n) => byGroup.reduce((sum, h) => sum + h[n]!, 0));
  return {
    workingSetPages: sampler.workingSet.map((row) => row.reduce((sum, w) => sum + w, 0)),
    ...idleProfile(
      k,
      tasks.map((_, g) => g),
      simulatedMs * 1e6,
    ),
    strr: nullIfNaN(slowTierResidencyRatio(pages, k.layout.topTier)),
    star: nullIfNaN(slowTierAccessRatio(hits, k.layout.topTier)),
  };
}

function migrationFlows(world: World): MigrationFlow[] {
  const { k } = world;
  const n = k.m.nrNodes;
  const flows: MigrationFlow[] = [];
  MIGRATE_REASON_NAMES.forEach((reason, r) => {
    for (let from = 0; from < n; from++) {
      for (let to = 0; to < n; to++) {
        const pages = k.migrated[(r * n + from) * n + to]!;
        if (pages)
          flows.push({ reason, from: k.machine.nodes[from]!.id, to: k.machine.nodes[to]!.id, pages });
      }
    }
  });
  return flows;
}

function taskResults(world: World, s: ResolvedScenario, simulatedMs: number, sampler: Sampler): TaskResult[] {
  const nrNodes = world.k.m.nrNodes;
  return s.workload.map((w, g) => {
    const threads = world.tasks.filter((t) => t.group === g);
    // The rate engine counts draws and hits in expectation (real numbers): whole ones are reported.
    const references = Math.round(threads.reduce((sum, t) => sum + t.references, 0));
    let busyNs = 0;
    let first = Infinity;
    let last = 0;
    for (const t of threads) {
      if (t.references === 0 && t.endNs < 0 && t.clockNs <= t.startNs) continue;
      const end = t.endNs >= 0 ? t.endNs : Math.min(t.clockNs, simulatedMs * 1e6);
      busyNs += end - t.startNs;
      first = Math.min(first, t.startNs);
      last = Math.max(last, end);
    }
    const runNs = last > first ? last - first : 0;
    const residentPages: Record<string, number> = {};
    s.machine.nodes.forEach(
      (node, n) => (residentPages[String(node.id)] = world.k.resident[g * nrNodes + n]!),
    );
    const hits = groupHitsByNode(world, g);
    const hitsByNode: Record<string, number> = {};
    let fastHits = 0;
    s.machine.nodes.forEach((node, n) => {
      hitsByNode[String(node.id)] = hits[n]!;
      if (world.k.layout.topTier[n]) fastHits += hits[n]!;
    });
    const residency = {
      timesMs: sampler.residencyTimes,
      pages: sampler.residency.map((row) => row.slice(g * nrNodes, (g + 1) * nrNodes)),
      references: sampler.references.map((row) => row[g]!),
      fastTierHits: sampler.fastTierHits.map((row) => row[g]!),
    };
    return {
      name: w.name,
      type: w.type,
      threads: threads.length,
      references,
      throughput: runNs > 0 ? references / (runNs / 1e9) : 0,
      meanLatencyNs: references > 0 ? busyNs / references : 0,
      runMs: runNs / 1e6,
      finished: threads.every((t) => t.endNs >= 0 && t.state !== TaskState.Killed),
      oomKilled: threads.some((t) => t.state === TaskState.Killed),
      residentPages,
      residency,
      hitsByNode,
      fastTierHitRatio: references > 0 ? fastHits / references : 0,
      heatmap: heatmapOf(sampler.heat, world.k.heat, g, world.k.layout.topTier),
      fleet: {
        workingSetPages: sampler.workingSet.map((row) => row[g]!),
        ...idleProfile(world.k, [g], simulatedMs * 1e6),
        strr: nullIfNaN(slowTierResidencyRatio(residency.pages, world.k.layout.topTier)),
        star: nullIfNaN(slowTierAccessRatio(Array.from(hits), world.k.layout.topTier)),
      },
      ...(w.type === 'trace' && w.data ? { trace: traceReport(world, w.file, w.data, w.repeats) } : {}),
    };
  });
}

/** The trace's counts and its MIN/LRU hit ratios at the machine's top-tier capacity. */
function traceReport(world: World, file: string, data: TraceData, repeats: number): TraceReport {
  const { k } = world;
  const fastTierPages = k.layout.managedPages.reduce(
    (sum, pages, n) => sum + (k.layout.topTier[n] ? pages : 0),
    0,
  );
  const bounds = createBounds([fastTierPages]);
  for (let r = 0; r < repeats; r++) boundsFeed(bounds, data.refs);
  const [bound] = boundsResult(bounds);
  return {
    file,
    ...data.counts,
    fastTierPages,
    optimalFastTierHitRatio: bound!.optHitRatio,
    lruFastTierHitRatio: bound!.lruHitRatio,
  };
}
