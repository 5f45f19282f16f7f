// The fixed corpus `npm run verify:engines` runs in both engines: every preset x every workload
// drawn at random x every regime of reclaim, promotion and swap, on a small two-tier machine so an
// exact run stays well under a second. Scenario files are written as users write them.
import { PRESET_NAMES } from '../../shared/scenario/presets.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import { memcgEntries } from './memcg-corpus.ts';

type Json = Record<string, unknown>;

/** DRAM size, in MiB: every workload is sized relative to it. */
export const DRAM_MIB = 24;
const PMEM_MIB = 64;

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
      policy: { preset, knobs: parts.knobs },
      workload: parts.workload,
      run: { durationMs, tickMs: 10, sampleEveryMs: 100 },
    },
  };
}

/**
 * A few hot-set-in-the-slow-tier runs of 10 s: long enough for NUMA balancing's scan period to
 * adapt over several passes (numa-scan-period.ts), which the 1 s runs never reach.
 */
const LONG_RUNS: readonly (readonly [string, WorkloadKind])[] = [
  ['linux-tiering', 'hot'],
  ['linux-tiering', 'zipf'],
  ['linux-tiering', 'sysbench-gaussian'],
  ['tpp', 'hot'],
];
const LONG_RUN_MS = 10_000;

/**
 * The daemon weighing written pages (memopt_weigh_dirty, off by default) reads PTE dirty bits,
 * which the rate engine settles from a page's write share as it does the accessed bit. Two equally
 * hot uniform sets of 0.75 x DRAM, one only read and one only written, tie on accessed bits alone;
 * with the knob the written one wins DRAM. Run with the knob off and on.
 */
function readersAndWriters(weighDirty: boolean): CorpusEntry {
  const e = corpusEntry('wu-2018-daemon', 'uniform', '1.5x-unbound');
  const name = `wu-2018-daemon readers+writers 1.5x-unbound${weighDirty ? ' memopt_weigh_dirty' : ''}`;
  const policy = e.file.policy as Json;
  const workloads = [
    workload('uniform', 'r', DRAM_MIB * 0.75, { readRatio: 1 }),
    workload('uniform', 'w', DRAM_MIB * 0.75, { readRatio: 0 }),
  ];
  const knobs = { ...(policy.knobs as Json), memopt_weigh_dirty: weighDirty };
  return { ...e, name, file: { ...e.file, name, policy: { ...policy, knobs }, workload: workloads } };
}

/**
 * Hot-plug runs: the PMEM node is onlined (movable or normal) at 200 ms under a workload of 1.5x
 * DRAM that already reclaims, and offlined at 700 ms, so its pages migrate back (MR_MEMORY_HOTPLUG).
 */
