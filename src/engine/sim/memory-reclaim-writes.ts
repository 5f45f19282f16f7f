// Runs the scenario's writes to memory.reclaim at their times, as a user-space agent (senpai, a
// container runtime's proactive reclaimer) would, and logs what each reclaimed.
import type { Kernel } from '../mm/kernel.ts';
import { memoryReclaim } from '../mm/memcontrol.ts';
import type { MemoryReclaimWrite } from './memcg-setup.ts';

/** Runs the writes due before t1Ns from `next` on; returns the index of the first not yet due. */
export function runMemoryReclaimWrites(
  k: Kernel,
  writes: readonly MemoryReclaimWrite[],
  next: number,
  t1Ns: number,
): number {
  let i = next;
  // The writer runs on the first node with CPUs: its zonelist is the one reclaim walks.
  const local = Math.max(
    0,
    k.machine.nodes.findIndex((n) => n.cpus > 0),
  );
  for (; i < writes.length && writes[i]!.atNs < t1Ns; i++) {
    const w = writes[i]!;
    k.nowNs = w.atNs;
    const r = memoryReclaim(k, w.memcg, w.bytes, w.nodemask, local);
    const kib = k.pageSize / 1024;
    k.events.push({
      atMs: w.atNs / 1e6,
      kind: 'memory_reclaim',
      detail:
        `${w.name}: memory.reclaim ${r.nrToReclaim * kib} kB${w.nodemask ? ` nodes=${nodeList(w.nodemask)}` : ''}: ` +
        `${r.nrReclaimed * kib} kB reclaimed${r.eagain ? ' (-EAGAIN)' : ''}`,
    });
  }
  return i;
}

function nodeList(mask: Uint8Array): string {
  return [...mask.keys()].filter((n) => mask[n]).join(',');
}
