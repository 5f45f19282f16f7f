// Turns a scenario file that passed the schema and the checks into the engine's ResolvedScenario:
// fills every default that needs context (kind performance, distances, preset knobs, step, cpu).
import {
  defaultDistances,
  defaultLatencyCurve,
  MEMORY_KIND_DEFAULTS,
  SWAP_DEVICE_DEFAULTS,
} from './memory-kinds.ts';
import { getPreset, presetKnobs, resolveKernel } from './presets.ts';
import { interleaveWeights } from './interleave-weights.ts';
import type { Knobs } from './knobs.ts';
import type { KernelVersion } from './kernels.ts';
import { cgroupOf, ownCgroup, resolveCgroups } from './resolve-cgroup.ts';
import type {
  ResolvedCgroup,
  ResolvedNode,
  ResolvedPolicy,
  ResolvedScenario,
  ResolvedSwap,
  ResolvedWorkload,
} from './resolved.ts';
import type { ParsedMachine, ParsedNode, ParsedPolicy, ParsedScenarioFile } from './schema.ts';
import type { ParsedWorkload } from './workload-schema.ts';

/** Precondition: `file` passed checkScenario (its preset exists, some node has CPUs). */
export function resolveScenario(file: ParsedScenarioFile): ResolvedScenario {
  const { machine } = file;
  const nodes = machine.nodes.map(resolveNode);
  const policy = resolvePolicy(file.policy);
  const firstCpuNode = nodes.find((n) => n.cpus > 0)?.id ?? 0;
  const cgroups = resolveCgroups(file.workload);
  return {
    name: file.name,
    machine: {
      pageSize: machine.pageSize,
      nodes,
      distances: machine.distances ?? defaultDistances(nodes.length),
      swap: machine.swap ? resolveSwap(machine.swap) : null,
      ...resolveInterleave(nodes, machine.weightedInterleave, hasInterleaveAuto(policy.kernel)),
      ...(machine.memoryBlockSize !== undefined ? { memoryBlockBytes: machine.memoryBlockSize } : {}),
      ...(machine.memoryPrices !== undefined ? { memoryPrices: { ...machine.memoryPrices } } : {}),
    },
    policy,
    workload: file.workload.flatMap((w) =>
      w.type === 'multi-tenant'
        ? expandTenants(w, firstCpuNode, cgroups)
        : [{ ...resolveWorkload(w, machine.pageSize, firstCpuNode), ...cgroupOf(ownCgroup(w), cgroups) }],
    ),
    run: { ...file.run },
  };
}

function resolveNode(node: ParsedNode): ResolvedNode {
  const kind = MEMORY_KIND_DEFAULTS[node.memory];
  const readLatencyNs = node.readLatencyNs ?? kind.readLatencyNs;
  const readBandwidthGBps = node.readBandwidthGBps ?? kind.readBandwidthGBps;
  return {
    id: node.id,
    memory: node.memory,
    capacityBytes: node.capacity,
    cpus: node.cpus,
    readLatencyNs,
    writeLatencyNs: node.writeLatencyNs ?? kind.writeLatencyNs,
    readBandwidthGBps,
    writeBandwidthGBps: node.writeBandwidthGBps ?? kind.writeBandwidthGBps,
    loadedLatency: (
      node.loadedLatency ?? defaultLatencyCurve(node.memory, readBandwidthGBps, readLatencyNs)
    ).map((p) => ({ bandwidthGBps: p.bandwidthGBps, latencyNs: p.latencyNs })),
    adistance: node.adistance ?? null,
    hmat: node.hmat,
    ...(node.hotplug
      ? {
          hotplug: {
            onlineAtMs: node.hotplug.onlineAtMs ?? null,
            offlineAtMs: node.hotplug.offlineAtMs ?? null,
            mode: node.hotplug.mode,
          },
        }
      : {}),
  };
}

/**
 * Whether the kernel has weighted_interleave/auto (Joshua Hahn, "mm/mempolicy: Weighted Interleave
 * Auto-tuning", v6.16). 6.12 has not: its iw_table starts unset and get_il_weight() gives every node
 * 1 until a nodeN weight is written; 6.1 has no weighted interleave at all. Null, a preset's own
 * kernel, is as before versions: damon-tiering's v6.16 has it (the research series never use it).
 */
export function hasInterleaveAuto(kernel: KernelVersion | null): boolean {
  return kernel === null;
}

/**
 * As the kernel boots: with auto (6.16) the table starts from the derived weights (`auto` false:
 * from 1s, as 6.9-6.15), and writing a nodeN weight copies the table, sets that node and turns auto
 * off (node_store); without auto every weight starts at 1. interleaveAuto says the table is the
 * kernel's own default (no nodeN weight written, auto not turned off where it exists).
 */
function resolveInterleave(
  nodes: ResolvedNode[],
  wi: ParsedMachine['weightedInterleave'],
  autoExists: boolean,
): { interleaveWeights: number[]; interleaveAuto: boolean } {
  const manual = Object.fromEntries(Object.entries(wi?.weights ?? {}).map(([n, w]) => [Number(n), w]));
  const derive = autoExists && wi?.auto !== false;
  const untouched = Object.keys(manual).length === 0;
  return {
    interleaveWeights: interleaveWeights(nodes, derive, manual),
    interleaveAuto: untouched && (derive || !autoExists),
  };
}

