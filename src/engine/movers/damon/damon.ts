// DAMON-based tiering as SJ sets it up: one kdamond per node over its physical memory, with
// migrate_cold on a fast node that has a lower tier and migrate_hot on a slow node.
import type { ResolvedScenario } from '../../../shared/scenario/resolved.ts';
import type { Kernel } from '../../mm/kernel.ts';
import { createRng } from '../../random/rng.ts';
import { demotionTargets, moverCpuNode, promotionTargets } from '../targets.ts';
import { createKdamond, type Kdamond } from './kdamond.ts';
import { migrateCold, migrateHot, type Scheme } from './schemes.ts';

/** Seeds DAMON's own random stream (sample pages, split points), apart from the kernel's. */
const DAMON_STREAM = 0x0da40a;

export function createDamon(k: Kernel, s: ResolvedScenario): Kdamond[] {
  const up = promotionTargets(k);
  const down = demotionTargets(k);
  const cpu = moverCpuNode(k);
  const out: Kdamond[] = [];
  for (let n = 0; n < k.m.nrNodes; n++) {
    if (k.m.managedPages[n] === 0) continue;
    const schemes: Scheme[] = [];
    if (k.layout.topTier[n] && down[n]! >= 0) schemes.push(migrateCold(k, n, down[n]!));
    if (up[n]! >= 0) schemes.push(migrateHot(k, up[n]!));
    if (schemes.length === 0) continue;
    const rng = createRng(((s.run.seed ^ DAMON_STREAM) >>> 0) + n);
    out.push(createKdamond(k, n, schemes, rng, cpu));
  }
  return out;
}
