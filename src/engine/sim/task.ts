// A task is one thread of a workload entry. runTask() is the engine's hot loop: it plays the
// thread's references until its clock reaches the end of the round, paying each one's latency.
import type { AllocPolicy } from '../mm/page-alloc.ts';
import type { Kernel } from '../mm/kernel.ts';
import { PTE_SWAPPED } from '../mm/mem-state.ts';
import { PG, WRITE_BITS } from '../mm/page-flags.ts';
import { NOMAD_WRITE_CHECKED } from '../mm/nomad-shadow.ts';
import type { DrawSource, RefSource } from '../workloads/types.ts';
import type { DrawDomain } from '../rate/draw-domain.ts';
import type { RateModel } from '../rate/rate-model.ts';
import { runDraws } from '../rate/run-draws.ts';
import { CACHE_LINE } from '../mm/costs.ts';
import { slowReference } from './slow-reference.ts';
import { pebsOverflow } from '../mm/access-sampler.ts';

/** A thread's life; a branded number so states compare cheaply and cannot be mixed with counts. */
export type TaskState = number & { readonly __taskState: unique symbol };
export const TaskState = {
  /** Before its workload's startMs. */
  Waiting: 0 as TaskState,
  Running: 1 as TaskState,
  /** Its work ran out (a finite workload). */
  Done: 2 as TaskState,
  /** Chosen by the OOM killer. */
  Killed: 3 as TaskState,
  /** Its workload reached stopMs. */
  Stopped: 4 as TaskState,
} as const;

/** References fetched from a workload per fill() call. */
const BATCH = 1024;
/** Pages whose references need more than a latency: page cache (mark_page_accessed) and hint faults. */
const SLOW_FLAGS = PG.file | PG.protnone;

export interface Task {
  id: number;
  /** Index of the workload entry this thread belongs to. */
  group: number;
  cpuNode: number;
  source: RefSource;
  /** Rate engine: the thread's independent-draw part (null: every reference is played). */
  draws: DrawSource | null;
  domain: DrawDomain | null;
  policy: AllocPolicy;
  buf: Uint32Array;
  len: number;
  cursor: number;
  state: TaskState;
  startNs: number;
  endNs: number;
  clockNs: number;
  references: number;
  /** Computation between two references (from the workload's `load`), ns. */
  thinkNs: number;
  /** References left to this thread's next PEBS sample (k.sampler); 0 until it first runs with one. */
  pebsLeft: number;
  /** References that found their page present, by the node it was on: the tier hit counts. */
  hitsByNode: Float64Array;
  /** The allocator's "was current killed" test for this task's faults (one closure, not one a fault). */
  isKilled: () => boolean;
}

export function createTask(
  id: number,
  group: number,
  cpuNode: number,
  source: RefSource,
  policy: AllocPolicy,
  startNs: number,
  thinkNs: number,
  nrNodes: number,
  rate: boolean,
): Task {
  const t: Task = {
    id,
    group,
    cpuNode,
    source,
    draws: rate ? (source.draws ?? null) : null,
    domain: null,
    policy,
    buf: new Uint32Array(BATCH),
    len: 0,
    cursor: 0,
    state: TaskState.Waiting,
    startNs,
    endNs: -1,
    clockNs: startNs,
    references: 0,
    thinkNs,
    pebsLeft: 0,
    hitsByNode: new Float64Array(nrNodes),
    isKilled: () => t.state === TaskState.Killed,
  };
  return t;
}

/**
 * Runs task t until its clock reaches untilNs, it finishes, or it is killed. `slowdown` >= 1
 * stretches its time when more tasks than CPUs share its node. In the rate engine a thread with
 * independent draws plays its sequential part reference by reference, then its draws by rate.
 */
export function runTask(k: Kernel, t: Task, untilNs: number, slowdown: number, rate: RateModel | null): void {
  const draws = t.draws;
  if (draws === null || rate === null) {
    playReferences(k, t, untilNs, slowdown, null);
    return;
  }
  // The round may be cut short while the task runs (a kswapd woken by its fault: cutRound).
  for (
    let until = untilNs;
    t.clockNs < until && t.state === TaskState.Running;
    until = Math.min(until, k.round.endNs)
  ) {
    if (t.cursor < t.len || draws.sequentialLeft() > 0) playReferences(k, t, until, slowdown, draws);
    else
      runDraws(
        k,
        t,
        draws,
        (t.domain ??= rate.domainFor(k, draws.law, t.group, t.policy.localNode, t.clockNs)),
        until,
        slowdown,
      );
  }
}

/** In its independent-draw part (rate engine): no sequential references left to play. */
export function isDrawing(t: Task): boolean {
  return t.draws !== null && t.cursor === t.len && t.draws.sequentialLeft() === 0;
}

/**
 * Plays t's references page by page (all of them, or with `sequential` only those before its
 * draws), consecutive references to one page as one event. Allocates nothing per reference.
 */
