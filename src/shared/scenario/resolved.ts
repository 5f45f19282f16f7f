// A scenario after validation: every size in bytes, every default filled in. This is the engine's
// input; the file format users write (`tierlab.scenario/1`) is parsed into it by ./parse.ts.
import type { Knobs } from './knobs.ts';
import type { KernelVersion } from './kernels.ts';
import type { LatencyPoint } from './memory-kinds.ts';

export type MemoryKind = 'dram' | 'pmem' | 'cxl' | 'hbm';
export type SwapDevice = 'ssd' | 'hdd' | 'zram' | 'nvme';

export interface ResolvedNode {
  id: number;
  memory: MemoryKind;
  capacityBytes: number;
  cpus: number;
  readLatencyNs: number;
  writeLatencyNs: number;
  readBandwidthGBps: number;
  writeBandwidthGBps: number;
  /**
   * Read latency against the bandwidth in use (GB/s of reads, writes weighted by read/write
   * bandwidth), increasing; from (0, readLatencyNs) to the first point, held after the last.
   */
  loadedLatency: LatencyPoint[];
  /** Abstract distance override; null means computed as mm/memory-tiers.c would. */
  adistance: number | null;
  /** Whether firmware (HMAT/CDAT) reports this node's performance; without it dax/kmem uses 2880. */
  hmat: boolean;
  /** Set for a node whose memory is hot-plugged at run time (absent at boot); absent or null otherwise. */
  hotplug?: ResolvedHotplug | null;
}

/** online: ZONE_NORMAL (kernel memory may land there); online_movable: ZONE_MOVABLE (user pages only). */
export type OnlineType = 'online' | 'online_movable';

export interface ResolvedHotplug {
  /** When its memory blocks are onlined; null: never. */
  onlineAtMs: number | null;
  /** When they are offlined (their pages migrated out); null: never. */
  offlineAtMs: number | null;
  mode: OnlineType;
}

export interface ResolvedSwap {
  capacityBytes: number;
  device: SwapDevice;
  /** Time to read or write one page, including the device's queueing at modest load. */
  pageInUs: number;
  pageOutUs: number;
}

export interface ResolvedMachine {
  pageSize: number;
  nodes: ResolvedNode[];
  /** SLIT distances, nodes x nodes, 10 on the diagonal. */
  distances: number[][];
  swap: ResolvedSwap | null;
  /**
   * The weighted-interleave weight per node (iw_table, 1..255), and whether that is the kernel's
   * own default table: derived from bandwidth where weighted_interleave/auto exists (6.16+), every
   * weight 1 on 6.12, with no nodeN weight written by the scenario.
   */
  interleaveWeights: number[];
  interleaveAuto: boolean;
  /** memory_block_size_bytes(); absent: DEFAULT_MEMORY_BLOCK_SIZE. */
  memoryBlockBytes?: number;
  /** The file's memoryPrices (USD per GiB), only the kinds it names: see memory-cost.ts for the rest. */
  memoryPrices?: Partial<Record<MemoryKind, number>>;
}

/** x86-64's memory block (and section) size: 128MiB. */
export const DEFAULT_MEMORY_BLOCK_SIZE = 128 * 2 ** 20;

export interface ResolvedPolicy {
  preset: string;
  knobs: Knobs;
  /** The modelled kernel version; null for a research preset, which runs its series' own kernel. */
  kernel: KernelVersion | null;
}

export type MempolicyMode = 'default' | 'bind' | 'preferred' | 'interleave' | 'weighted_interleave';
/** Mode flags: "numa_balancing" is MPOL_F_NUMA_BALANCING (5.12+; Linux 6.1 takes it with bind only). */
export type MempolicyFlag = 'numa_balancing';
export interface Mempolicy {
  mode: MempolicyMode;
  nodes: number[];
  flags: MempolicyFlag[];
}

/** A write to the cgroup's memory.reclaim at a time: `bytes`, and `nodes=` (6.2-rc only) or all nodes. */
export interface MemoryReclaimAction {
  atMs: number;
  bytes: number;
  nodes: number[] | null;
}

/**
 * A cgroup v2 memory cgroup one level under the root (memory.max/high/low/min in bytes; null max
 * or high is "max"). Workloads naming the same cgroup share it; each carries the same settings.
 */
export interface ResolvedCgroup {
  name: string;
  maxBytes: number | null;
  highBytes: number | null;
  lowBytes: number;
  minBytes: number;
  /** memory.reclaim writes, by time. */
  reclaim: MemoryReclaimAction[];
}

interface WorkloadBase {
  name: string;
  /** Node id whose CPUs run the task(s). */
  cpu: number;
  startMs: number;
  /** null: runs until its work is done or the run ends. */
  stopMs: number | null;
  mempolicy: Mempolicy;
  threads: number;
  /** Fraction of a thread's time spent on memory references; the rest is computation. */
  load: number;
  /** Share of the fast tier a placement daemon should give this process (per-VM DRAM share), or null. */
  dramShare: number | null;
  /** madvise(MADV_HUGEPAGE) on its anonymous regions (transparent_hugepage "madvise" gives them THPs); absent: false. */
  thp?: boolean;
  /** The memory cgroup its memory is charged to; absent: the root (no limits). */
  cgroup?: ResolvedCgroup;
}

