// The rate engine's loop for a thread in its independent-draw part. Between two events (the next
// touch of a waiting page), every draw lands on a plainly mapped page, node n with probability
// M_n / M: so n draws cost n * (sum of M_n / M * loaded latency + think) and add their hits and
// traffic per node in expectation. At an event the drawn page takes the same path as one reference
// of the exact engine (first-touch fault, swap-in, NUMA hint fault), at its interpolated time.
import { CACHE_LINE } from '../mm/costs.ts';
import type { Kernel } from '../mm/kernel.ts';
import { slowReference, writeProtectFault } from '../sim/slow-reference.ts';
import { TaskState, type Task } from '../sim/task.ts';
import type { DrawSource } from '../workloads/types.ts';
import type { DrawDomain } from './draw-domain.ts';
import { plainNode, NOT_MAPPED } from '../mm/reference-model.ts';
import { countHintFaults, releaseIfBypassed } from './hint-faults.ts';
import { HINT_FAULT_NS } from '../mm/costs.ts';

/** Below this many draws left, a thread's work is done (draw counts are real numbers here). */
const DONE_EPSILON = 1e-9;

export function runDraws(
  k: Kernel,
  t: Task,
  src: DrawSource,
  d: DrawDomain,
  untilNs: number,
  slowdown: number,
): void {
  const law = d.law;
  if (law.nextChangeMs() <= t.clockNs / 1e6) d.changeLaw(k, t.clockNs / 1e6);
  const mass = d.mass;
  const nrNodes = mass.length;
  const latency = k.latency;
  const traffic = k.traffic;
  const hits = t.hitsByNode;
  const heat = d.heat;
  const readShare = 1 - law.writeShare;
  const writeShare = law.writeShare;
  const hints = d.hints;
  let clock = t.clockNs;
  while (clock < untilNs) {
    if (hints.size > 0) releaseIfBypassed(k, t, d);
    const left = src.drawsLeft();
    if (left <= DONE_EPSILON) {
      t.state = TaskState.Done;
      t.endNs = clock;
      break;
    }
    let total = 0;
    let costNs = 0;
    for (let n = 0; n < nrNodes; n++) {
      const m = mass[n]!;
      total += m;
      costNs += m * (readShare * latency[n * 2]! + writeShare * latency[n * 2 + 1]!);
    }
    const waitGap = Math.max(0, d.nextWait(k) - d.drawn);
    // The next PEBS sample of a plain draw, when a mover samples (Infinity otherwise).
    const sampleGap = d.pebs === null ? Infinity : Math.max(0, d.pebs.nextKey(k, d.drawn) - d.drawn);
    const gap = Math.min(waitGap, sampleGap);
    if (total > 0) {
      const perDraw = (costNs / total + t.thinkNs) * slowdown;
      const fit = (untilNs - clock) / perDraw;
      let n = Math.min(gap, fit, left);
      let timeUp = n === fit;
      // Aggregate hint faults among the draws take the task's time too, so fewer draws fit the round.
      let faultsNs = 0;
      const aggregate = hints.size > 0 && n > 0;
      if (aggregate) {
        n = hints.takeWithin(
          d.drawn,
          Math.min(gap, left),
          untilNs - clock,
          perDraw,
          HINT_FAULT_NS * slowdown,
        );
        timeUp = n >= hints.fitDraws;
      }
      if (n > 0) {
        const startNs = clock;
        const startDrawn = d.drawn;
        clock += n * perDraw;
        d.drawn += n;
        if (aggregate) faultsNs = countHintFaults(k, t, d, startNs, startDrawn, perDraw, slowdown);
        clock += faultsNs;
        src.takeDraws(n);
        t.references += n;
        for (let node = 0; node < nrNodes; node++) {
          const share = (n * mass[node]!) / total;
          hits[node]! += share;
          traffic[node * 2]! += share * readShare * CACHE_LINE;
          traffic[node * 2 + 1]! += share * writeShare * CACHE_LINE;
        }
        heat.drew(k.heat.references, n, total);
      }
      if (timeUp) {
        // The round's time ran out: set exactly (rounding must not leave a sliver), or past it by
        // the last fault's time if one began just before the end.
        clock = Math.max(untilNs, faultsNs > 0 ? clock : 0);
        break;
      }
      if (n === left) continue; // the thread's work ran out
    } else if (gap === Infinity) {
      clock = untilNs; // nothing mapped and nothing waiting: no page has a chance to be drawn
      break;
    } else {
      d.drawn += gap;
    }
    if (sampleGap < waitGap) {
      d.pebs!.fire(k, d.drawn); // one of the plain draws just made was sampled
      continue;
    }
    const v = d.popWait();
    if (d.poppedWrite) {
      // A write to a write-protected page (NOMAD's shadow): one of the draws already counted, which
      // takes the write-protect fault. Stale if the page was unmapped or lost its shadow meanwhile.
      k.nowNs = clock;
      k.chargedNs = 0;
      writeProtectFault(k, v);
      clock += k.chargedNs * slowdown;
      untilNs = Math.min(untilNs, k.round.endNs);
      continue;
    }
    if (plainNode(k, v) !== NOT_MAPPED) continue; // mapped since it started waiting: an ordinary draw
    const e = k.m.pte[v]!;
    const w = d.rng.float() < writeShare ? 1 : 0;
    k.nowNs = clock;
    k.chargedNs = 0;
    const ok = slowReference(k, t, v, w, e);
    clock += (k.chargedNs + t.thinkNs) * slowdown;
    if (!ok) break;
    d.pebs?.sampleEvent(k, v);
    untilNs = Math.min(untilNs, k.round.endNs); // a kswapd it woke may have cut the round
    d.drawn += 1;
    src.takeDraws(1);
    t.references += 1;
  }
  t.clockNs = clock;
}