function playReferences(
  k: Kernel,
  t: Task,
  untilNs: number,
  slowdown: number,
  sequential: DrawSource | null,
): void {
  const pte = k.m.pte;
  const flags = k.m.flags;
  const nodeEnd = k.m.nodeEnd;
  const latency = k.latency;
  const traffic = k.traffic;
  const buf = t.buf;
  const hits = t.hitsByNode;
  const think = t.thinkNs;
  // The access heatmap's bucket of vpage v is heatFirst + ((v - heatBase) >>> heatShift).
  const heat = k.heat.references;
  const heatBase = k.heat.base[t.group]!;
  const heatShift = k.heat.shift[t.group]!;
  const heatFirst = k.heat.first[t.group]!;
  // Off (no sampler), the countdown starts at Infinity and never reaches zero.
  const sampler = k.sampler;
  let pebsLeft = sampler === null ? Infinity : t.pebsLeft || sampler.period;
  // Every 2^fleetShift-th page of the workload keeps its last reference's time (fleet-sample.ts).
  const fleetTouch = k.fleet.lastTouchNs;
  const fleetBase = k.fleet.base[t.group]!;
  const fleetShift = k.fleet.shift[t.group]!;
  const fleetMask = (1 << fleetShift) - 1;
  const fleetFirst = k.fleet.first[t.group]!;
  let clock = t.clockNs;
  let refs = t.references;
  let cursor = t.cursor;
  let len = t.len;
  while (clock < untilNs) {
    if (cursor === len) {
      const max = sequential === null ? BATCH : Math.min(BATCH, sequential.sequentialLeft());
      if (max === 0) break; // the sequential part is over: the draws take it from here
      len = t.source.fill(buf, max, clock / 1e6);
      cursor = 0;
      if (len === 0) {
        t.state = TaskState.Done;
        t.endNs = clock;
        break;
      }
      prefetchBatch(pte, flags, buf, len);
    }
    const r = buf[cursor++]!;
    const v = r >>> 1;
    const w = r & 1;
    const e = pte[v]!;
    if (e !== 0 && e < PTE_SWAPPED) {
      const f = e - 1;
      const fl = flags[f]!;
      // A write to a write-protected page (NOMAD's shadow) or one being copied (TPM) is checked.
      if ((fl & (SLOW_FLAGS | (-w & NOMAD_WRITE_CHECKED))) === 0) {
        flags[f] = fl | PG.young | (-w & WRITE_BITS); // -1 & bits: all of them on a write
        // pageToNid() inline: DRAM is usually node 0, found at the first compare.
        let n = 0;
        while (f >= nodeEnd[n]!) n++;
        const i = n * 2 + w;
        const costNs = (latency[i]! + think) * slowdown;
        // The same reference again (a walk's next cache line of this page) is one event with it:
        // the page stays mapped and young, and nothing else runs in between. As many as start
        // before the round ends, as one by one.
        let same = 1;
        while (cursor < len && buf[cursor] === r && clock + same * costNs < untilNs) {
          cursor++;
          same++;
        }
        clock += same * costNs;
        traffic[i]! += same * CACHE_LINE;
        hits[n]! += same;
        heat[heatFirst + ((v - heatBase) >>> heatShift)]! += same;
        const fo = v - fleetBase;
        if ((fo & fleetMask) === 0) fleetTouch[fleetFirst + (fo >>> fleetShift)] = clock;
        refs += same;
        if ((pebsLeft -= same) <= 0) pebsLeft = pebsOverflow(k, sampler!, v, pebsLeft);
        continue;
      }
    }
    k.nowNs = clock;
    k.chargedNs = 0;
    const ok = slowReference(k, t, v, w, e);
    clock += (k.chargedNs + think) * slowdown;
    if (!ok) break;
    refs++;
    if (--pebsLeft <= 0) pebsLeft = pebsOverflow(k, sampler!, v, pebsLeft);
  }
  t.pebsLeft = pebsLeft;
  t.clockNs = clock;
  t.references = refs;
  t.cursor = cursor;
  t.len = len;
}

/** Where prefetchBatch leaves what it read, so the compiler cannot drop the loads. */
const prefetchSink = new Uint16Array(1);

/**
 * Reads each reference's PTE and page flags ahead of playing the batch: a loop of independent loads
 * the CPU overlaps, where the playing loop would wait on each cache miss in turn. Changes nothing.
 */
function prefetchBatch(pte: Uint32Array, flags: Uint16Array, buf: Uint32Array, len: number): void {
  let seen = 0;
  for (let j = 0; j < len; j++) {
    const e = pte[buf[j]! >>> 1]!;
    if (e !== 0 && e < PTE_SWAPPED) seen |= flags[e - 1]!;
  }
  prefetchSink[0] = seen;
}
