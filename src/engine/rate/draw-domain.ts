// One region drawn from by independent references (one law), as the rate engine keeps it: how
// many draws were made, the probability mass on each node's plainly mapped pages, and a queue of the
// draw counts at which each waiting page (never touched, swapped out, PROT_NONE) is next drawn.
import type { Kernel } from '../mm/kernel.ts';
import { NIL, PTE_SWAPPED, pageToNid } from '../mm/mem-state.ts';
import { PG, WRITE_BITS } from '../mm/page-flags.ts';
import { hpagePmdNr, isThpHead } from '../mm/folio.ts';
import { NOT_MAPPED, plainNode } from '../mm/reference-model.ts';
import type { Rng } from '../random/rng.ts';
import type { PageLaw } from '../workloads/types.ts';
import { TouchQueue } from './touch-queue.ts';
import { TouchHeap } from './touch-heap.ts';
import { PG_SHADOWED } from '../mm/nomad-shadow.ts';
import { heatBucket } from '../mm/access-heat.ts';
import { DrawHeat } from './draw-heat.ts';
import { HintAggregate } from './hint-aggregate.ts';
import { pendScanned } from './hint-faults.ts';
import { PebsDraws } from './pebs-draws.ts';
import { fleetIndex, fleetVpage } from '../mm/fleet-sample.ts';
import {
  lawSamples,
  noteFleetDraws,
  restartFleetDomain,
  restartFleetMarks,
  settleFleetTouch,
  settlePendingFleet,
} from './draw-fleet.ts';

export class DrawDomain {
  readonly law: PageLaw;
  readonly group: number;
  /** Draws made from the law so far, by all its threads: the clock of the independent reference model. */
  drawn = 0;
  /** Sum of p over the pages each node serves on the plain path: M_n. */
  readonly mass: Float64Array;
  /** The heatmap's share of M: p summed per address bucket of the region, settled lazily. */
  readonly heat: DrawHeat;
  private readonly heatShift: number;
  private readonly heatBase: number;
  /** The workload's own index of the region's first bucket. */
  private readonly heatLocal: number;
  /** Waiting pages by the draw count of their next touch (Exp(1) / p after they started waiting). */
  readonly waits = new TouchQueue();
  /** PROT_NONE pages whose hint faults are counted in aggregate (PG_hintPending; see hint-faults.ts). */
  readonly hints: HintAggregate;
  /** Threads drawing from the law (each adds its own draws to `drawn`). */
  threads = 0;
  /** The node of the CPUs its threads run on: where their hint faults come from. */
  readonly cpuNode: number;
  active = true;
  /** The rate engine's stream: touches drawn for settling bits and waits, and an event's read or write. */
  readonly rng: Rng;
  /** One bit per page: it has an entry in `waits` (at most one, so no page is drawn twice as often). */
  private readonly queued: Uint8Array;
  /**
   * NOMAD's write-protected pages (nomad-shadow.ts): plainly mapped for reads, their next write
   * (Exp(1) / (p w) draws away) is the write-protect fault. At most one entry a page, as `waits`.
   */
  private readonly writeWaits = new TouchHeap();
  private readonly writeQueued: Uint8Array;
  /** Whether the last popWait() came from writeWaits: a write to a page that was write-protected. */
  poppedWrite = false;
  /** What warm() read (unused: it only has to be kept). */
  private warmed = 0;
  /** The plain draws' PEBS samples when a mover samples references (k.sampler), else null. */
  readonly pebs: PebsDraws | null;

