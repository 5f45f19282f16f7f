// The OOM killer: picks the workload with the largest footprint (oom_badness: resident + swapped
// pages), kills all its threads and frees its anonymous memory (page cache stays cached).
import { releaseShadow } from '../mm/nomad-shadow.ts';
import { STAT } from '../../shared/vmstat.ts';
import { accountResident, count, type Kernel, type OomHost } from '../mm/kernel.ts';
import { freePgtables } from '../mm/kmem.ts';
import { lruDel } from '../mm/lru.ts';
import { NIL, PTE_NONE, PTE_SWAPPED, putFreeFrame, pageToNid } from '../mm/mem-state.ts';
import { inSwapCache, swapCachePfn, swapFreeSlot } from '../mm/swap-state.ts';
import { PG } from '../mm/page-flags.ts';
import { hpagePmdNr, isThpHead } from '../mm/folio.ts';
import { zapHugePmd } from '../mm/huge-memory.ts';
import { TaskState, type Task } from './task.ts';
import { MEMCG_EVENT } from '../mm/memcg-state.ts';
import { memcgMemoryEvent } from '../mm/memcg-protection.ts';

/** Footprint of workload `group`: its anonymous pages, resident or swapped. */
function oomBadness(k: Kernel, group: number): number {
  let pages = 0;
  const v = k.vmas;
  for (let r = 0; r < v.base.length; r++) {
    if (v.group[r] !== group || v.file[r]) continue;
    for (let p = v.base[r]!, end = p + v.pages[r]!; p < end; p++) if (k.m.pte[p] !== PTE_NONE) pages++;
  }
  return pages;
}

/**
 * exit_mmap() for a workload: frees every anonymous page and swap slot it holds.
 * Postcondition: its anon PTEs are none, its page tables freed; its page-cache pages are untouched.
 */
export function freeWorkloadMemory(k: Kernel, group: number): void {
  k.refs?.release(k, group);
  freePgtables(k, group);
  const v = k.vmas;
  for (let r = 0; r < v.base.length; r++) {
    if (v.group[r] !== group || v.file[r]) continue;
    for (let p = v.base[r]!, end = p + v.pages[r]!; p < end; p++) {
      const e = k.m.pte[p]!;
      if (e === PTE_NONE) continue;
      // A swapped-out page may have its copy in the swap cache still (readahead): free both.
      const pfn = e >= PTE_SWAPPED ? swapCachePfn(e) : e - 1;
      if (e < PTE_SWAPPED && isThpHead(k.m, pfn)) {
        zapHugePmd(k, pfn); // the whole PMD range, from its first vpage (ranges lie inside the region)
        p += hpagePmdNr(k.m) - 1;
        continue;
      }
      if (k.swap && inSwapCache(k, p)) {
        if (pfn !== NIL) k.swap.nrSwapcached[pageToNid(k.m, pfn)]!--;
        if (pfn !== NIL && e >= PTE_SWAPPED) k.swap.nrUnmapped[pageToNid(k.m, pfn)]!--;
        swapFreeSlot(k.swap, p);
      }
      if (pfn !== NIL) {
        if (k.m.flags[pfn]! & PG.lru) lruDel(k.m, pfn);
        if (k.nomad !== null) releaseShadow(k, pfn);
        if (e < PTE_SWAPPED) accountResident(k, p, pageToNid(k.m, pfn), -1);
        count(k, pageToNid(k.m, pfn), STAT.pgfree);
        putFreeFrame(k.m, pfn);
      }
      k.m.pte[p] = PTE_NONE;
    }
  }
}

export function createOomKiller(tasks: Task[], names: string[]): OomHost {
  return {
    killLargest(k: Kernel, reason: string, memcg?: number): boolean {
      let victim = -1;
      let worst = 0;
      for (let g = 0; g < names.length; g++) {
        if (memcg !== undefined && k.memcg.ofGroup[g] !== memcg) continue;
        const alive = tasks.some(
          (t) => t.group === g && (t.state === TaskState.Running || t.state === TaskState.Done),
        );
        if (!alive) continue;
        const badness = oomBadness(k, g);
        if (badness > worst) {
          worst = badness;
          victim = g;
        }
      }
      if (victim < 0) return false;
      let cpu = 0;
      for (const t of tasks) {
        if (t.group !== victim || t.state === TaskState.Stopped || t.state === TaskState.Killed) continue;
        if (t.state !== TaskState.Done) t.endNs = k.nowNs;
        t.state = TaskState.Killed;
        cpu = t.cpuNode;
      }
      freeWorkloadMemory(k, victim);
      count(k, cpu, STAT.oom_kill);
      // memcg_memory_event_mm(victim mm, MEMCG_OOM_KILL): counted in the victim's cgroup, whichever OOM.
      memcgMemoryEvent(k, k.memcg.ofGroup[victim]!, MEMCG_EVENT.oom_kill);
      k.events.push({
        atMs: k.nowNs / 1e6,
        kind: 'oom_kill',
        task: names[victim]!,
        detail: `Killed process ${names[victim]} (${reason}): ${worst} pages`,
      });
      return true;
    },
  };
}