const HOTPLUG_RUNS: readonly (readonly [string, WorkloadKind, 'online' | 'online_movable'])[] = [
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

/**
 * THP faults on a fragmented DRAM node under `defrag`: two uniform hot sets of base pages, 0.45 x
 * DRAM each, fault in together, so their pages alternate within every pageblock; one stops at
 * 300 ms and frees its pages, leaving a third of DRAM free with no free block. Then a hot set
 * asking for THPs (madvised) of 0.6 x DRAM starts: `always` compacts in the faulting task,
 * `defer` wakes kswapd and kcompactd and falls back, `never` falls back to base pages at once.
 */
export function fragmentedThpEntry(defrag: 'always' | 'defer' | 'never', durationMs = 1000): CorpusEntry {
  const e = corpusEntry('linux', 'uniform', 'fits', durationMs);
  const long = durationMs === 1000 ? '' : ` ${durationMs / 1000}s`;
  const name = `linux thp fragmented defrag=${defrag}${long}`;
  const workloads = [
    workload('uniform', 'stays', DRAM_MIB * 0.45, {}),
    workload('uniform', 'leaves', DRAM_MIB * 0.45, { stopMs: 300 }),
    workload('hot', 'w', DRAM_MIB * 0.6, { thp: true, startMs: 300 }),
  ];
  const policy = { preset: 'linux', knobs: { demotion_enabled: true, transparent_hugepage_defrag: defrag } };
  return { ...e, name, regime: '1.5x-unbound', file: { ...e.file, name, policy, workload: workloads } };
}

/**
 * Kernel versions where their behaviour differs: on a DRAM + CXL + PMEM machine 6.12 gives CXL
 * its own tier from HMAT (DRAM demotes to CXL, CXL to PMEM), while 6.1 puts both in
 * memory_tier22 (DRAM demotes to the nearer, either may take the fallback); and the two-tier
 * slow-tier promotion run on 6.1, whose pgdemote_* are machine-wide only. With swap, 6.12 demotes
 * CXL pages on to PMEM where 6.1 swaps them (the zipf run: 2.8 vs 2.0 M refs/s).
 */
const KERNEL_RUNS: readonly (readonly [WorkloadKind, Regime])[] = [
  ['hot', 'swap-demotion-on'],
  ['zipf', 'swap-demotion-on'],
];

/** `linux-tiering` running `kind` in `regime` on a three-tier machine, on `kernel`. */
export function threeTierEntry(kind: WorkloadKind, regime: Regime, kernel: '6.1' | '6.12'): CorpusEntry {
  const e = corpusEntry('linux-tiering', kind, regime);
  const name = `linux-tiering ${kind} ${regime} 3-tier kernel-${kernel}`;
  const machine = e.file.machine as Json;
  const cxl = { id: 1, memory: 'cxl', capacity: `${PMEM_MIB / 2}MiB`, cpus: 0 };
  const pmem = { id: 2, memory: 'pmem', capacity: `${PMEM_MIB}MiB`, cpus: 0 };
  const nodes = [(machine.nodes as Json[])[0], cxl, pmem];
  const distances = [
    [10, 16, 20],
    [16, 10, 24],
    [20, 24, 10],
  ];
  const policy = { ...(e.file.policy as Json), kernel };
  return { ...e, name, file: { ...e.file, name, machine: { ...machine, nodes, distances }, policy } };
}

/** corpusEntry(preset, kind, regime) on kernel 6.1. */
export function kernel61Entry(preset: string, kind: WorkloadKind, regime: Regime): CorpusEntry {
  const e = corpusEntry(preset, kind, regime);
  const name = `${e.name} kernel-6.1`;
  return { ...e, name, file: { ...e.file, name, policy: { ...(e.file.policy as Json), kernel: '6.1' } } };
}

/** The knob that makes the regime what it is: a preset that refuses it cannot run the regime. */
const DEFINING_KNOB: Partial<Record<Regime, string>> = {
  'swap-demotion-off': 'demotion_enabled',
  'swap-demotion-on': 'demotion_enabled',
  'slow-hot-nb1': 'numa_balancing',
  'slow-hot-nb2': 'numa_balancing',
};

/**
 * Transparent huge pages: the workloads ask for THPs (thp, MADV_HUGEPAGE) under each preset's
 * reclaim path (mainline, Hansen's and Yang Shi's demotion, TPP), swap-out of whole THPs, and
 * PMD-level promotion (a refused THP promotion wakes kswapd at order 9, which makes the room).
 */
const THP_RUNS: readonly (readonly [string, WorkloadKind, Regime, number])[] = [
  ['linux', 'hot', '1.5x-bound', 1000],
  ['linux', 'zipf', 'swap-demotion-off', 1000],
  ['linux', 'uniform', 'swap-demotion-on', 1000],
  ['hansen-2020', 'hot', '1.5x-bound', 1000],
  ['yang-shi-v3', 'zipf', '1.5x-bound', 1000],
  ['tpp', 'zipf', '1.5x-bound', 1000],
  ['tpp', 'hot', 'swap-demotion-on', 1000],
  // NUMA balancing's first scans come after the 1 s runs end: these run 10 s, as LONG_RUNS do.
  ['linux-tiering', 'hot', 'slow-hot-nb2', LONG_RUN_MS],
  ['linux-tiering', 'zipf', 'slow-hot-nb2', LONG_RUN_MS],
  ['linux', 'normal', 'slow-hot-nb1', LONG_RUN_MS],
];

/** The entry of corpusEntry(preset, kind, regime) with THPs asked for by every workload. */
export function thpEntry(preset: string, kind: WorkloadKind, regime: Regime, durationMs = 1000): CorpusEntry {
  const e = corpusEntry(preset, kind, regime, durationMs);
  return withThp(e, durationMs === 1000 ? `${e.name} thp` : `${e.name} ${durationMs / 1000}s thp`);
}

/** Entry e, named `name`, with THPs asked for by every workload. */
function withThp(e: CorpusEntry, name = `${e.name} thp`): CorpusEntry {
  return {
    ...e,
    name,
    file: { ...e.file, name, workload: (e.file.workload as Json[]).map((w) => ({ ...w, thp: true })) },
  };
}

/**
 * Runs with the multi-gen LRU on (lru_gen_enabled): each is also in the corpus with it off, under the
 * same name without " mglru". Reclaim by generations, demotion and swap from its eviction, and a
 * tiering run long enough for promotion and demotion to meet.
 */
const MGLRU_RUNS: readonly (readonly [string, WorkloadKind, Regime, number])[] = [
  ['linux', 'hot', '1.5x-bound', 1000],
  ['linux', 'zipf', '1.5x-unbound', 1000],
  ['linux', 'zipf', 'swap-demotion-off', 1000],
  ['linux', 'uniform', 'swap-demotion-on', 1000],
  ['linux', 'multi-tenant', '1.5x-bound', 1000],
  ['linux', 'sysbench-pareto', 'swap-demotion-off', 1000],
  ['damon-tiering', 'hot', '1.5x-unbound', 1000],
  ['linux-tiering', 'zipf', 'slow-hot-nb2', LONG_RUN_MS],
];

/** The entry of corpusEntry(preset, kind, regime) with the multi-gen LRU on. */
export function mglruEntry(
  preset: string,
  kind: WorkloadKind,
  regime: Regime,
  durationMs = 1000,
): CorpusEntry {
  const e = corpusEntry(preset, kind, regime, durationMs);
  const name = durationMs === 1000 ? `${e.name} mglru` : `${e.name} ${durationMs / 1000}s mglru`;
  const policy = e.file.policy as Json;
  const knobs = { ...(policy.knobs as Json), lru_gen_enabled: true };
  return { ...e, name, file: { ...e.file, name, policy: { ...policy, knobs } } };
}

/**
 * The whole corpus: every preset x workload kind x regime. A knob the preset refuses (no-tiering
 * keeps demotion off, for one) is left at the preset's value, unless it defines the regime: then
 * the combination is listed as refused, with the preset's reason.
 */
export function fullCorpus(): { entries: CorpusEntry[]; refused: { name: string; reason: string }[] } {
  const entries: CorpusEntry[] = [];
  const refused: { name: string; reason: string }[] = [];
  for (const preset of PRESET_NAMES) {
    for (const kind of WORKLOAD_KINDS) {
      for (const regime of REGIMES) {
        const e = corpusEntry(preset, kind, regime);
        const parsed = parseScenario(e.file);
        if (parsed.ok) {
          entries.push(e);
          continue;
        }
        const knobs = { ...((e.file.policy as Json).knobs as Json) };
        const bad = parsed.errors.map((x) => /^policy\.knobs\.(\w+)$/.exec(x.path)?.[1]);
        const reason = parsed.errors.map((x) => `${x.path}: ${x.message}`).join('; ');
        if (bad.some((k) => k === undefined || k === DEFINING_KNOB[regime])) {
          refused.push({ name: e.name, reason });
          continue;
        }
        for (const k of bad) delete knobs[k!];
        entries.push({ ...e, file: { ...e.file, policy: { preset, knobs } } });
      }
    }
  }
  for (const [preset, kind, regime, ms] of THP_RUNS) entries.push(thpEntry(preset, kind, regime, ms));
  for (const [preset, kind] of LONG_RUNS) {
    const e = corpusEntry(preset, kind, 'slow-hot-nb2', LONG_RUN_MS);
    const name = `${e.name} ${LONG_RUN_MS / 1000}s`;
    entries.push({ ...e, name, file: { ...e.file, name } });
  }
  entries.push(readersAndWriters(false), readersAndWriters(true));
  for (const [preset, kind, mode] of HOTPLUG_RUNS) entries.push(hotplugEntry(preset, kind, mode));
  entries.push(fragmentedThpEntry('always'), fragmentedThpEntry('defer'), fragmentedThpEntry('never'));
  // Offlining the PMEM node with THPs on it: each moves whole to DRAM, or is split and moved.
  entries.push(withThp(hotplugEntry('linux', 'hot', 'online_movable')));
  for (const [kind, regime] of KERNEL_RUNS)
    for (const kernel of ['6.1', '6.12'] as const) entries.push(threeTierEntry(kind, regime, kernel));
  entries.push(kernel61Entry('linux-tiering', 'hot', 'slow-hot-nb2'));
  for (const [preset, kind, regime, ms] of MGLRU_RUNS) {
    entries.push(mglruEntry(preset, kind, regime, ms));
    // The same run with MGLRU off, where the corpus above does not have it (a 10 s run).
    if (ms !== 1000) {
      const e = corpusEntry(preset, kind, regime, ms);
      const name = `${e.name} ${ms / 1000}s`;
      if (!entries.some((x) => x.name === name)) entries.push({ ...e, name, file: { ...e.file, name } });
    }
  }
  entries.push(...memcgEntries());
  return { entries, refused };
}