/** vm-scalability usemem: mmap anonymous memory and walk it with a step, writing (or reading) a word. */
export interface UsememWorkload extends WorkloadBase {
  type: 'usemem';
  sizeBytes: number;
  stepBytes: number;
  repeats: number;
  readonly: boolean;
  random: boolean;
}

/** mmtests config-workload-usemem-stress-numa-compact: usemem over a fraction of RAM, per iteration. */
export interface UsememStressWorkload extends WorkloadBase {
  type: 'usemem-stress-numa-compact';
  /** Fraction of total RAM (all nodes) touched, split across threads; mmtests uses 4/5. */
  fraction: number;
  loops: number;
  iterations: number;
}

export type RandType = 'uniform' | 'gaussian' | 'pareto' | 'zipfian';

/** sysbench memory: block-sized buffer walked in chunks, sequentially or randomly. */
export interface SysbenchMemoryWorkload extends WorkloadBase {
  type: 'sysbench-memory';
  blockSizeBytes: number;
  totalSizeBytes: number;
  scope: 'global' | 'local';
  oper: 'read' | 'write' | 'none';
  accessMode: 'seq' | 'rnd';
  randType: RandType;
  /** sysbench --rand-pareto-h. */
  paretoH: number;
}

/** A recursive grep: reads a corpus of files once per pass through the page cache. */
export interface GrepWorkload extends WorkloadBase {
  type: 'grep';
  corpusBytes: number;
  passes: number;
}

export type HotsetDistribution = 'uniform' | 'normal' | 'zipf' | 'hot';
export type HotPosition = 'head' | 'tail' | number;

/** pmbench-like: populate a region by writing each page, then access it with a skewed distribution. */
export interface HotsetWorkload extends WorkloadBase {
  type: 'hotset';
  sizeBytes: number;
  distribution: HotsetDistribution;
  /** 'hot': fraction of the region that is hot, and the probability an access goes there. */
  hotFraction: number;
  hotProbability: number;
  /** 'zipf' exponent, 'normal' standard deviation as a fraction of the region. */
  zipfS: number;
  stddevFraction: number;
  /** Where the hot part (or the normal's mean) sits: head, tail, or a byte offset. */
  hotPosition: HotPosition;
  readRatio: number;
  /** null: accesses until stopped. */
  accesses: number | null;
  /** Phase changes: at each time the hot part moves to a new position. */
  phases: { atMs: number; hotPosition: HotPosition }[];
}

/** Reference data of a trace, read from its file by the host before the run. */
export interface TraceData {
  /** Dense page ids in first-touch order, each `id * 2 + write`. */
  refs: Uint32Array;
  footprintPages: number;
  counts: TraceCounts;
}

/** A lackey trace summarised (the counts the fixture's oracle states). */
export interface TraceCounts {
  /** Data accesses: L, S and M lines. */
  accesses: number;
  loads: number;
  stores: number;
  modifies: number;
  /** One per page an access touches, so an access straddling a page boundary counts twice. */
  pageRefs: number;
  /** Footprint: distinct pages referenced. */
  pages: number;
  /** Distinct pages stored to or modified. */
  pagesWritten: number;
}

/** Replay of a Valgrind lackey --trace-mem=yes trace (plain or gzip), `repeats` times. */
export interface TraceWorkload extends WorkloadBase {
  type: 'trace';
  file: string;
  repeats: number;
  /** Attached by the host (null in a parsed file): the engine stays free of I/O. */
  data: TraceData | null;
}

/**
 * A bandwidth antagonist on one node (workload-schema.ts `stream`): no pages, no task, only traffic.
 * It runs no thread (threads 0); its other WorkloadBase fields are defaults.
 */
export interface StreamWorkload extends WorkloadBase {
  type: 'stream';
  node: number;
  bandwidthGBps: number;
  readRatio: number;
  /** Bursts: on for onMs, off for offMs, from startMs; null for both means on all along. */
  onMs: number | null;
  offMs: number | null;
}

export type ResolvedWorkload =
  | StreamWorkload
  | UsememWorkload
  | UsememStressWorkload
  | SysbenchMemoryWorkload
  | GrepWorkload
  | HotsetWorkload
  | TraceWorkload;

/** Which simulation engine runs the scenario: "rate" (the default) or "exact", the only engine before `run.engine` existed. */
export type RunEngine = 'rate' | 'exact';

export interface RunSettings {
  engine: RunEngine;
  durationMs: number;
  tickMs: number;
  sampleEveryMs: number;
  seed: number;
}

export interface ResolvedScenario {
  name: string;
  machine: ResolvedMachine;
  policy: ResolvedPolicy;
  workload: ResolvedWorkload[];
  run: RunSettings;
}
