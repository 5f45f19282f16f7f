// MEMTIS runs for the verify corpus, beyond the preset x kind x regime grid (which runs memtis with
// its shipped 50 MB watermark floor: on the corpus's 24 MiB DRAM that leaves no room for a hot set,
// so it only samples). Here the watermarks are plain 3% and 2%, and the threshold adapts every
// 1,000 samples and cools every 5,000, so a 1-2 s run goes through several of each (a new page
// starts above the hot threshold and turns cold only after coolings).
import {
  corpusEntry,
  taggedName,
  withKnobs,
  type CorpusEntry,
  type Regime,
  type WorkloadKind,
} from './corpus.ts';
import { withThp } from './thp-corpus.ts';

/** The knobs that let a small, short run show MEMTIS's classification. */
export const MEMTIS_SMALL_MACHINE = {
  htmm_watermark_limits: false,
  htmm_adaptation_period: 1000,
  htmm_cooling_period: 5000,
};

/** [kind, regime, ms]: a hot set past DRAM, and one landing in PMEM behind a cold filler. */
export const MEMTIS_RUNS: readonly (readonly [WorkloadKind, Regime, number])[] = [
  ['hot', '1.5x-unbound', 1000],
  ['zipf', '1.5x-unbound', 2000],
  ['sysbench-gaussian', '1.5x-unbound', 1000],
  ['hot', 'slow-hot-nb1', 2000],
  ['multi-tenant', 'fits', 1000],
];

/** The same with htmm_nowarm: no warm band, so cold pages go as soon as the fast tier is short. */
export const MEMTIS_NOWARM_RUNS: readonly (readonly [WorkloadKind, Regime, number])[] = [
  ['zipf', '1.5x-unbound', 2000],
  ['hot', 'slow-hot-nb1', 2000],
];

/** corpusEntry('memtis', kind, regime) with MEMTIS_SMALL_MACHINE, named "... memtis-small". */
export function memtisEntry(
  kind: WorkloadKind,
  regime: Regime,
  durationMs: number,
  nowarm = false,
): CorpusEntry {
  const e = corpusEntry('memtis', kind, regime, durationMs);
  const tag = nowarm ? 'memtis-small htmm_nowarm' : 'memtis-small';
  return withKnobs(e, taggedName(e, durationMs, tag), { ...MEMTIS_SMALL_MACHINE, htmm_nowarm: nowarm });
}

/**
 * MEMTIS with THPs (transparent_hugepage always): a zipf hot set landing in PMEM behind a cold
 * filler; its first THPs are unevenly hot (a
 * few subpages take most of their samples), so the split decision and the splits run, and the
 * split subpages are promoted and demoted by their own counts.
 */
export const MEMTIS_THP_RUNS: readonly (readonly [WorkloadKind, Regime, number])[] = [
  ['zipf', 'slow-hot-nb1', 2000],
];

/** memtisEntry(kind, regime) with every workload on THPs, named "... memtis-small thp". */
export function memtisThpEntry(kind: WorkloadKind, regime: Regime, durationMs: number): CorpusEntry {
  const e = memtisEntry(kind, regime, durationMs);
  const thp = withThp(e, `${e.name} thp`);
  return withKnobs(thp, thp.name, { transparent_hugepage: 'always' });
}
