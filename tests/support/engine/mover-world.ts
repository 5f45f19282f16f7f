// Drives a built world round by round as the simulation's tick does (tasks, kswapd, then movers),
// without its latency feedback or task stops, so that a test can look into a mover's state as it runs.
import { runKcompactd } from '../../../src/engine/mm/kcompactd.ts';
import { runKswapd } from '../../../src/engine/mm/kswapd.ts';
import type { World } from '../../../src/engine/sim/setup.ts';
import { runTask, TaskState } from '../../../src/engine/sim/task.ts';

const ROUND_NS = 100_000;

/** Runs rounds from fromNs to untilNs, calling `afterRound` after each. */
export function driveWorld(w: World, fromNs: number, untilNs: number, afterRound?: () => void): void {
  const { k, tasks } = w;
  for (let end = fromNs + ROUND_NS; end <= untilNs; end += ROUND_NS) {
    for (const t of tasks) {
      if (t.state === TaskState.Waiting && t.startNs < end) {
        t.state = TaskState.Running;
        t.clockNs = Math.max(t.clockNs, end - ROUND_NS);
      }
      if (t.state === TaskState.Running) runTask(k, t, end, 1, w.rate);
    }
    for (let n = 0; n < k.m.nrNodes; n++) runKswapd(k, n, end);
    for (let n = 0; n < k.m.nrNodes; n++) runKcompactd(k, n, end);
    for (const m of k.movers) m.run(k, end);
    afterRound?.();
  }
}
