// The corpus `npm test` runs in both engines: one scenario per regime the rate engine must get
// right (reclaim, swap, promotion modes 1 and 2, a phase change, several threads, multi-tenant),
// and the two that caught kswapd starting late in long rounds (TPP's pageoutrun, pareto's
// direct reclaim), DRAM loaded by a bandwidth antagonist, weighted interleave, two with
// transparent huge pages, a PMEM node hot-plugged in and out, and a memory cgroup over its max.
import { corpusEntry, hotplugEntry, thpEntry, type CorpusEntry } from './corpus.ts';
import { maxBelowWorkingSet } from './memcg-corpus.ts';

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
    hotplugEntry('linux', 'hot', 'online_movable'),
    // A cgroup's memory.max below its working set: memcg reclaim demotes (mainline since 6.0) and swaps.
    maxBelowWorkingSet('linux-tiering', 'hot', true),
  ];
}
