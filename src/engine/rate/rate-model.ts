// The rate engine's ReferenceModel: which regions are drawn from independently (one DrawDomain per
// law, created when its first thread starts drawing), and the kernel hooks routed to them.
import type { Kernel } from '../mm/kernel.ts';
import { NIL } from '../mm/mem-state.ts';
import type { ReferenceModel } from '../mm/reference-model.ts';
import { findVma } from '../mm/vma.ts';
import { SWAP_CLUSTER_MAX } from '../mm/scan-control.ts';
import { MIN_LRU_BATCH } from '../mm/lru-gen.ts';
import { createRng, type Rng } from '../random/rng.ts';
import type { PageLaw } from '../workloads/types.ts';
import { DrawDomain } from './draw-domain.ts';
import { scanProtNone } from './hint-faults.ts';

/** Its own stream, so the draws of touches never shift the kernel's or a workload's random choices. */
const RATE_STREAM = 0x85ebca6b;

export class RateModel implements ReferenceModel {
  private readonly rng: Rng;
  /** Per VMA (region index): the domain drawing from it, if any is active. */
  private readonly byRegion: (DrawDomain | null)[];
  private readonly byLaw = new Map<PageLaw, DrawDomain>();
  /**
   * warmAccessBits' scratch: the owners of a batch (the two lists isolate at most SWAP_CLUSTER_MAX
   * folios, MGLRU's scan_folios() at most MIN_LRU_BATCH).
   */
  private readonly warmVpages = new Uint32Array(Math.max(SWAP_CLUSTER_MAX, MIN_LRU_BATCH));
  /** What warmAccessBits read (unused: it only has to be kept, so the loads stay). */
  private warmed = 0;

  constructor(k: Kernel, seed: number) {
    this.rng = createRng((seed ^ RATE_STREAM) >>> 0);
    this.byRegion = k.vmas.base.map(() => null);
  }

  /** The domain of `law`, started (activated) at nowNs on first use by a thread of workload `group`. */
  domainFor(k: Kernel, law: PageLaw, group: number, cpuNode: number, nowNs: number): DrawDomain {
    let d = this.byLaw.get(law);
    if (!d) {
      d = new DrawDomain(k, law, group, cpuNode, this.rng, nowNs);
      this.byLaw.set(law, d);
      if (law.pages > 0) this.byRegion[findVma(k.vmas, law.base)] = d;
    }
    d.threads++; // each thread asks once (Task.domain keeps the answer)
    return d;
  }

  private domainOf(k: Kernel, vpage: number): DrawDomain | null {
    return this.byRegion[findVma(k.vmas, vpage)] ?? null;
  }

  syncAccessBits(k: Kernel, pfn: number): void {
    const v = k.m.owner[pfn]!;
    // Free, or a swap-cache page no PTE maps (readahead): no reference reaches it.
    if (v === NIL || k.m.pte[v] !== pfn + 1) return;
    this.domainOf(k, v)?.settle(k, pfn, v);
  }

  warmAccessBits(k: Kernel, pfns: Uint32Array, n: number): void {
    const { owner, pte, flags, touchMark } = k.m;
    // The slot map too: reclaim asks next whether each page is in the swap cache (inSwapCache).
    const slotOf = k.swap?.slotOf ?? pte;
    const vpages = this.warmVpages;
    for (let j = 0; j < n; j++) vpages[j] = owner[pfns[j]!]!;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const pfn = pfns[j]!;
      const v = vpages[j]!;
      if (v === NIL) continue;
      sum += pte[v]! + flags[pfn]! + touchMark[pfn]! + slotOf[v]!;
      const d = this.domainOf(k, v);
      if (d !== null) sum += d.law.warmP(v - d.law.base);
    }
    this.warmed = sum;
  }

  scanProtNone(k: Kernel, vpage: number, pfn: number, node: number, cpuNode: number): boolean {
    const d = this.domainOf(k, vpage);
    if (d === null) return false;
    scanProtNone(k, d, vpage, pfn, node, cpuNode);
    return true;
  }

  pageMoved(k: Kernel, vpage: number, from: number, to: number): void {
    this.domainOf(k, vpage)?.moved(k, vpage, from, to);
  }

  writeProtected(k: Kernel, vpage: number): void {
    this.domainOf(k, vpage)?.writeProtected(vpage);
  }

  drawCount(k: Kernel, vpage: number): number {
    return this.domainOf(k, vpage)?.drawn ?? 0;
  }

  writtenIn(k: Kernel, vpage: number, draws: number): boolean {
    const d = this.domainOf(k, vpage);
    if (d === null || !(draws > 0)) return false;
    const a = d.law.p(vpage - d.law.base) * d.law.writeShare * draws;
    return a > 0 && d.rng.float() < -Math.expm1(-a);
  }

  settleHeat(k: Kernel): void {
    for (const d of this.byLaw.values()) d.heat.settle(k.heat.references);
  }

  settleFleet(k: Kernel, nowNs: number): void {
    for (const d of this.byLaw.values()) if (d.active) d.settleFleet(k, nowNs);
  }

  release(k: Kernel, group: number): void {
    for (const d of this.byLaw.values()) {
      if (d.group !== group || !d.active) continue;
      d.active = false;
      this.byRegion[findVma(k.vmas, d.law.base)] = null;
    }
  }
}
