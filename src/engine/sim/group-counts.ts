// Per-workload sums over its threads: references and hits by node, as the result and every sample
// report them. The rate engine counts draws and hits in expectation (real numbers): each sum is
// rounded to a whole count once, the same way at every sample and at the end, so the last sample
// agrees with the result.
import type { World } from './setup.ts';

/** References made so far by each workload (all its threads). */
export function groupReferences(world: World): number[] {
  const out = new Array<number>(world.names.length).fill(0);
  for (const t of world.tasks) out[t.group]! += t.references;
  return out.map(Math.round);
}

/** Hits so far of workload g's threads, by node index. */
export function groupHitsByNode(world: World, g: number): number[] {
  const out = new Array<number>(world.k.m.nrNodes).fill(0);
  for (const t of world.tasks) {
    if (t.group !== g) continue;
    for (let n = 0; n < out.length; n++) out[n]! += t.hitsByNode[n]!;
  }
  return out.map(Math.round);
}

/** Hits so far on top-tier nodes, by workload: the numerator of the fast-tier hit ratio. */
export function groupFastTierHits(world: World): number[] {
  const topTier = world.k.layout.topTier;
  return world.names.map((_, g) =>
    groupHitsByNode(world, g).reduce((sum, hits, n) => (topTier[n] ? sum + hits : sum), 0),
  );
}
