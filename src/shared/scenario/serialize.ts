// Writes a ResolvedScenario back as a `tierlab.scenario/1` file that parses to the same scenario.
// Hardware numbers are written out in full, so a saved experiment survives revised kind defaults.
import { KNOBS, type KnobName, type Knobs } from './knobs.ts';
import { defaultDistances } from './memory-kinds.ts';
import { getPreset, presetKnobs, presetKnobsBeforeKernelDefaults } from './presets.ts';
import { exactSizeText } from './size-text.ts';
import type {
  ResolvedCgroup,
  ResolvedHotplug,
  ResolvedPolicy,
  ResolvedScenario,
  ResolvedWorkload,
} from './resolved.ts';
import { SCENARIO_FORMAT, type ScenarioFile } from './schema.ts';
import type { WorkloadFile } from './workload-schema.ts';

/** "384MiB" when that is exactly these bytes, else the number of bytes. */
function size(bytes: number): string | number {
  return exactSizeText(bytes) ?? bytes;
}

function position(p: number | 'head' | 'tail'): string | number {
  return typeof p === 'number' ? size(p) : p;
}

function hotplugToFile(h: ResolvedHotplug): NonNullable<ScenarioFile['machine']['nodes'][number]['hotplug']> {
  return {
    ...(h.onlineAtMs !== null && { onlineAtMs: h.onlineAtMs }),
    ...(h.offlineAtMs !== null && { offlineAtMs: h.offlineAtMs }),
    mode: h.mode,
  };
}

export function toScenarioFile(s: ResolvedScenario): ScenarioFile {
  const { machine } = s;
  const distancesAreDefault =
    JSON.stringify(machine.distances) === JSON.stringify(defaultDistances(machine.nodes.length));
  const written = new Set<string>();
  return {
    format: SCENARIO_FORMAT,
    name: s.name,
    machine: {
      pageSize: size(machine.pageSize),
      nodes: machine.nodes.map((n) => ({
        id: n.id,
        memory: n.memory,
        capacity: size(n.capacityBytes),
        cpus: n.cpus,
        readLatencyNs: n.readLatencyNs,
        writeLatencyNs: n.writeLatencyNs,
        readBandwidthGBps: n.readBandwidthGBps,
        writeBandwidthGBps: n.writeBandwidthGBps,
        loadedLatency: n.loadedLatency.map((p) => ({ ...p })),
        ...(n.adistance !== null && { adistance: n.adistance }),
        ...(!n.hmat && { hmat: false }),
        ...(n.hotplug && { hotplug: hotplugToFile(n.hotplug) }),
      })),
      ...(!distancesAreDefault && { distances: machine.distances.map((row) => [...row]) }),
      ...(machine.swap && {
        swap: {
          capacity: size(machine.swap.capacityBytes),
          device: machine.swap.device,
          pageInUs: machine.swap.pageInUs,
          pageOutUs: machine.swap.pageOutUs,
        },
      }),
      // Auto weights follow from the nodes; manual ones are written out whole.
      ...(!machine.interleaveAuto && {
        weightedInterleave: {
          auto: false,
          weights: Object.fromEntries(machine.interleaveWeights.map((w, n) => [String(n), w])),
        },
      }),
      ...(machine.memoryBlockBytes !== undefined && { memoryBlockSize: size(machine.memoryBlockBytes) }),
      ...(machine.memoryPrices !== undefined && { memoryPrices: { ...machine.memoryPrices } }),
    },
    policy: {
      preset: s.policy.preset,
      knobs: knobsBeyondPreset(s.policy),
      ...(s.policy.kernel !== null && { kernel: s.policy.kernel }),
    },
    workload: s.workload.map((w) => workloadToFile(w, written)),
    run: { ...s.run },
  };
}

/**
 * Only the knobs that differ from what the preset sets, so the file says what was tuned; a knob
 * whose default moved with the kernel (lru_gen_enabled on 6.12) is written where it differs from
 * either default, so the file means the same run to a reader of today and to one from before.
 */
