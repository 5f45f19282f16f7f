// A world for HybridTier's unit tests: DRAM 64 MiB + PMEM 256 MiB, a 40 MiB cold filler in DRAM
// (vpages 0..10239), then a 64 MiB hot set (vpages 10240..26623) that fills the rest of DRAM and
// spills into PMEM, played 400 ms in the exact engine with no mover running; and the runtime's
// state over it, not yet run, for a test to set up and call into.
import { newHybridtier } from '../../../src/engine/movers/hybridtier/hybridtier.ts';
import type { HybridTier } from '../../../src/engine/movers/hybridtier/state.ts';
import type { Kernel } from '../../../src/engine/mm/kernel.ts';
import { PTE_SWAPPED, pageToNid } from '../../../src/engine/mm/mem-state.ts';
import { buildWorld, type World } from '../../../src/engine/sim/setup.ts';
import { hotset, moverScenario } from './mover-scenario.ts';
import { driveWorld } from './mover-world.ts';

export const FILLER_PAGES = 10240;
export const HOT_BASE = 10240;

export function hybridtierWorld(knobs: Record<string, unknown> = {}): { w: World; h: HybridTier } {
  const s = moverScenario(
    'hybridtier',
    [{ name: 'filler', type: 'usemem', size: '40MiB', repeats: 1 }, hotset('hot', 64, { startMs: 100 })],
    { knobs, run: { engine: 'exact' } },
  );
  const w = buildWorld(s);
  w.k.movers = [];
  driveWorld(w, 0, 400e6);
  return { w, h: newHybridtier(w.k, s, w.tasks) };
}

/** The node vpage's page is on, or -1 if it is not present. */
export function nodeOf(k: Kernel, vpage: number): number {
  const e = k.m.pte[vpage]!;
  return e === 0 || e >= PTE_SWAPPED ? -1 : pageToNid(k.m, e - 1);
}

/** The first `n` vpages of the hot set that are on `node`. */
export function hotPagesOn(k: Kernel, node: number, n: number): number[] {
  const out: number[] = [];
  for (let v = HOT_BASE; out.length < n && v < HOT_BASE + 16384; v++) if (nodeOf(k, v) === node) out.push(v);
  return out;
}
