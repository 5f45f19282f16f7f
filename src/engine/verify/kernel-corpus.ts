// Which-kernel runs of the verify corpus: the two kernels where their behaviour differs, and
// reclaim by the multi-gen LRU.
import {
  corpusEntry,
  DRAM_MIB,
  LONG_RUN_MS,
  mib,
  PMEM_MIB,
  renamed,
  taggedName,
  withKnobs,
  type CorpusEntry,
  type Json,
  type Regime,
  type WorkloadKind,
} from './corpus.ts';

/**
 * Kernel versions where their behaviour differs: on a DRAM + CXL + PMEM machine 6.12 gives CXL
 * its own tier from HMAT (DRAM demotes to CXL, CXL to PMEM), while 6.1 puts both in
 * memory_tier22 (DRAM demotes to the nearer, either may take the fallback); and the two-tier
 * slow-tier promotion run on 6.1, whose pgdemote_* are machine-wide only. With swap, 6.12 demotes
 * CXL pages on to PMEM where 6.1 swaps them (the zipf run: 2.8 vs 2.0 M refs/s).
 */
export const KERNEL_RUNS: readonly (readonly [WorkloadKind, Regime])[] = [
  ['hot', 'swap-demotion-on'],
  ['zipf', 'swap-demotion-on'],
];

/** `linux-tiering` running `kind` in `regime` on a three-tier machine, on `kernel`. */
export function threeTierEntry(kind: WorkloadKind, regime: Regime, kernel: '6.1' | '6.12'): CorpusEntry {
  const e = corpusEntry('linux-tiering', kind, regime);
  const machine = e.file.machine as Json;
  const cxl = { id: 1, memory: 'cxl', capacity: `${PMEM_MIB / 2}MiB`, cpus: 0 };
  const pmem = { id: 2, memory: 'pmem', capacity: `${PMEM_MIB}MiB`, cpus: 0 };
  const nodes = [(machine.nodes as Json[])[0], cxl, pmem];
  const distances = [
    [10, 16, 20],
    [16, 10, 24],
    [20, 24, 10],
  ];
  return renamed(e, `linux-tiering ${kind} ${regime} 3-tier kernel-${kernel}`, {
    machine: { ...machine, nodes, distances },
    policy: { ...(e.file.policy as Json), kernel },
  });
}

/**
 * NUMA balancing's per-VMA scan filtering (6.12 only): four usemem threads, each on its own VMA,
 * start on the slow tier after the filler (slow-hot-nb1, scan_delay_ms 0) for 10 s; on 6.12 each
 * thread's scans pass over the others' VMAs: 11.1 k PTE updates and hint faults against 6.1's 14.75 k,
 * in both engines. Both kernels run the classic LRU (corpusEntry pins lru_gen_enabled off, against
 * 6.12's MGLRU default), so the two entries differ by the scan filter alone.
 */
export function vmaScanEntry(kernel: '6.1' | '6.12'): CorpusEntry {
  const e = corpusEntry('linux', 'hot', 'slow-hot-nb1', LONG_RUN_MS);
  const [filler] = e.file.workload as Json[];
  const threads = {
    name: 'w',
    type: 'usemem',
    size: mib(DRAM_MIB * 0.2),
    threads: 4,
    repeats: 1_000_000,
    startMs: 150,
  };
  return renamed(e, `linux usemem-4-threads slow-hot-nb1 10s kernel-${kernel}`, {
    workload: [filler, threads],
    policy: { ...(e.file.policy as Json), kernel },
  });
}

/** corpusEntry(preset, kind, regime) on kernel 6.1. */
export function kernel61Entry(preset: string, kind: WorkloadKind, regime: Regime): CorpusEntry {
  const e = corpusEntry(preset, kind, regime);
  return renamed(e, `${e.name} kernel-6.1`, { policy: { ...(e.file.policy as Json), kernel: '6.1' } });
}

/**
 * Runs with the multi-gen LRU on (lru_gen_enabled): each is also in the corpus with it off, under the
 * same name without " mglru". Reclaim by generations, demotion and swap from its eviction, and a
 * tiering run long enough for promotion and demotion to meet.
 */
export const MGLRU_RUNS: readonly (readonly [string, WorkloadKind, Regime, number])[] = [
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
  return withKnobs(e, taggedName(e, durationMs, 'mglru'), { lru_gen_enabled: true });
}

/** MGLRU runs on 6.1 too, whose reclaim loop (mm/lru-gen-reclaim-v61.ts) is its own. */
export const MGLRU_61_RUNS: readonly (readonly [string, WorkloadKind, Regime])[] = [
  ['linux', 'zipf', '1.5x-unbound'],
  ['linux', 'uniform', 'swap-demotion-on'],
  ['linux', 'multi-tenant', '1.5x-bound'],
];

/** mglruEntry(preset, kind, regime) on kernel 6.1. */
export function mglru61Entry(preset: string, kind: WorkloadKind, regime: Regime): CorpusEntry {
  const e = mglruEntry(preset, kind, regime);
  return renamed(e, `${e.name} kernel-6.1`, { policy: { ...(e.file.policy as Json), kernel: '6.1' } });
}
