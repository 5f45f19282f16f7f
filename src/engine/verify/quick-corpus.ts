// The corpus `npm test` runs in both engines: one scenario per regime the rate engine must get
// right (reclaim, swap, promotion modes 1 and 2, a phase change, several threads, multi-tenant),
// and the two that caught kswapd starting late in long rounds (TPP's pageoutrun, pareto's
// direct reclaim), DRAM loaded by a bandwidth antagonist, weighted interleave, two with
// transparent huge pages, THP faults compacting a fragmented node (defrag=always), a PMEM node
// hot-plugged in and out, kernel 6.1's tiers on a DRAM + CXL + PMEM machine (both slow nodes
// in one tier, where 6.12 stacks them), reclaim by the multi-gen LRU, a memory cgroup over its
// max, two cgroups under the multi-gen LRU, and one run of each research preset's mechanism.
import { corpusEntry, hotplugEntry, type CorpusEntry } from './corpus.ts';
import { fragmentedThpEntry, thpEntry } from './thp-corpus.ts';
import { mglruEntry, threeTierEntry } from './kernel-corpus.ts';
import { lowProtectsTenant, maxBelowWorkingSet, withMglru } from './memcg-corpus.ts';
import { hybridtierEntry } from './hybridtier-corpus.ts';
import { loadedDramEntry } from './colloid-corpus.ts';
import { memtisEntry } from './memtis-corpus.ts';

export function quickCorpus(): CorpusEntry[] {
  return [
    corpusEntry('linux', 'hot', '1.5x-bound', 1000),
    corpusEntry('tpp', 'uniform', 'swap-demotion-on', 1000),
    corpusEntry('linux', 'sysbench-pareto', 'swap-demotion-off', 1000),
    corpusEntry('linux-tiering', 'zipf', 'slow-hot-nb2', 1000),
    corpusEntry('linux', 'normal', 'slow-hot-nb1', 1000),
    corpusEntry('linux-tiering', 'hot', 'phase-change', 1000),
    corpusEntry('tpp', 'sysbench-gaussian', '1.5x-unbound', 1000),
    corpusEntry('wu-2018-daemon', 'multi-tenant', '1.5x-unbound', 1000),
    corpusEntry('damon-tiering', 'sysbench-pareto', 'slow-hot-nb2', 1000),
    corpusEntry('linux-tiering', 'zipf', 'antagonist', 1000),
    corpusEntry('linux', 'hot', 'weighted-interleave', 1000),
    // THPs: whole-THP swap-out, and mainline's failed whole-THP demotion split into base pages.
    thpEntry('linux', 'zipf', 'swap-demotion-off', 1000),
    thpEntry('linux', 'uniform', 'swap-demotion-on', 1000),
    // 0.6 s: its THP faults and compactions are over by 400 ms, and the exact engine plays three hot sets.
    fragmentedThpEntry('always', 600),
    hotplugEntry('linux', 'hot', 'online_movable'),
    threeTierEntry('zipf', 'swap-demotion-on', '6.1'),
    // The multi-gen LRU: aging, eviction and demotion from its eviction path.
    mglruEntry('linux', 'hot', '1.5x-bound', 1000),
    // A cgroup's memory.max below its working set: memcg reclaim demotes (mainline since 5.19) and swaps.
    maxBelowWorkingSet('linux-tiering', 'hot', true),
    // HybridTier's runtime promoting from PEBS samples and demoting the filler (kernel tiering off).
    hybridtierEntry('hot', 'slow-hot-nb1', 1000),
    // Two cgroups under the multi-gen LRU: global reclaim walks the memcg LRU (shrink_many), and
    // memory.low skips the protected one once before reclaiming it.
    withMglru(lowProtectsTenant('linux', 'uniform', false)),
    // Colloid: an antagonist makes DRAM the slower tier; hot pages go down, then back within delta p.
    loadedDramEntry('hot', false),
    // NOMAD: transactional promotion of a hot set from the slow tier, its pages kept as shadows.
    corpusEntry('nomad', 'uniform', 'slow-hot-nb2', 1000),
    // MEMTIS: PEBS samples (a countdown in exact, thinned draws in rate), its threshold and kmigrated.
    memtisEntry('hot', '1.5x-unbound', 1000),
  ];
}