function resolveSwap(swap: NonNullable<ParsedMachine['swap']>): ResolvedSwap {
  const device = SWAP_DEVICE_DEFAULTS[swap.device];
  return {
    capacityBytes: swap.capacity,
    device: swap.device,
    pageInUs: swap.pageInUs ?? device.pageInUs,
    pageOutUs: swap.pageOutUs ?? device.pageOutUs,
  };
}

/** Kernel defaults (some by version), then the preset's knobs, then the file's: the most specific wins. */
function resolvePolicy(policy: ParsedPolicy): ResolvedPolicy {
  const preset = getPreset(policy.preset);
  if (!preset) throw new Error(`unknown policy preset "${policy.preset}" passed the checks`);
  const explicit = Object.fromEntries(Object.entries(policy.knobs).filter(([, v]) => v !== undefined));
  const kernel = resolveKernel(preset, policy.kernel);
  const knobs: Knobs = { ...presetKnobs(preset, kernel), ...(explicit as Partial<Knobs>) };
  return { preset: preset.name, knobs, kernel };
}

/** A multi-tenant entry as one hot-set process per VM; the entry's common fields apply to each. */
function expandTenants(
  w: ParsedWorkload & { type: 'multi-tenant' },
  firstCpuNode: number,
  cgroups: Map<string, ResolvedCgroup>,
): ResolvedWorkload[] {
  return w.vms.map((vm, i) => ({
    name: `${w.name}/${vm.name ?? `vm${i}`}`,
    cpu: w.cpu ?? firstCpuNode,
    startMs: w.startMs,
    stopMs: w.stopMs,
    mempolicy: { mode: w.mempolicy.mode, nodes: [...w.mempolicy.nodes], flags: [...w.mempolicy.flags] },
    threads: w.threads,
    load: vm.load,
    dramShare: vm.dramShare,
    ...(w.thp ? { thp: true } : {}),
    type: 'hotset',
    sizeBytes: vm.size,
    distribution: vm.distribution,
    hotFraction: vm.hotFraction,
    hotProbability: vm.hotProbability,
    zipfS: vm.zipfS,
    stddevFraction: 0.1,
    hotPosition: 'head',
    readRatio: vm.readRatio,
    accesses: null,
    phases: [],
    ...cgroupOf(vm.cgroup ?? w.cgroup, cgroups),
  }));
}

/** An antagonist runs no thread: the fields every task has take their defaults. */
function resolveStream(w: ParsedWorkload & { type: 'stream' }, firstCpuNode: number): ResolvedWorkload {
  return {
    name: w.name,
    cpu: firstCpuNode,
    startMs: w.startMs,
    stopMs: w.stopMs,
    mempolicy: { mode: 'default', nodes: [], flags: [] },
    threads: 0,
    load: 1,
    dramShare: null,
    type: 'stream',
    node: w.node,
    bandwidthGBps: w.bandwidthGBps,
    readRatio: w.readRatio,
    onMs: w.onMs ?? null,
    offMs: w.offMs ?? null,
  };
}

function resolveWorkload(
  w: Exclude<ParsedWorkload, { type: 'multi-tenant' }>,
  pageSize: number,
  firstCpuNode: number,
): ResolvedWorkload {
  if (w.type === 'stream') return resolveStream(w, firstCpuNode);
  const common = {
    name: w.name,
    cpu: w.cpu ?? firstCpuNode,
    startMs: w.startMs,
    stopMs: w.stopMs,
    mempolicy: { mode: w.mempolicy.mode, nodes: [...w.mempolicy.nodes], flags: [...w.mempolicy.flags] },
    threads: w.threads,
    load: w.load,
    dramShare: w.dramShare,
    ...(w.thp ? { thp: true } : {}),
  };
  // Fields are listed one by one: the file's names (size, corpus) are not the engine's (sizeBytes).
  switch (w.type) {
    case 'usemem':
      return {
        ...common,
        type: w.type,
        sizeBytes: w.size,
        stepBytes: w.step ?? pageSize,
        repeats: w.repeats,
        readonly: w.readonly,
        random: w.random,
      };
    case 'usemem-stress-numa-compact':
      return { ...common, type: w.type, fraction: w.fraction, loops: w.loops, iterations: w.iterations };
    case 'sysbench-memory':
      return {
        ...common,
        type: w.type,
        blockSizeBytes: w.blockSize,
        totalSizeBytes: w.totalSize,
        scope: w.scope,
        oper: w.oper,
        accessMode: w.accessMode,
        randType: w.randType,
        paretoH: w.paretoH,
      };
    case 'grep':
      return { ...common, type: w.type, corpusBytes: w.corpus, passes: w.passes };
    case 'trace':
      return { ...common, type: w.type, file: w.file, repeats: w.repeats, data: null };
    case 'hotset':
      return {
        ...common,
        type: w.type,
        sizeBytes: w.size,
        distribution: w.distribution,
        hotFraction: w.hotFraction,
        hotProbability: w.hotProbability,
        zipfS: w.zipfS,
        stddevFraction: w.stddevFraction,
        hotPosition: w.hotPosition,
        readRatio: w.readRatio,
        accesses: w.accesses,
        phases: w.phases.map((p) => ({ atMs: p.atMs, hotPosition: p.hotPosition })),
      };
  }
}
