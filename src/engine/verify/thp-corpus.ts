// Transparent-huge-page runs of the verify corpus: the corpus's regimes with every workload asking
// for THPs, and THP faults on a fragmented DRAM node under each `defrag` setting.
import {
  corpusEntry,
  DRAM_MIB,
  LONG_RUN_MS,
  renamed,
  taggedName,
  workload,
  type CorpusEntry,
  type Json,
  type Regime,
  type WorkloadKind,
} from './corpus.ts';

/**
 * The workloads ask for THPs (thp, MADV_HUGEPAGE) under each preset's reclaim path (mainline,
 * Hansen's and Yang Shi's demotion, TPP), swap-out of whole THPs, and PMD-level promotion (a
 * refused THP promotion wakes kswapd at order 9, which makes the room).
 */
export const THP_RUNS: readonly (readonly [string, WorkloadKind, Regime, number])[] = [
  ['linux', 'hot', '1.5x-bound', 1000],
  ['linux', 'zipf', 'swap-demotion-off', 1000],
  ['linux', 'uniform', 'swap-demotion-on', 1000],
  ['hansen-2020', 'hot', '1.5x-bound', 1000],
  ['yang-shi-v3', 'zipf', '1.5x-bound', 1000],
  ['tpp', 'zipf', '1.5x-bound', 1000],
  ['tpp', 'hot', 'swap-demotion-on', 1000],
  // NUMA balancing's first scans come after the 1 s runs end: these run 10 s, as the long runs do.
  ['linux-tiering', 'hot', 'slow-hot-nb2', LONG_RUN_MS],
  ['linux-tiering', 'zipf', 'slow-hot-nb2', LONG_RUN_MS],
  ['linux', 'normal', 'slow-hot-nb1', LONG_RUN_MS],
];

/** The entry of corpusEntry(preset, kind, regime) with THPs asked for by every workload. */
export function thpEntry(preset: string, kind: WorkloadKind, regime: Regime, durationMs = 1000): CorpusEntry {
  const e = corpusEntry(preset, kind, regime, durationMs);
  return withThp(e, taggedName(e, durationMs, 'thp'));
}

/** Entry e, named `name`, with THPs asked for by every workload. */
export function withThp(e: CorpusEntry, name = `${e.name} thp`): CorpusEntry {
  return renamed(e, name, { workload: (e.file.workload as Json[]).map((w) => ({ ...w, thp: true })) });
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
  const workloads = [
    workload('uniform', 'stays', DRAM_MIB * 0.45, {}),
    workload('uniform', 'leaves', DRAM_MIB * 0.45, { stopMs: 300 }),
    workload('hot', 'w', DRAM_MIB * 0.6, { thp: true, startMs: 300 }),
  ];
  const knobs = { demotion_enabled: true, transparent_hugepage_defrag: defrag, lru_gen_enabled: false };
  const policy = { preset: 'linux', knobs };
  const name = taggedName({ ...e, name: `linux thp fragmented defrag=${defrag}` }, durationMs, '');
  return { ...renamed(e, name, { policy, workload: workloads }), regime: '1.5x-unbound' };
}
