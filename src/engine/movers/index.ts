// The movers a policy preset brings (mechanisms.mover); none for kernels that place pages only in
// reclaim and NUMA balancing.
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import type { Kernel } from '../mm/kernel.ts';
import { createDamon } from './damon/damon.ts';
import { createMemoryOptimizer } from './memory-optimizer/memory-optimizer.ts';
import { createHybridtier } from './hybridtier/hybridtier.ts';
import type { Task } from '../sim/task.ts';
import { createMemtis } from './memtis/memtis.ts';
import type { Mover } from './types.ts';

/** `tasks`: the workloads' threads, whose loads a sampling mover (HybridTier's PEBS) samples. */
export function createMovers(k: Kernel, s: ResolvedScenario, tasks: readonly Task[]): Mover[] {
  switch (k.mechanisms.mover) {
    case undefined:
      return [];
    case 'memory-optimizer':
      return [createMemoryOptimizer(k, s)];
    case 'damon':
      return createDamon(k, s);
    case 'hybridtier':
      return [createHybridtier(k, s, tasks)];
    case 'memtis':
      return createMemtis(k);
  }
}