  /** Started at nowNs: the time of the first thread's first draw (k.nowNs is the last kernel event's). */
  constructor(k: Kernel, law: PageLaw, group: number, cpuNode: number, rng: Rng, nowNs: number) {
    this.law = law;
    this.group = group;
    this.cpuNode = cpuNode;
    this.rng = rng;
    this.mass = new Float64Array(k.m.nrNodes);
    const heatFirst = heatBucket(k.heat, group, law.base);
    this.heatBase = k.heat.base[group]!;
    this.heatShift = k.heat.shift[group]!;
    this.heatLocal = heatFirst - k.heat.first[group]!;
    const last = law.pages > 0 ? heatBucket(k.heat, group, law.base + law.pages - 1) : heatFirst - 1;
    this.heat = new DrawHeat(heatFirst, last - heatFirst + 1);
    this.queued = new Uint8Array(Math.ceil(law.pages / 8));
    this.hints = new HintAggregate(law.base, law.pages);
    this.writeQueued = new Uint8Array(Math.ceil(law.pages / 8));
    this.pebs = k.sampler ? new PebsDraws(k.sampler, law, rng) : null;
    this.rebuild(k, nowNs / 1e6);
  }

  /**
   * From scratch: every plainly mapped page starts owing nothing and adds its p to its node, every
   * other page waits for its first draw. By memorylessness a fresh Exp(1) per waiting page is exact
   * whenever the law changes too. A PROT_NONE page whose fault cannot promote pends it in
   * aggregate instead, on the plain path (hint-faults.ts pendScanned). The fleet samples' draws
   * start owing from nowMs, the drawing thread's time: k.nowNs is the last kernel event's, which
   * in a stretch of pure draws can be hundreds of ms behind.
   */
  rebuild(k: Kernel, nowMs: number): void {
    const { law, mass } = this;
    const heatMass = this.heat.mass;
    mass.fill(0);
    this.heat.clear(k.heat.references);
    this.waits.clear();
    this.queued.fill(0);
    this.writeWaits.clear();
    this.writeQueued.fill(0);
    const marks = k.m.touchMark;
    for (let i = 0; i < law.pages; i++) {
      const v = law.base + i;
      const node = plainNode(k, v);
      const p = law.p(i);
      if (node === NOT_MAPPED) {
        if (!(p > 0)) continue; // never drawn: waits for nothing
        const e = k.m.pte[v]!;
        const wait = this.drawWait(p);
        if (e !== 0 && e < PTE_SWAPPED && pendScanned(k, this, v, e - 1, wait, nowMs)) {
          mass[pageToNid(k.m, e - 1)]! += p;
          heatMass[this.heatOf(v)]! += p;
        } else this.waitAt(v, this.drawn + wait);
      } else {
        mass[node]! += p;
        heatMass[this.heatOf(v)]! += p;
        marks[k.m.pte[v]! - 1] = this.drawn;
        if (k.m.flags[k.m.pte[v]! - 1]! & PG_SHADOWED) this.writeWait(v, p);
      }
    }
    this.pebs?.rebuild(k, this.drawn);
    restartFleetDomain(k, this, nowMs * 1e6);
  }

  /**
   * A phase change at nowMs (the drawing thread's time): settle every mapped page's bits under the
   * old law, then start over under the new (a page still pending its aggregate hint fault becomes a
   * PROT_NONE page waiting as any other). The old law's draws end at nowMs, so a fleet-sampled
   * page's last touch among them is placed up to nowMs, not up to the last kernel event's k.nowNs.
   */
  changeLaw(k: Kernel, nowMs: number): void {
    const nowNs = nowMs * 1e6;
    for (let i = 0; i < this.law.pages; i++) {
      const v = this.law.base + i;
      if (plainNode(k, v) !== NOT_MAPPED) this.settleAt(k, k.m.pte[v]! - 1, v, NaN, nowNs);
    }
    this.hints.release((_key, v) => this.unpend(k, k.m.pte[v]! - 1));
    this.law.advanceTo(nowMs);
    this.rebuild(k, nowMs);
  }

  /** Index into heat.mass of vpage v's bucket. */
  private heatOf(v: number): number {
    return ((v - this.heatBase) >>> this.heatShift) - this.heatLocal;
  }

  /** Queues vpage's next touch unless it has one already (an entry stays valid: memoryless). */
  wait(v: number, p: number): void {
    if (p > 0) this.waitAt(v, this.drawn - Math.log(1 - this.rng.float()) / p);
  }

