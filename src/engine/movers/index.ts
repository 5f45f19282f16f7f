// The movers a policy preset brings (mechanisms.mover); none for kernels that place pages only in
// reclaim and NUMA balancing.
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import type { Kernel } from '../mm/kernel.ts';
import type { Mover } from './types.ts';

export function createMovers(k: Kernel, _s: ResolvedScenario): Mover[] {
  switch (k.mechanisms.mover) {
    case undefined:
      return [];
    default:
      throw new Error(`mover "${k.mechanisms.mover}" is not built yet`);
  }
}
