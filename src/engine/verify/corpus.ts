// The fixed corpus `npm run verify:engines` runs in both engines: every preset x every workload
// drawn at random x every regime of reclaim, promotion and swap, on a small two-tier machine so an
// exact run stays well under a second. Scenario files are written as users write them. The
// builders are here; the variations on them in thp-corpus.ts, kernel-corpus.ts, memcg-corpus.ts,
// and the whole list in full-corpus.ts.

export type Json = Record<string, unknown>;

/** DRAM size, in MiB: every workload is sized relative to it. */
export const DRAM_MIB = 24;
export const PMEM_MIB = 64;

export const WORKLOAD_KINDS = [
  'hot',
  'zipf',
  'uniform',
  'normal',
  'sysbench-gaussian',
  'sysbench-pareto',
  'multi-tenant',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export const REGIMES = [
  'fits',
  '1.5x-unbound',
  '1.5x-bound',
  'swap-demotion-off',
  'swap-demotion-on',
  'slow-hot-nb1',
  'slow-hot-nb2',
  'phase-change',
  'antagonist',
  'weighted-interleave',
] as const;
export type Regime = (typeof REGIMES)[number];

export interface CorpusEntry {
  name: string;
  preset: string;
  kind: WorkloadKind;
  regime: Regime;
  /** The scenario file, without run.engine and run.seed (the verifier sets both). */
  file: Json;
}

export const mib = (x: number): string => `${Math.round(x * 1024)}KiB`;

/** The workload entry of `kind` at `sizeMiB`, named `name`. */
export function workload(kind: WorkloadKind, name: string, sizeMiB: number, extra: Json): Json {
  const common = { name, cpu: 0, load: 0.5, ...extra };
  switch (kind) {
    case 'sysbench-gaussian':
    case 'sysbench-pareto':
      return {
        ...common,
        type: 'sysbench-memory',
        blockSize: mib(sizeMiB),
        totalSize: '1TiB',
        accessMode: 'rnd',
        randType: kind === 'sysbench-gaussian' ? 'gaussian' : 'pareto',
        oper: 'write',
        threads: kind === 'sysbench-gaussian' ? 2 : 1,
      };
    case 'multi-tenant':
      return {
        ...common,
        type: 'multi-tenant',
        vms: [
          { name: 'a', size: mib(sizeMiB * 0.6), distribution: 'zipf' },
          { name: 'b', size: mib(sizeMiB * 0.4), distribution: 'hot', load: 0.5 },
        ],
      };
    default:
      return {
        ...common,
        type: 'hotset',
        size: mib(sizeMiB),
        distribution: kind,
        ...(kind === 'normal' ? { stddevFraction: 0.15 } : {}),
      };
  }
}

/** What each regime does to the machine, the knobs and the workloads. */
function regimeParts(kind: WorkloadKind, regime: Regime): { swap: boolean; knobs: Json; workload: Json[] } {
  const total = DRAM_MIB + PMEM_MIB;
  switch (regime) {
    case 'fits':
      return { swap: false, knobs: {}, workload: [workload(kind, 'w', DRAM_MIB * 0.5, {})] };
    case '1.5x-unbound':
      return { swap: false, knobs: {}, workload: [workload(kind, 'w', DRAM_MIB * 1.5, {})] };
    case '1.5x-bound':
      return {
        swap: true,
        knobs: {},
        workload: [workload(kind, 'w', DRAM_MIB * 1.5, { mempolicy: { mode: 'bind', nodes: [0] } })],
      };
    case 'swap-demotion-off':
    case 'swap-demotion-on':
      return {
        swap: true,
        knobs: { demotion_enabled: regime === 'swap-demotion-on' },
        workload: [workload(kind, 'w', total * 1.15, {})],
      };
    case 'slow-hot-nb1':
    case 'slow-hot-nb2': {
      // A cold filler takes DRAM first, so the workload starting later lands in the slow tier.
      const filler = { name: 'filler', type: 'usemem', size: mib(DRAM_MIB * 0.9), repeats: 1, cpu: 0 };
      return {
        swap: false,
        knobs: {
          demotion_enabled: true,
          numa_balancing: regime === 'slow-hot-nb1' ? 1 : 2,
          scan_delay_ms: 0,
        },
        workload: [filler, workload(kind, 'w', DRAM_MIB * 0.8, { startMs: 150 })],
      };
    }
    case 'antagonist': {
      // Colloid's setting: DRAM loaded by a STREAM-like antagonist in bursts, while tiering promotes.
      const antagonist = {
        name: 'stream',
        type: 'stream',
        node: 0,
        bandwidthGBps: 10,
        startMs: 200,
        onMs: 100,
        offMs: 100,
      };
      return {
        swap: false,
        knobs: { demotion_enabled: true, numa_balancing: 2, scan_delay_ms: 0 },
        workload: [workload(kind, 'w', DRAM_MIB * 1.5, {}), antagonist],
      };
    }
    case 'weighted-interleave': {
      // MPOL_WEIGHTED_INTERLEAVE over both tiers with the kernel's own weights (1:1 on 6.12, which
      // has no auto; DDR4:Optane bandwidth 26:5 on damon-tiering's v6.16, which has), 1.5x DRAM so
      // that reclaim demotes from the DRAM share too.
      const mempolicy = { mode: 'weighted_interleave', nodes: [0, 1] };
      return {
        swap: false,
        knobs: { demotion_enabled: true },
        workload: [workload(kind, 'w', DRAM_MIB * 1.5, { mempolicy })],
      };
    }
    case 'phase-change': {
      // Hot sets move their hot part half-way; sysbench has no phases, so a second buffer takes over.
      const knobs = { demotion_enabled: true, numa_balancing: 2, scan_delay_ms: 0 };
      if (kind.startsWith('sysbench')) {
        return {
          swap: false,
          knobs,
          workload: [
            workload(kind, 'w', DRAM_MIB * 0.8, { stopMs: 750 }),
            workload(kind, 'w2', DRAM_MIB * 0.8, { startMs: 750 }),
          ],
        };
      }
      const phases = { hotPosition: 'tail', phases: [{ atMs: 750, hotPosition: 'head' }] };
      return {
        swap: false,
        knobs,
        workload: [workload(kind, 'w', DRAM_MIB * 1.5, kind === 'multi-tenant' ? {} : phases)],
      };
    }
  }
}

export function corpusEntry(
  preset: string,
  kind: WorkloadKind,
  regime: Regime,
  durationMs = 1000,
): CorpusEntry {
  const parts = regimeParts(kind, regime);
  const name = `${preset} ${kind} ${regime}`;
  return {
    name,
    preset,
    kind,
    regime,
    file: {
      format: 'tierlab.scenario/1',
      name,
      machine: {
        pageSize: '4KiB',
        nodes: [
          { id: 0, memory: 'dram', capacity: `${DRAM_MIB}MiB`, cpus: 2 },
          { id: 1, memory: 'pmem', capacity: `${PMEM_MIB}MiB`, cpus: 0 },
        ],
        ...(parts.swap ? { swap: { capacity: '64MiB', device: 'ssd' } } : {}),
      },
      // The classic LRU, as every entry meant before 6.12 turned MGLRU on; mglruEntry turns it on.
      policy: { preset, knobs: { lru_gen_enabled: false, ...parts.knobs } },
      workload: parts.workload,
      run: { durationMs, tickMs: 10, sampleEveryMs: 100 },
    },
  };
}

/**
 * Hot-plug runs: the PMEM node is onlined (movable or normal) at 200 ms under a workload of 1.5x
 * DRAM that already reclaims, and offlined at 700 ms, so its pages migrate back (MR_MEMORY_HOTPLUG).
 */
export const HOTPLUG_RUNS: readonly (readonly [string, WorkloadKind, 'online' | 'online_movable'])[] = [
  ['linux', 'hot', 'online_movable'],
  ['linux', 'zipf', 'online'],
  ['tpp', 'uniform', 'online_movable'],
  ['linux-tiering', 'hot', 'online'],
];

/** `preset` running `kind` over 1.5x DRAM with swap while the PMEM node comes and goes. */
export function hotplugEntry(
  preset: string,
  kind: WorkloadKind,
  mode: 'online' | 'online_movable',
): CorpusEntry {
  const e = corpusEntry(preset, kind, 'swap-demotion-on');
  const name = `${preset} ${kind} hotplug-${mode}`;
  const machine = e.file.machine as Json;
  const nodes = machine.nodes as Json[];
  return {
    ...e,
    name,
    file: {
      ...e.file,
      name,
      machine: {
        ...machine,
        memoryBlockSize: '16MiB',
        nodes: [nodes[0], { ...nodes[1], hotplug: { onlineAtMs: 200, offlineAtMs: 700, mode } }],
      },
      workload: [workload(kind, 'w', DRAM_MIB * 1.5, {})],
    },
  };
}

/** A 10 s run, where NUMA balancing's scan period adapts over several passes (numa-scan-period.ts). */
export const LONG_RUN_MS = 10_000;

/** `e`'s name with `tag` after it, and the run's length when it is not the usual 1 s. */
export function taggedName(e: CorpusEntry, durationMs: number, tag: string): string {
  const long = durationMs === 1000 ? '' : ` ${durationMs / 1000}s`;
  return `${e.name}${long}${tag ? ` ${tag}` : ''}`;
}

/** Entry e renamed `name`, its file's top-level fields replaced by `file`. */
export function renamed(e: CorpusEntry, name: string, file: Json = {}): CorpusEntry {
  return { ...e, name, file: { ...e.file, ...file, name } };
}

/** Entry e renamed `name`, with `knobs` over its policy's. */
export function withKnobs(e: CorpusEntry, name: string, knobs: Json): CorpusEntry {
  const policy = e.file.policy as Json;
  return renamed(e, name, { policy: { ...policy, knobs: { ...(policy.knobs as Json), ...knobs } } });
}
