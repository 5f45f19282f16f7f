// Turns a scenario file that passed the schema and the checks into the engine's ResolvedScenario:
// fills every default that needs context (kind performance, distances, preset knobs, step, cpu).
import { defaultDistances, MEMORY_KIND_DEFAULTS, SWAP_DEVICE_DEFAULTS } from './memory-kinds.ts';
import { getPreset, presetKnobs } from './presets.ts';
import type { Knobs } from './knobs.ts';
import type {
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
  const firstCpuNode = nodes.find((n) => n.cpus > 0)?.id ?? 0;
  return {
    name: file.name,
    machine: {
      pageSize: machine.pageSize,
      nodes,
      distances: machine.distances ?? defaultDistances(nodes.length),
      swap: machine.swap ? resolveSwap(machine.swap) : null,
      ...(machine.memoryBlockSize !== undefined ? { memoryBlockBytes: machine.memoryBlockSize } : {}),
    },
    policy: resolvePolicy(file.policy),
    workload: file.workload.flatMap((w) =>
      w.type === 'multi-tenant'
        ? expandTenants(w, firstCpuNode)
        : [resolveWorkload(w, machine.pageSize, firstCpuNode)],
    ),
    run: { ...file.run },
  };
}

function resolveNode(node: ParsedNode): ResolvedNode {
  const kind = MEMORY_KIND_DEFAULTS[node.memory];
  return {
    id: node.id,
    memory: node.memory,
    capacityBytes: node.capacity,
    cpus: node.cpus,
    readLatencyNs: node.readLatencyNs ?? kind.readLatencyNs,
    writeLatencyNs: node.writeLatencyNs ?? kind.writeLatencyNs,
    readBandwidthGBps: node.readBandwidthGBps ?? kind.readBandwidthGBps,
    writeBandwidthGBps: node.writeBandwidthGBps ?? kind.writeBandwidthGBps,
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

function resolveSwap(swap: NonNullable<ParsedMachine['swap']>): ResolvedSwap {
  const device = SWAP_DEVICE_DEFAULTS[swap.device];
  return {
    capacityBytes: swap.capacity,
    device: swap.device,
    pageInUs: swap.pageInUs ?? device.pageInUs,
    pageOutUs: swap.pageOutUs ?? device.pageOutUs,
  };
}

/** Kernel defaults, then the preset's knobs, then the file's: the most specific wins. */
function resolvePolicy(policy: ParsedPolicy): ResolvedPolicy {
  const preset = getPreset(policy.preset);
  if (!preset) throw new Error(`unknown policy preset "${policy.preset}" passed the checks`);
  const explicit = Object.fromEntries(Object.entries(policy.knobs).filter(([, v]) => v !== undefined));
  const knobs: Knobs = { ...presetKnobs(preset), ...(explicit as Partial<Knobs>) };
  return { preset: preset.name, knobs };
}

/** A multi-tenant entry as one hot-set process per VM; the entry's common fields apply to each. */
function expandTenants(
  w: ParsedWorkload & { type: 'multi-tenant' },
  firstCpuNode: number,
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
  }));
}

function resolveWorkload(
  w: Exclude<ParsedWorkload, { type: 'multi-tenant' }>,
  pageSize: number,
  firstCpuNode: number,
): ResolvedWorkload {
  const common = {
    name: w.name,
    cpu: w.cpu ?? firstCpuNode,
    startMs: w.startMs,
    stopMs: w.stopMs,
    mempolicy: { mode: w.mempolicy.mode, nodes: [...w.mempolicy.nodes], flags: [...w.mempolicy.flags] },
    threads: w.threads,
    load: w.load,
    dramShare: w.dramShare,
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
