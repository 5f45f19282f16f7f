// HybridTier runs as its paper runs it: the kernel neither demotes nor promotes (the preset's
// knobs, not the regimes' kernel tiering), a cold filler takes DRAM first and the workload lands
// in the slow tier, so the runtime must promote from its samples and demote the filler to make room.
// One of them moves its hot set (momentum), and one runs 5 s, long enough to reach the promotion
// plateau's batches and step the hot threshold. On the corpus's 24 MiB DRAM the kernel's min
// watermark (81 pages) is above 1.25% (77 pages), so the runtime's watermarks are raised to 3% / 6%.
import { corpusEntry, renamed, taggedName, type CorpusEntry, type WorkloadKind } from './corpus.ts';

/** Above the min watermark of a 24 MiB node: see above. */
const SMALL_NODE_WMARKS = { hybridtier_alloc_wmark_bp: 300, hybridtier_demote_wmark_bp: 600 };

export const HYBRIDTIER_RUNS: readonly (readonly [WorkloadKind, 'slow-hot-nb1' | 'phase-change', number])[] =
  [
    ['hot', 'slow-hot-nb1', 1000],
    ['zipf', 'slow-hot-nb1', 1000],
    ['sysbench-gaussian', 'slow-hot-nb1', 1000],
    ['multi-tenant', 'slow-hot-nb1', 1000],
    ['hot', 'phase-change', 1000],
    ['hot', 'slow-hot-nb1', 5000],
  ];

/** corpusEntry's layout for `regime` under hybridtier with the preset's own knobs only. */
export function hybridtierEntry(
  kind: WorkloadKind,
  regime: 'slow-hot-nb1' | 'phase-change',
  ms: number,
): CorpusEntry {
  const e = corpusEntry('hybridtier', kind, regime, ms);
  const layout = regime === 'slow-hot-nb1' ? 'slow-hot' : regime;
  const name = taggedName({ ...e, name: `hybridtier ${kind} ${layout}` }, ms, 'runtime');
  return renamed(e, name, { policy: { preset: 'hybridtier', knobs: SMALL_NODE_WMARKS } });
}

export function hybridtierEntries(): CorpusEntry[] {
  return HYBRIDTIER_RUNS.map(([kind, regime, ms]) => hybridtierEntry(kind, regime, ms));
}