function knobsBeyondPreset(policy: ResolvedPolicy): Partial<Knobs> {
  const preset = getPreset(policy.preset);
  const now = preset ? presetKnobs(preset, policy.kernel) : undefined;
  const before = preset ? presetKnobsBeforeKernelDefaults(preset) : undefined;
  const out: Partial<Record<KnobName, Knobs[KnobName]>> = {};
  for (const name of Object.keys(KNOBS) as KnobName[]) {
    const value = policy.knobs[name];
    if (now?.[name] !== value || before?.[name] !== value) out[name] = value;
  }
  return out as Partial<Knobs>;
}

/**
 * A workload's cgroup as the file gives it: its settings on the first workload that has it, its
 * name on the others (checkCgroups takes a cgroup's settings once). Adds the name to `written`.
 */
function cgroupToFile(c: ResolvedCgroup, written: Set<string>): Record<string, unknown> | string {
  if (written.has(c.name)) return c.name;
  written.add(c.name);
  return {
    name: c.name,
    max: c.maxBytes === null ? 'max' : size(c.maxBytes),
    high: c.highBytes === null ? 'max' : size(c.highBytes),
    low: c.lowBytes === 0 ? 0 : size(c.lowBytes),
    min: c.minBytes === 0 ? 0 : size(c.minBytes),
    reclaim: c.reclaim.map((r) => ({
      atMs: r.atMs,
      size: size(r.bytes),
      ...(r.nodes && { nodes: [...r.nodes] }),
    })),
  };
}

function workloadToFile(w: ResolvedWorkload, written: Set<string>): WorkloadFile {
  if (w.type === 'stream') {
    return {
      type: 'stream',
      name: w.name,
      startMs: w.startMs,
      ...(w.stopMs !== null && { stopMs: w.stopMs }),
      node: w.node,
      bandwidthGBps: w.bandwidthGBps,
      readRatio: w.readRatio,
      ...(w.onMs !== null && { onMs: w.onMs }),
      ...(w.offMs !== null && { offMs: w.offMs }),
    };
  }
  const common = {
    name: w.name,
    cpu: w.cpu,
    startMs: w.startMs,
    ...(w.stopMs !== null && { stopMs: w.stopMs }),
    threads: w.threads,
    mempolicy: {
      mode: w.mempolicy.mode,
      nodes: [...w.mempolicy.nodes],
      ...(w.mempolicy.flags.length > 0 && { flags: [...w.mempolicy.flags] }),
    },
    ...(w.load !== 1 && { load: w.load }),
    ...(w.dramShare !== null && { dramShare: w.dramShare }),
    ...(w.thp === true && { thp: true }),
    ...(w.cgroup && { cgroup: cgroupToFile(w.cgroup, written) }),
  };
  switch (w.type) {
    case 'trace':
      return { type: w.type, ...common, file: w.file, repeats: w.repeats };
    case 'usemem':
      return {
        type: w.type,
        ...common,
        size: size(w.sizeBytes),
        step: size(w.stepBytes),
        repeats: w.repeats,
        readonly: w.readonly,
        random: w.random,
      };
    case 'usemem-stress-numa-compact':
      return { type: w.type, ...common, fraction: w.fraction, loops: w.loops, iterations: w.iterations };
    case 'sysbench-memory':
      return {
        type: w.type,
        ...common,
        blockSize: size(w.blockSizeBytes),
        totalSize: size(w.totalSizeBytes),
        scope: w.scope,
        oper: w.oper,
        accessMode: w.accessMode,
        randType: w.randType,
        paretoH: w.paretoH,
      };
    case 'grep':
      return { type: w.type, ...common, corpus: size(w.corpusBytes), passes: w.passes };
    case 'hotset':
      return {
        type: w.type,
        ...common,
        size: size(w.sizeBytes),
        distribution: w.distribution,
        hotFraction: w.hotFraction,
        hotProbability: w.hotProbability,
        zipfS: w.zipfS,
        stddevFraction: w.stddevFraction,
        hotPosition: position(w.hotPosition),
        readRatio: w.readRatio,
        ...(w.accesses !== null && { accesses: w.accesses }),
        phases: w.phases.map((p) => ({ atMs: p.atMs, hotPosition: position(p.hotPosition) })),
      };
  }
}
