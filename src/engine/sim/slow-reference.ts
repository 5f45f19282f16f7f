// The uncommon outcomes of a reference: a fault, a page-cache read, or a NUMA hint fault.
import type { Kernel } from '../mm/kernel.ts';
import { handleFault, markPageAccessed } from '../mm/fault.ts';
import { NIL, PTE_SWAPPED, pageToNid } from '../mm/mem-state.ts';
import { PG, WRITE_BITS } from '../mm/page-flags.ts';
import { CACHE_LINE } from '../mm/costs.ts';
import { doNumaPage } from '../mm/numa-hint-fault.ts';
import type { Task } from './task.ts';
import { findVma } from '../mm/vma.ts';
import { heatBucket } from '../mm/access-heat.ts';
import { PG_SHADOWED, shadowWriteFault } from '../mm/nomad-shadow.ts';
import { PG_COPYING } from '../mm/nomad-tpm.ts';
import { NOT_MAPPED, plainNode } from '../mm/reference-model.ts';
import { fleetIndex } from '../mm/fleet-sample.ts';

/**
 * Completes reference (v, w) of task t whose PTE was `e`. Adds its time to k.chargedNs.
 * Returns false if the task was killed (OOM) and must stop.
 */
export function slowReference(k: Kernel, t: Task, v: number, w: number, e: number): boolean {
  let pfn: number;
  if (e === 0 || e >= PTE_SWAPPED) {
    const file = k.vmas.file[findVma(k.vmas, v)]!;
    pfn = handleFault(k, t.policy, v, w === 1, file, t.isKilled);
    if (pfn === NIL) return false;
  } else {
    pfn = e - 1;
    t.hitsByNode[pageToNid(k.m, pfn)]!++; // present: a hit on the tier it is on when touched
    if (k.m.flags[pfn]! & PG.protnone) pfn = doNumaPage(k, t.policy, t.group, pfn, k.nowNs / 1e6, t.id);
    const fl = k.m.flags[pfn]!;
    if (fl & PG.file) markPageAccessed(k, pfn, pageToNid(k.m, pfn));
    else k.m.flags[pfn] = k.m.flags[pfn]! | PG.young;
  }
  if (w) {
    if (k.m.flags[pfn]! & PG_SHADOWED) shadowWriteFault(k, pfn);
    if (k.m.flags[pfn]! & PG_COPYING) k.nomadTpm!.wrote(k, pfn);
    k.m.flags[pfn] = k.m.flags[pfn]! | WRITE_BITS;
  }
  const i = pageToNid(k.m, pfn) * 2 + w;
  k.chargedNs += k.latency[i]!;
  k.traffic[i]! += CACHE_LINE;
  k.heat.references[heatBucket(k.heat, t.group, v)]!++;
  const sampled = fleetIndex(k.fleet, t.group, v);
  if (sampled >= 0) k.fleet.lastTouchNs[sampled] = k.nowNs;
  return true;
}

/**
 * The rate engine's write to vpage while it was write-protected (its write wait came up): the
 * write-protect fault frees the shadow; the write's own latency is in the draws. Nothing if the
 * page is no longer mapped plainly or no longer write-protected. Adds its time to k.chargedNs.
 */
export function writeProtectFault(k: Kernel, v: number): void {
  const e = k.m.pte[v]!;
  if (plainNode(k, v) === NOT_MAPPED) return;
  const pfn = e - 1;
  if (!(k.m.flags[pfn]! & PG_SHADOWED)) return;
  shadowWriteFault(k, pfn);
  k.m.flags[pfn] = k.m.flags[pfn]! | PG.young | WRITE_BITS;
}
