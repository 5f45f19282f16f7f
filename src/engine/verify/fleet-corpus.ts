// Fleet-metric runs of the verify corpus: hot sets with mostly cold memory (5% of the pages take
// 99.9% of the references), run 3 s so idle times spread over several cold-age bins, where the
// 1 s runs of corpus.ts leave nearly every page in the working set. Each compares the cold-age
// gauges, working sets, idle percentiles, STRR and STAR of the two engines.
import { corpusEntry, renamed, type CorpusEntry, type Json, type Regime } from './corpus.ts';

/** Mostly cold: the hot 5% of the pages take 99.9% of the references. */
const COLD_HOTSET: Json = { distribution: 'hot', hotFraction: 0.05, hotProbability: 0.999 };

export const FLEET_RUN_MS = 3000;

/** corpusEntry(preset, 'hot', regime) with its hot set made mostly cold, named `fleet ...`. */
export function fleetEntry(preset: string, regime: Regime, durationMs = FLEET_RUN_MS): CorpusEntry {
  const e = corpusEntry(preset, 'hot', regime, durationMs);
  const workload = (e.file.workload as Json[]).map((w) =>
    w.type === 'hotset' ? { ...w, ...COLD_HOTSET } : w,
  );
  return renamed(e, `fleet ${preset} cold-hotset ${regime} ${durationMs / 1000}s`, { workload });
}

export function fleetEntries(): CorpusEntry[] {
  return [
    fleetEntry('linux', 'fits'),
    fleetEntry('linux-tiering', '1.5x-unbound'),
    fleetEntry('tpp', 'swap-demotion-on'),
    fleetEntry('linux-tiering', 'slow-hot-nb2'),
  ];
}