  /** Queues vpage's next touch at draw count `key`, unless it has one already. */
  waitAt(v: number, key: number): void {
    const i = v - this.law.base;
    const bit = 1 << (i & 7);
    if (this.queued[i >> 3]! & bit) return;
    this.queued[i >> 3]! |= bit;
    this.waits.push(key, v);
  }

  /** The draws to come before vpage's next touch, Exp(1) / p (Infinity if p is 0). */
  drawWait(p: number): number {
    return -Math.log(1 - this.rng.float()) / p;
  }

  /** Takes p off node's mass (and the heatmap's), as a page leaving the plain path does. */
  leavePlain(k: Kernel, v: number, node: number, p: number): void {
    this.mass[node] = Math.max(0, this.mass[node]! - p);
    this.heat.add(k.heat.references, this.heatOf(v), -p);
  }

  /**
   * Frame `pfn`, pending an aggregate hint fault not yet come, leaves the aggregate as a plain
   * PROT_NONE page untouched since its scan (the caller takes it off the mass and queues its wait).
   */
  unpend(k: Kernel, pfn: number): void {
    const flags = k.m.flags;
    flags[pfn] = (flags[pfn]! & ~PG.hintPending) | PG.protnone;
    k.m.touchMark[pfn] = this.drawn;
  }

  /** Queues vpage's next write (an entry stays valid while it is write-protected: memoryless). */
  private writeWait(v: number, p: number): void {
    const i = v - this.law.base;
    const bit = 1 << (i & 7);
    const rate = p * this.law.writeShare;
    if (!(rate > 0) || this.writeQueued[i >> 3]! & bit) return;
    this.writeQueued[i >> 3]! |= bit;
    this.writeWaits.push(this.drawn - Math.log(1 - this.rng.float()) / rate, v);
  }

  /** See ReferenceModel.writeProtected. */
  writeProtected(v: number): void {
    this.writeWait(v, this.law.p(v - this.law.base));
  }

  /**
   * The draw count of the earliest wait (Infinity if none). When the queue has just brought a batch
   * of waits to its front, first loads the state of each of their pages once: those loads do not
   * depend on one another, so their cache misses overlap, and each event then finds its page's
   * lines in cache instead of stalling on them one after another (on a 1 TiB machine nearly every
   * event's page is a miss in each of these arrays).
   */
  nextWait(k: Kernel): number {
    const key = this.waits.minKey();
    const n = this.waits.takeBroughtForward();
    if (n > 0) this.warm(k, this.waits.frontVpages(), n);
    return Math.min(key, this.writeWaits.minKey());
  }

