// Where the kernel observes references it did not see one by one. The exact engine plays every
// reference, so the PTE bits are always current and these hooks do nothing (k.refs is null). The
// rate engine (../rate) draws references by probability: it keeps, per page of an independent-draw
// workload, the point since which its accessed and dirty bits are owed, and settles them when a
// kernel path reads them. Every path that reads PG_young / PG_dirty / PG_idle of a mapped page
// calls syncAccessBits first; every path that maps, unmaps, moves or PROT_NONEs a page reports it.
import type { Kernel } from './kernel.ts';
import { PTE_SWAPPED, pageToNid } from './mem-state.ts';
import { PG } from './page-flags.ts';

/** "Not served by the plain reference path": never touched, swapped out, or PROT_NONE. */
export const NOT_MAPPED = -1;

export interface ReferenceModel {
  /** Sets the bits the draws since they were last settled would have set on this frame. */
  syncAccessBits(k: Kernel, pfn: number): void;
  /**
   * Loads what syncAccessBits will read for each of pfns[0..n), changing nothing: independent
   * loads, so a batch's cache misses overlap instead of stalling one page after another.
   */
  warmAccessBits(k: Kernel, pfns: Uint32Array, n: number): void;
  /**
   * The NUMA scanner makes base page vpage (frame pfn, on slow-tier `node`) PROT_NONE in tiering
   * mode, for a task on `cpuNode`. Returns false if the model leaves it to the caller; true if it
   * did it, setting PG_protnone or PG_hintPending (a fault it counts in aggregate: rate/hint-faults.ts).
   */
  scanProtNone(k: Kernel, vpage: number, pfn: number, node: number, cpuNode: number): boolean;
  /** vpage's plain-path node changed from `from` to `to` (either may be NOT_MAPPED). */
  pageMoved(k: Kernel, vpage: number, from: number, to: number): void;
  /**
   * vpage's PTE was just write-protected (a NOMAD shadow, nomad-shadow.ts): it stays on the plain
   * path for reads, and its next write is an event (the write-protect fault).
   */
  writeProtected(k: Kernel, vpage: number): void;
  /** The draws made so far from vpage's law (its domain's clock), or 0 if no law draws it. */
  drawCount(k: Kernel, vpage: number): number;
  /**
   * Whether `draws` draws of vpage's law (a real number) wrote vpage at least once: decided with
   * probability 1 - e^(-p w draws), from the rate engine's stream. False if no law draws it.
   */
  writtenIn(k: Kernel, vpage: number, draws: number): boolean;
  /** Adds the references owed to the access heatmap (k.heat.references): called before it is read. */
  settleHeat(k: Kernel): void;
  /** Settles the draws owed to the fleet sample's last-touch times up to nowNs: called before they are read. */
  settleFleet(k: Kernel, nowNs: number): void;
  /** Workload `group` freed its memory (exit or OOM kill): its draws end. */
  release(k: Kernel, group: number): void;
}

export function syncAccessBits(k: Kernel, pfn: number): void {
  if (k.refs) k.refs.syncAccessBits(k, pfn);
}

/** The node whose frame a reference to vpage reaches without a fault, or NOT_MAPPED. */
export function plainNode(k: Kernel, vpage: number): number {
  const e = k.m.pte[vpage]!;
  if (e === 0 || e >= PTE_SWAPPED) return NOT_MAPPED;
  const fl = k.m.flags[e - 1]!;
  return fl & PG.protnone ? NOT_MAPPED : pageToNid(k.m, e - 1);
}

/** Before a batch of syncAccessBits calls (reclaim's isolated pages): see ReferenceModel. */
export function warmAccessBits(k: Kernel, pfns: Uint32Array, n: number): void {
  if (k.refs) k.refs.warmAccessBits(k, pfns, n);
}

/** See ReferenceModel.scanProtNone: false in the exact engine, which plays every fault. */
export function scanProtNone(k: Kernel, vpage: number, pfn: number, node: number, cpuNode: number): boolean {
  return k.refs !== null && k.refs.scanProtNone(k, vpage, pfn, node, cpuNode);
}

export function writeProtected(k: Kernel, vpage: number): void {
  if (k.refs) k.refs.writeProtected(k, vpage);
}

export function pageMoved(k: Kernel, vpage: number, from: number, to: number): void {
  if (k.refs && from !== to) k.refs.pageMoved(k, vpage, from, to);
}
