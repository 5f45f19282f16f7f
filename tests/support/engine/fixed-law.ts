// Test support: a page law over vpages 0..p.length-1 with fixed probabilities and no phases.
import type { PageLaw } from '../../../src/engine/workloads/types.ts';

export function fixedLaw(p: readonly number[]): PageLaw {
  return {
    base: 0,
    pages: p.length,
    writeShare: 0,
    p: (i) => p[i]!,
    warmP: () => 0,
    nextChangeMs: () => Infinity,
    advanceTo: () => {},
  };
}
