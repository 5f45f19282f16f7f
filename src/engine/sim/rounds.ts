// How long the next round of turns lasts and in what steps its tasks take it. The exact engine
// always takes fine 100 us rounds; the rate engine takes 1 ms rounds while nothing but draws runs,
// laid out so that every kswapd wake-up and every task's turn falls where fine rounds put them.
import { FINE_ROUND_NS } from '../mm/kernel.ts';
import { SHORT_SLEEP_NS } from '../mm/kswapd.ts';
import type { World } from './setup.ts';
import { isDrawing, TaskState } from './task.ts';

/**
 * Rate engine: a round while no kswapd is awake, no kcompactd is pending, no mover runs and every
 * running task is drawing (no sequential references) lasts this long, so quiet stretches cost
 * fewer turns. Waking a kswapd ends the round at the next fine boundary (cutRound), and several
 * tasks take the round in fine steps so that none has run past the cut (verify:engines caught each
 * of these: TPP's pageoutrun, direct reclaim taking kswapd's share, a two-thread hot set's placement).
 */
export const QUIET_ROUND_NS = 1_000_000;

/** Plans each round of turns: sets k.round and returns the step in which the tasks take it. */
export type RoundPlanner = (world: World, startNs: number, tickEndNs: number) => number;

/**
 * Plans the round of turns starting at startNs within a tick ending at tickEndNs: sets k.round and
 * returns the step in which the tasks take it (Infinity: in one go). A kswapd in its short nap
 * (kswapd_try_to_sleep's HZ/10) may be woken by a fault at any time, and rechecks its node when the
 * nap ends: the round runs in fine steps (so a fault's cut and a task's exit fall where they would
 * in fine rounds) and ends at the first fine boundary where the nap is over, the one at which
 * runKswapd would have found it over in fine rounds.
 */
export function planRound(world: World, startNs: number, tickEndNs: number): number {
  const round = world.k.round;
  round.startNs = startNs;
  const quiet = isQuiet(world);
  let endNs = startNs + (quiet ? QUIET_ROUND_NS : FINE_ROUND_NS);
  let fineSteps = false;
  // Loops, not some(): this runs every round.
  if (quiet) {
    for (const s of world.k.kswapd) {
      if (!napping(s, startNs)) continue;
      endNs = Math.min(endNs, napEndBoundary(s.sleptAtNs, startNs));
      fineSteps = true;
    }
  }
  round.endNs = Math.min(endNs, tickEndNs);
  return fineSteps || runningTasks(world) > 1 ? FINE_ROUND_NS : Infinity;
}

/** Nothing but draws runs: the rate engine, no kswapd awake, no kcompactd pending, no mover, all tasks drawing. */
function isQuiet(world: World): boolean {
  const { k } = world;
  // Movers (DAMON, the daemon) work in steps timed within rounds: they keep the fine rounds.
  if (world.rate === null || k.movers.length > 0) return false;
  for (const s of k.kswapd) if (s.awake) return false;
  for (const s of k.kcompactd) if (s.pending) return false;
  for (const t of world.tasks) if (t.state === TaskState.Running && !isDrawing(t)) return false;
  return true;
}

/** A kswapd that went to sleep less than its short nap ago: it may be woken again at any time. */
export function napping(s: { awake: boolean; sleptAtNs: number }, nowNs: number): boolean {
  return !s.awake && s.sleptAtNs >= 0 && nowNs - s.sleptAtNs < SHORT_SLEEP_NS;
}

/**
 * The first fine boundary after startNs at which a nap begun at sleptAtNs is over, by runKswapd's
 * own test (untilNs - sleptAtNs >= SHORT_SLEEP_NS), so rounding cannot move it a boundary.
 */
export function napEndBoundary(sleptAtNs: number, startNs: number): number {
  let j = Math.max(1, Math.ceil((sleptAtNs + SHORT_SLEEP_NS - startNs) / FINE_ROUND_NS));
  while (startNs + j * FINE_ROUND_NS - sleptAtNs < SHORT_SLEEP_NS) j++;
  while (j > 1 && startNs + (j - 1) * FINE_ROUND_NS - sleptAtNs >= SHORT_SLEEP_NS) j--;
  return startNs + j * FINE_ROUND_NS;
}

export function runningTasks(world: World): number {
  let n = 0;
  for (const t of world.tasks) if (t.state === TaskState.Running) n++;
  return n;
}
