// The whole corpus `npm run verify:engines` runs: every preset x workload kind x regime of
// corpus.ts, then the long runs and the variations (THP, hot-plug, kernels, MGLRU, memcg, fleet metrics).
import { PRESET_NAMES } from '../../shared/scenario/presets.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import {
  corpusEntry,
  DRAM_MIB,
  hotplugEntry,
  HOTPLUG_RUNS,
  LONG_RUN_MS,
  REGIMES,
  renamed,
  taggedName,
  withKnobs,
  workload,
  WORKLOAD_KINDS,
  type CorpusEntry,
  type Json,
  type Regime,
  type WorkloadKind,
} from './corpus.ts';
import { fragmentedThpEntry, THP_RUNS, thpEntry, withThp } from './thp-corpus.ts';
import {
  kernel61Entry,
  vmaScanEntry,
  KERNEL_RUNS,
  MGLRU_61_RUNS,
  mglru61Entry,
  MGLRU_RUNS,
  mglruEntry,
  threeTierEntry,
} from './kernel-corpus.ts';
import { memcgEntries, memcgMglruEntries, memcgMglruV61Entries } from './memcg-corpus.ts';
import { hybridtierEntries } from './hybridtier-corpus.ts';
import { hintAggregateEntries } from './hint-corpus.ts';
import { colloidEntries } from './colloid-corpus.ts';
import { nomadEntries } from './nomad-corpus.ts';
import {
  MEMTIS_NOWARM_RUNS,
  MEMTIS_RUNS,
  MEMTIS_THP_RUNS,
  memtisEntry,
  memtisThpEntry,
} from './memtis-corpus.ts';
import { fleetEntries } from './fleet-corpus.ts';

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

/**
 * The daemon weighing written pages (memopt_weigh_dirty, off by default) reads PTE dirty bits,
 * which the rate engine settles from a page's write share as it does the accessed bit. Two equally
 * hot uniform sets of 0.75 x DRAM, one only read and one only written, tie on accessed bits alone;
 * with the knob the written one wins DRAM. Run with the knob off and on.
 */
function readersAndWriters(weighDirty: boolean): CorpusEntry {
  const e = corpusEntry('wu-2018-daemon', 'uniform', '1.5x-unbound');
  const name = `wu-2018-daemon readers+writers 1.5x-unbound${weighDirty ? ' memopt_weigh_dirty' : ''}`;
  const workloads = [
    workload('uniform', 'r', DRAM_MIB * 0.75, { readRatio: 1 }),
    workload('uniform', 'w', DRAM_MIB * 0.75, { readRatio: 0 }),
  ];
  const withDirty = withKnobs(e, name, { memopt_weigh_dirty: weighDirty });
  return renamed(withDirty, name, { workload: workloads });
}

/** corpusEntry(preset, kind, regime) run for `durationMs`, named with its length. */
function longEntry(preset: string, kind: WorkloadKind, regime: Regime, durationMs: number): CorpusEntry {
  const e = corpusEntry(preset, kind, regime, durationMs);
  return renamed(e, taggedName(e, durationMs, ''));
}

/** The knob that makes the regime what it is: a preset that refuses it cannot run the regime. */
const DEFINING_KNOB: Partial<Record<Regime, string>> = {
  'swap-demotion-off': 'demotion_enabled',
  'swap-demotion-on': 'demotion_enabled',
  'slow-hot-nb1': 'numa_balancing',
  'slow-hot-nb2': 'numa_balancing',
};

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
  for (const [preset, kind] of LONG_RUNS) entries.push(longEntry(preset, kind, 'slow-hot-nb2', LONG_RUN_MS));
  entries.push(readersAndWriters(false), readersAndWriters(true));
  for (const [preset, kind, mode] of HOTPLUG_RUNS) entries.push(hotplugEntry(preset, kind, mode));
  entries.push(fragmentedThpEntry('always'), fragmentedThpEntry('defer'), fragmentedThpEntry('never'));
  // Offlining the PMEM node with THPs on it: each moves whole to DRAM, or is split and moved.
  entries.push(withThp(hotplugEntry('linux', 'hot', 'online_movable')));
  for (const [kind, regime] of KERNEL_RUNS)
    for (const kernel of ['6.1', '6.12'] as const) entries.push(threeTierEntry(kind, regime, kernel));
  entries.push(kernel61Entry('linux-tiering', 'hot', 'slow-hot-nb2'));
  for (const kernel of ['6.1', '6.12'] as const) entries.push(vmaScanEntry(kernel));
  for (const [preset, kind, regime, ms] of MGLRU_RUNS) {
    entries.push(mglruEntry(preset, kind, regime, ms));
    // The same run with MGLRU off, where the corpus above does not have it (a 10 s run).
    if (ms !== 1000) {
      const off = longEntry(preset, kind, regime, ms);
      if (!entries.some((x) => x.name === off.name)) entries.push(off);
    }
  }
  for (const [preset, kind, regime] of MGLRU_61_RUNS) entries.push(mglru61Entry(preset, kind, regime));
  entries.push(...memcgEntries(), ...memcgMglruEntries(), ...memcgMglruV61Entries());
  entries.push(...hybridtierEntries());
  entries.push(...hintAggregateEntries());
  entries.push(...colloidEntries());
  entries.push(...nomadEntries());
  for (const [kind, regime, ms] of MEMTIS_RUNS) entries.push(memtisEntry(kind, regime, ms));
  for (const [kind, regime, ms] of MEMTIS_NOWARM_RUNS) entries.push(memtisEntry(kind, regime, ms, true));
  for (const [kind, regime, ms] of MEMTIS_THP_RUNS) entries.push(memtisThpEntry(kind, regime, ms));
  entries.push(...fleetEntries());
  return { entries, refused };
}