  private warm(k: Kernel, vpages: Uint32Array, n: number): void {
    const { pte, flags, owner, stamp, touchMark } = k.m;
    const queued = this.queued;
    const base = this.law.base;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const v = vpages[j]!;
      const e = pte[v]!;
      sum += queued[(v - base) >> 3]!;
      if (e === 0 || e >= PTE_SWAPPED) continue;
      const pfn = e - 1;
      sum += flags[pfn]! + owner[pfn]! + stamp[pfn]! + touchMark[pfn]!;
    }
    this.warmed = sum; // kept, so the loads are not optimised away
  }

  /** Pops the earliest wait, a touch's or a write's (poppedWrite); returns its vpage. */
  popWait(): number {
    this.poppedWrite = this.writeWaits.minKey() < this.waits.minKey();
    if (this.poppedWrite) {
      const w = this.writeWaits.minVpage();
      this.writeWaits.pop();
      const j = w - this.law.base;
      this.writeQueued[j >> 3]! &= ~(1 << (j & 7));
      return w;
    }
    const v = this.waits.minVpage();
    this.waits.pop();
    const i = v - this.law.base;
    this.queued[i >> 3]! &= ~(1 << (i & 7));
    return v;
  }

  /**
   * The draws since the frame's bits were last settled touched it with probability 1 - e^(-p d)
   * and wrote it with 1 - e^(-p w d) (d draws, write share w); one uniform decides both, so a
   * write implies a touch. Sets PG_young / PG_dirty and the PTE dirty bit as those references would have.
   */
  settle(k: Kernel, pfn: number, v: number): void {
    this.settleAt(k, pfn, v, NaN);
  }

  /** Settles the draws owed to a fleet-sampled page up to nowNs (a sample is being read). */
  settleForFleet(k: Kernel, pfn: number, v: number, nowNs: number): void {
    this.settleAt(k, pfn, v, NaN, nowNs);
  }

  /** Brings every plainly mapped fleet-sampled page of the law up to nowNs. */
  settleFleet(k: Kernel, nowNs: number): void {
    const [from, to] = lawSamples(k, this);
    for (let i = from; i < to; i++) {
      const v = fleetVpage(k.fleet, this.group, i);
      if (plainNode(k, v) !== NOT_MAPPED) this.settleAt(k, k.m.pte[v]! - 1, v, NaN, nowNs);
    }
  }

  /**
   * settle() given p(v), or NaN to have it looked up only if it is needed. A fleet-sampled page's
   * last-touch time is drawn from the same uniform as its accessed bit (draw-fleet.ts), so the
   * pages reclaim keeps for being young are the ones whose last touch was recent, as in the exact
   * engine; a THP head's bit is its folio's, so its own touch is drawn apart.
   */
  private settleAt(k: Kernel, pfn: number, v: number, p: number, nowNs = k.nowNs): void {
    const flags = k.m.flags;
    if (flags[pfn]! & PG.protnone) return; // waiting: its next touch is an event, not a draw
    if (flags[pfn]! & PG.hintPending) {
      this.settlePending(k, pfn, v, p, nowNs);
      return;
    }
    // A THP's accessed bit is its PMD's: touched by a draw of any of its pages.
    const huge = isThpHead(k.m, pfn);
    const sampled = fleetIndex(k.fleet, this.group, v);
    if (huge && sampled >= 0) settleFleetTouch(k, this, sampled, v, nowNs);
    const coupled = !huge && sampled >= 0;
    const marks = k.m.touchMark;
    const d = this.drawn - marks[pfn]!;
    marks[pfn] = this.drawn;
    const pv = d > 0 ? (huge ? this.folioP(k, pfn) : p === p ? p : this.law.p(v - this.law.base)) : 0;
    const a = pv * d;
    if (!(a > 0)) {
      if (coupled) noteFleetDraws(k, sampled, d, NaN, nowNs);
      return;
    }
    const u = this.rng.float();
    const touched = drawnBy(u, a);
    if (coupled) noteFleetDraws(k, sampled, d, touched ? -Math.log1p(-u) / pv : NaN, nowNs);
    if (!touched) return;
    // A write-protected page's first write is its write wait's event, never a settled draw.
    const written = !(flags[pfn]! & PG_SHADOWED) && drawnBy(u, a * this.law.writeShare);
    flags[pfn] = flags[pfn]! | PG.young | (written ? WRITE_BITS : 0);
  }

  /**
   * A frame pending its aggregate hint fault: untouched while the fault has not come; once it has
   * (at draw touchMark), touched then, written by that reference with the write share or by a
   * write among the draws since, and back on the plain path from now on. A fleet-sampled page's
   * last touch is the fault or, if one of the draws since touched it, the last of those
   * (settlePendingFleet).
   */
  private settlePending(k: Kernel, pfn: number, v: number, p: number, nowNs: number): void {
    if (this.hints.isLive(v)) return;
    const marks = k.m.touchMark;
    const pv = p === p ? p : this.law.p(v - this.law.base);
    const w = this.law.writeShare;
    const since = this.drawn - marks[pfn]!;
    const sampled = fleetIndex(k.fleet, this.group, v);
    const u = since > 0 ? this.rng.float() : NaN;
    const written = this.rng.float() < w || (since > 0 && drawnBy(u, pv * w * since));
    if (sampled >= 0)
      settlePendingFleet(
        k,
        this,
        sampled,
        since,
        since > 0 && drawnBy(u, pv * since) ? -Math.log1p(-u) / pv : since,
        nowNs,
      );
    const flags = k.m.flags;
    flags[pfn] = (flags[pfn]! & ~PG.hintPending) | PG.young | (written ? WRITE_BITS : 0);
    marks[pfn] = this.drawn;
  }

  /** p summed over the pages of THP `head`: the chance a draw touches the folio. */
  private folioP(k: Kernel, head: number): number {
    const first = k.m.owner[head]! - this.law.base;
    let sum = 0;
    for (let i = first, end = first + hpagePmdNr(k.m); i < end; i++) sum += this.law.p(i);
    return sum;
  }

  /** Keeps M_n and the waits in step with a page's plain-path node changing. */
  moved(k: Kernel, v: number, from: number, to: number): void {
    const p = this.law.p(v - this.law.base);
    const e = k.m.pte[v]!;
    const pfn = e !== 0 && e < PTE_SWAPPED ? e - 1 : NIL;
    if (from !== NOT_MAPPED && this.hints.isLive(v)) {
      // Still PROT_NONE, its fault to come: that fault is not taken (unmapped, or moved to another node).
      this.hints.cancel(v);
      if (to !== NOT_MAPPED) {
        // Migration keeps the PTE PROT_NONE: the page waits for its fault on the new node, one by one.
        this.unpend(k, pfn);
        this.leavePlain(k, v, from, p);
        this.wait(v, p);
        return;
      }
      if (pfn !== NIL) {
        k.m.flags[pfn] = k.m.flags[pfn]! & ~PG.hintPending;
        k.m.touchMark[pfn] = this.drawn; // untouched since its scan: nothing owed
      }
    }
    // Back on the plain path, its draws start owing again (off it, settleAt below settles them).
    const sampled = fleetIndex(k.fleet, this.group, v);
    if (sampled >= 0 && from === NOT_MAPPED && to !== NOT_MAPPED)
      restartFleetMarks(k, this, sampled, k.nowNs);
    if (from !== NOT_MAPPED) {
      if (to === NOT_MAPPED && pfn !== NIL) this.settleAt(k, pfn, v, p);
      this.mass[from] = Math.max(0, this.mass[from]! - p);
      if (to === NOT_MAPPED) this.heat.add(k.heat.references, this.heatOf(v), -p);
    }
    if (to === NOT_MAPPED) this.wait(v, p);
    else {
      this.mass[to]! += p;
      if (from === NOT_MAPPED) this.heat.add(k.heat.references, this.heatOf(v), p);
      if (from === NOT_MAPPED && pfn !== NIL) k.m.touchMark[pfn] = this.drawn;
      if (pfn !== NIL && k.m.flags[pfn]! & PG_SHADOWED) this.writeWait(v, p);
      if (from === NOT_MAPPED) this.pebs?.schedule(this.drawn, v);
    }
  }
}

/**
 * u < 1 - e^-a (a page with a expected draws was drawn), exactly as `u < -Math.expm1(-a)` decides
 * it, but mostly without the expm1 (a library call, most of settle's time): 1 - e^-a lies below a
 * and above a - a^2/2 (a < 1) or 1 - 1 / (1 + a + a^2/2) (e^a's series), so only a u between the
 * bounds needs it. The lower bound is shrunk by 1e-15 so its rounding cannot decide a u it should not.
 */
export function drawnBy(u: number, a: number): boolean {
  if (u >= a) return false;
  const lower = a < 1 ? a * (1 - 0.5 * a) : 1 - 1 / (1 + a * (1 + 0.5 * a));
  if (u < lower * (1 - 1e-15)) return true;
  return u < -Math.expm1(-a);
}
